from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session import Session
    from ..models.sign_in import SignIn
    from ..models.sign_up import SignUp


T = TypeVar("T", bound="Client")


@_attrs_define
class Client:
    """The sessions on one device and any sign-in or sign-up in progress.

    Attributes:
        id (str):
        object_ (str | Unset): Always `client`.
        sessions (list[Session] | Unset):
        sign_in (None | SignIn | Unset):
        sign_up (None | SignUp | Unset):
        last_active_session_id (None | str | Unset):
        last_authentication_strategy (None | str | Unset):
        cookie_expires_at (int | None | Unset):
        captcha_bypass (bool | None | Unset):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    id: str
    object_: str | Unset = UNSET
    sessions: list[Session] | Unset = UNSET
    sign_in: None | SignIn | Unset = UNSET
    sign_up: None | SignUp | Unset = UNSET
    last_active_session_id: None | str | Unset = UNSET
    last_authentication_strategy: None | str | Unset = UNSET
    cookie_expires_at: int | None | Unset = UNSET
    captcha_bypass: bool | None | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.sign_in import SignIn  # noqa: PLC0415
        from ..models.sign_up import SignUp  # noqa: PLC0415

        id = self.id

        object_ = self.object_

        sessions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sessions, Unset):
            sessions = []
            for sessions_item_data in self.sessions:
                sessions_item = sessions_item_data.to_dict()
                sessions.append(sessions_item)

        sign_in: dict[str, Any] | None | Unset
        if isinstance(self.sign_in, Unset):
            sign_in = UNSET
        elif isinstance(self.sign_in, SignIn):
            sign_in = self.sign_in.to_dict()
        else:
            sign_in = self.sign_in

        sign_up: dict[str, Any] | None | Unset
        if isinstance(self.sign_up, Unset):
            sign_up = UNSET
        elif isinstance(self.sign_up, SignUp):
            sign_up = self.sign_up.to_dict()
        else:
            sign_up = self.sign_up

        last_active_session_id: None | str | Unset
        if isinstance(self.last_active_session_id, Unset):
            last_active_session_id = UNSET
        else:
            last_active_session_id = self.last_active_session_id

        last_authentication_strategy: None | str | Unset
        if isinstance(self.last_authentication_strategy, Unset):
            last_authentication_strategy = UNSET
        else:
            last_authentication_strategy = self.last_authentication_strategy

        cookie_expires_at: int | None | Unset
        if isinstance(self.cookie_expires_at, Unset):
            cookie_expires_at = UNSET
        else:
            cookie_expires_at = self.cookie_expires_at

        captcha_bypass: bool | None | Unset
        if isinstance(self.captcha_bypass, Unset):
            captcha_bypass = UNSET
        else:
            captcha_bypass = self.captcha_bypass

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: int | None | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if sessions is not UNSET:
            field_dict["sessions"] = sessions
        if sign_in is not UNSET:
            field_dict["sign_in"] = sign_in
        if sign_up is not UNSET:
            field_dict["sign_up"] = sign_up
        if last_active_session_id is not UNSET:
            field_dict["last_active_session_id"] = last_active_session_id
        if last_authentication_strategy is not UNSET:
            field_dict["last_authentication_strategy"] = last_authentication_strategy
        if cookie_expires_at is not UNSET:
            field_dict["cookie_expires_at"] = cookie_expires_at
        if captcha_bypass is not UNSET:
            field_dict["captcha_bypass"] = captcha_bypass
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session import Session  # noqa: PLC0415
        from ..models.sign_in import SignIn  # noqa: PLC0415
        from ..models.sign_up import SignUp  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        object_ = d.pop("object", UNSET)

        _sessions = d.pop("sessions", UNSET)
        sessions: list[Session] | Unset = UNSET
        if _sessions is not UNSET:
            sessions = []
            for sessions_item_data in _sessions:
                sessions_item = Session.from_dict(sessions_item_data)

                sessions.append(sessions_item)

        def _parse_sign_in(data: object) -> None | SignIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sign_in_type_1 = SignIn.from_dict(data)

                return sign_in_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignIn | Unset, data)

        sign_in = _parse_sign_in(d.pop("sign_in", UNSET))

        def _parse_sign_up(data: object) -> None | SignUp | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                sign_up_type_1 = SignUp.from_dict(data)

                return sign_up_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignUp | Unset, data)

        sign_up = _parse_sign_up(d.pop("sign_up", UNSET))

        def _parse_last_active_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_active_session_id = _parse_last_active_session_id(
            d.pop("last_active_session_id", UNSET)
        )

        def _parse_last_authentication_strategy(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_authentication_strategy = _parse_last_authentication_strategy(
            d.pop("last_authentication_strategy", UNSET)
        )

        def _parse_cookie_expires_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cookie_expires_at = _parse_cookie_expires_at(d.pop("cookie_expires_at", UNSET))

        def _parse_captcha_bypass(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        captcha_bypass = _parse_captcha_bypass(d.pop("captcha_bypass", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        client = cls(
            id=id,
            object_=object_,
            sessions=sessions,
            sign_in=sign_in,
            sign_up=sign_up,
            last_active_session_id=last_active_session_id,
            last_authentication_strategy=last_authentication_strategy,
            cookie_expires_at=cookie_expires_at,
            captcha_bypass=captcha_bypass,
            created_at=created_at,
            updated_at=updated_at,
        )

        client.additional_properties = d
        return client

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
