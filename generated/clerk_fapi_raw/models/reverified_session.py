from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reverified_session_actor_type_0 import ReverifiedSessionActorType0
    from ..models.session_task import SessionTask
    from ..models.token import Token


T = TypeVar("T", bound="ReverifiedSession")


@_attrs_define
class ReverifiedSession:
    """The session a reverification is for (its base fields; the client carries the rest).

    Attributes:
        id (str):
        status (str):
        object_ (str | Unset): Always `session`.
        expire_at (int | None | Unset):
        abandon_at (int | None | Unset):
        last_active_at (int | None | Unset):
        last_active_token (None | Token | Unset):
        actor (None | ReverifiedSessionActorType0 | Unset):
        tasks (list[SessionTask] | None | Unset):
    """

    id: str
    status: str
    object_: str | Unset = UNSET
    expire_at: int | None | Unset = UNSET
    abandon_at: int | None | Unset = UNSET
    last_active_at: int | None | Unset = UNSET
    last_active_token: None | Token | Unset = UNSET
    actor: None | ReverifiedSessionActorType0 | Unset = UNSET
    tasks: list[SessionTask] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reverified_session_actor_type_0 import ReverifiedSessionActorType0  # noqa: PLC0415
        from ..models.token import Token  # noqa: PLC0415

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
        elif isinstance(self.actor, ReverifiedSessionActorType0):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

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
        if last_active_token is not UNSET:
            field_dict["last_active_token"] = last_active_token
        if actor is not UNSET:
            field_dict["actor"] = actor
        if tasks is not UNSET:
            field_dict["tasks"] = tasks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reverified_session_actor_type_0 import ReverifiedSessionActorType0  # noqa: PLC0415
        from ..models.session_task import SessionTask  # noqa: PLC0415
        from ..models.token import Token  # noqa: PLC0415

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

        def _parse_actor(data: object) -> None | ReverifiedSessionActorType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_0 = ReverifiedSessionActorType0.from_dict(data)

                return actor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReverifiedSessionActorType0 | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))

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

        reverified_session = cls(
            id=id,
            status=status,
            object_=object_,
            expire_at=expire_at,
            abandon_at=abandon_at,
            last_active_at=last_active_at,
            last_active_token=last_active_token,
            actor=actor,
            tasks=tasks,
        )

        reverified_session.additional_properties = d
        return reverified_session

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
