from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.public_user_data import PublicUserData
    from ..models.session_actor_type_0 import SessionActorType0
    from ..models.session_task import SessionTask
    from ..models.token import Token
    from ..models.user import User


T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    """A signed-in (or formerly signed-in) user on this client.

    Attributes:
        id (str):
        status (str): Known values: `active`, `pending` (signed in, tasks outstanding), `ended`, `expired`, `removed`,
            `replaced`, `revoked`, `abandoned`. The server adds values over time.
        object_ (str | Unset): Always `session`.
        expire_at (int | None | Unset):
        abandon_at (int | None | Unset):
        last_active_at (int | None | Unset):
        last_active_organization_id (None | str | Unset):
        last_active_token (None | Token | Unset):
        actor (None | SessionActorType0 | Unset): Who is impersonating the user, if anyone.
        user (None | Unset | User):
        public_user_data (None | PublicUserData | Unset):
        factor_verification_age (list[int] | None | Unset): Minutes since the first and the second factor were verified
            (-1 for never).
        tasks (list[SessionTask] | None | Unset):
        created_at (int | None | Unset):
        updated_at (int | None | Unset):
    """

    id: str
    status: str
    object_: str | Unset = UNSET
    expire_at: int | None | Unset = UNSET
    abandon_at: int | None | Unset = UNSET
    last_active_at: int | None | Unset = UNSET
    last_active_organization_id: None | str | Unset = UNSET
    last_active_token: None | Token | Unset = UNSET
    actor: None | SessionActorType0 | Unset = UNSET
    user: None | Unset | User = UNSET
    public_user_data: None | PublicUserData | Unset = UNSET
    factor_verification_age: list[int] | None | Unset = UNSET
    tasks: list[SessionTask] | None | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_user_data import PublicUserData  # noqa: PLC0415
        from ..models.session_actor_type_0 import SessionActorType0  # noqa: PLC0415
        from ..models.token import Token  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415

        id = self.id

        status = self.status

        object_ = self.object_

        expire_at: int | None | Unset
        if isinstance(self.expire_at, Unset):
            expire_at = UNSET
        else:
            expire_at = self.expire_at

        abandon_at: int | None | Unset
        if isinstance(self.abandon_at, Unset):
            abandon_at = UNSET
        else:
            abandon_at = self.abandon_at

        last_active_at: int | None | Unset
        if isinstance(self.last_active_at, Unset):
            last_active_at = UNSET
        else:
            last_active_at = self.last_active_at

        last_active_organization_id: None | str | Unset
        if isinstance(self.last_active_organization_id, Unset):
            last_active_organization_id = UNSET
        else:
            last_active_organization_id = self.last_active_organization_id

        last_active_token: dict[str, Any] | None | Unset
        if isinstance(self.last_active_token, Unset):
            last_active_token = UNSET
        elif isinstance(self.last_active_token, Token):
            last_active_token = self.last_active_token.to_dict()
        else:
            last_active_token = self.last_active_token

        actor: dict[str, Any] | None | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        elif isinstance(self.actor, SessionActorType0):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user

        public_user_data: dict[str, Any] | None | Unset
        if isinstance(self.public_user_data, Unset):
            public_user_data = UNSET
        elif isinstance(self.public_user_data, PublicUserData):
            public_user_data = self.public_user_data.to_dict()
        else:
            public_user_data = self.public_user_data

        factor_verification_age: list[int] | None | Unset
        if isinstance(self.factor_verification_age, Unset):
            factor_verification_age = UNSET
        elif isinstance(self.factor_verification_age, list):
            factor_verification_age = self.factor_verification_age

        else:
            factor_verification_age = self.factor_verification_age

        tasks: list[dict[str, Any]] | None | Unset
        if isinstance(self.tasks, Unset):
            tasks = UNSET
        elif isinstance(self.tasks, list):
            tasks = []
            for tasks_type_0_item_data in self.tasks:
                tasks_type_0_item = tasks_type_0_item_data.to_dict()
                tasks.append(tasks_type_0_item)

        else:
            tasks = self.tasks

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
                "status": status,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if expire_at is not UNSET:
            field_dict["expire_at"] = expire_at
        if abandon_at is not UNSET:
            field_dict["abandon_at"] = abandon_at
        if last_active_at is not UNSET:
            field_dict["last_active_at"] = last_active_at
        if last_active_organization_id is not UNSET:
            field_dict["last_active_organization_id"] = last_active_organization_id
        if last_active_token is not UNSET:
            field_dict["last_active_token"] = last_active_token
        if actor is not UNSET:
            field_dict["actor"] = actor
        if user is not UNSET:
            field_dict["user"] = user
        if public_user_data is not UNSET:
            field_dict["public_user_data"] = public_user_data
        if factor_verification_age is not UNSET:
            field_dict["factor_verification_age"] = factor_verification_age
        if tasks is not UNSET:
            field_dict["tasks"] = tasks
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_user_data import PublicUserData  # noqa: PLC0415
        from ..models.session_actor_type_0 import SessionActorType0  # noqa: PLC0415
        from ..models.session_task import SessionTask  # noqa: PLC0415
        from ..models.token import Token  # noqa: PLC0415
        from ..models.user import User  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        object_ = d.pop("object", UNSET)

        def _parse_expire_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expire_at = _parse_expire_at(d.pop("expire_at", UNSET))

        def _parse_abandon_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        abandon_at = _parse_abandon_at(d.pop("abandon_at", UNSET))

        def _parse_last_active_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_active_at = _parse_last_active_at(d.pop("last_active_at", UNSET))

        def _parse_last_active_organization_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_active_organization_id = _parse_last_active_organization_id(
            d.pop("last_active_organization_id", UNSET)
        )

        def _parse_last_active_token(data: object) -> None | Token | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_active_token_type_1 = Token.from_dict(data)

                return last_active_token_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Token | Unset, data)

        last_active_token = _parse_last_active_token(d.pop("last_active_token", UNSET))

        def _parse_actor(data: object) -> None | SessionActorType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_0 = SessionActorType0.from_dict(data)

                return actor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionActorType0 | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))

        def _parse_user(data: object) -> None | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_1 = User.from_dict(data)

                return user_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | User, data)

        user = _parse_user(d.pop("user", UNSET))

        def _parse_public_user_data(data: object) -> None | PublicUserData | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                public_user_data_type_1 = PublicUserData.from_dict(data)

                return public_user_data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicUserData | Unset, data)

        public_user_data = _parse_public_user_data(d.pop("public_user_data", UNSET))

        def _parse_factor_verification_age(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                factor_verification_age_type_0 = cast(list[int], data)

                return factor_verification_age_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        factor_verification_age = _parse_factor_verification_age(
            d.pop("factor_verification_age", UNSET)
        )

        def _parse_tasks(data: object) -> list[SessionTask] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tasks_type_0 = []
                _tasks_type_0 = data
                for tasks_type_0_item_data in _tasks_type_0:
                    tasks_type_0_item = SessionTask.from_dict(tasks_type_0_item_data)

                    tasks_type_0.append(tasks_type_0_item)

                return tasks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SessionTask] | None | Unset, data)

        tasks = _parse_tasks(d.pop("tasks", UNSET))

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

        session = cls(
            id=id,
            status=status,
            object_=object_,
            expire_at=expire_at,
            abandon_at=abandon_at,
            last_active_at=last_active_at,
            last_active_organization_id=last_active_organization_id,
            last_active_token=last_active_token,
            actor=actor,
            user=user,
            public_user_data=public_user_data,
            factor_verification_age=factor_verification_age,
            tasks=tasks,
            created_at=created_at,
            updated_at=updated_at,
        )

        session.additional_properties = d
        return session

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
