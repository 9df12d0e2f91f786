"""The sync and async twins stay one surface, documented once: same public methods, same parameters
(an ``Async`` name on one side for a plain one on the other), same docstrings, and every public
method and property has one."""

from __future__ import annotations

import inspect
from typing import Any

import attrs
import pytest
from clerk_fapi import (
    AsyncClient,
    AsyncOrganizationInvitation,
    AsyncSession,
    AsyncSignIn,
    AsyncSignUp,
    AsyncUser,
    Client,
    OrganizationInvitation,
    Session,
    SignIn,
    SignUp,
    User,
)
from clerk_fapi._twins import ASYNC_NAMES

TWINS = [
    (Client, AsyncClient),
    (Session, AsyncSession),
    (SignIn, AsyncSignIn),
    (SignUp, AsyncSignUp),
    (User, AsyncUser),
    (OrganizationInvitation, AsyncOrganizationInvitation),
]
IDS = [sync.__name__ for sync, _ in TWINS]


def public_members(cls: type[Any]) -> dict[str, Any]:
    """Public methods and properties of ``cls`` (its own and inherited), by the sync twin's name."""
    members: dict[str, Any] = {}
    for name in dir(cls):
        if name.startswith("_"):
            continue
        member = inspect.getattr_static(cls, name)
        if isinstance(member, property) or inspect.isfunction(member):
            members[ASYNC_NAMES.get(name, name)] = member
    return members


def defined_here(member: Any) -> bool:
    """Defined by a shell, a resource or the client core (the read models' own methods are held to
    their docstrings with the read models)."""
    function = member.fget if isinstance(member, property) else member
    return function.__module__ in {
        "clerk_fapi._client",
        "clerk_fapi._core",
        "clerk_fapi._flow_resources",
        "clerk_fapi._resources",
        "clerk_fapi._user",
    }


def shape(function: Any) -> list[tuple[str, Any, Any, str]]:
    """Parameters and return annotation, with ``Async`` names read as their sync twins'."""
    signature = inspect.signature(function)
    parts = [(p.name, p.kind, p.default, str(p.annotation)) for p in signature.parameters.values()]
    parts.append(("return", None, None, str(signature.return_annotation)))
    return [
        (name, kind, default, annotation.replace("Async", "")) for name, kind, default, annotation in parts
    ]


@pytest.mark.parametrize(("sync_cls", "async_cls"), TWINS, ids=IDS)
def test_twins_have_the_same_public_methods_and_properties(sync_cls: type, async_cls: type) -> None:
    assert sorted(public_members(sync_cls)) == sorted(public_members(async_cls))


@pytest.mark.parametrize(("sync_cls", "async_cls"), TWINS, ids=IDS)
def test_every_public_method_and_property_of_both_twins_is_documented(
    sync_cls: type, async_cls: type
) -> None:
    undocumented = [
        f"{cls.__name__}.{name}"
        for cls in (sync_cls, async_cls)
        for name, member in public_members(cls).items()
        if defined_here(member) and not (member.__doc__ or "").strip()
    ]
    assert undocumented == []


@pytest.mark.parametrize(("sync_cls", "async_cls"), TWINS, ids=IDS)
def test_twin_methods_share_signatures_docstrings_and_colour(sync_cls: type, async_cls: type) -> None:
    sync_members, async_members = public_members(sync_cls), public_members(async_cls)
    for name, sync_member in sync_members.items():
        async_member = async_members[name]
        assert async_member.__doc__ == sync_member.__doc__, name
        if isinstance(sync_member, property):
            continue
        assert shape(async_member) == shape(sync_member), name
        if async_member is not sync_member:  # a method of the shared core is neither
            # Awaited, or iterated with ``async for`` (an async generator: the async colour of a
            # sync generator).
            assert inspect.iscoroutinefunction(async_member) or inspect.isasyncgenfunction(async_member), name
            assert not inspect.iscoroutinefunction(sync_member), name
            assert not inspect.isasyncgenfunction(sync_member), name


def test_the_constructors_take_the_same_arguments() -> None:
    assert shape(AsyncClient.__init__) == shape(Client.__init__)


@pytest.mark.parametrize(
    "cls", [Session, AsyncSession, SignIn, AsyncSignIn, SignUp, AsyncSignUp, User, AsyncUser]
)
def test_a_resource_cannot_be_made_without_its_client(cls: type) -> None:
    data = next(c for c in cls.__mro__ if c.__name__.endswith("Data"))
    fields = {f.alias: f.default for f in attrs.fields(data)}
    fields.update({f.alias: "x" for f in attrs.fields(data) if f.default is attrs.NOTHING})
    assert data(**fields).id == "x"  # the read model alone is complete
    with pytest.raises(TypeError, match="owner"):
        cls(**fields)
