"""Every organization membership of an instance, indexed by user and by organization.

Rendering a client shows each session's user with their memberships, and each membership's organization
with its member count: with a plain list, that walked every membership of the instance once per user and
once more per membership, so ``GET /v1/client`` grew with the square of the sessions. Here each lookup
reads only what it returns.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._models import Membership


class Memberships:
    """The memberships of one instance: appended and removed like a list, iterated in the order added,
    and looked up by user, by organization, or by both, without a scan."""

    def __init__(self) -> None:
        self._all: dict[str, Membership] = {}
        self._by_user: dict[str, dict[str, Membership]] = {}
        self._by_organization: dict[str, dict[str, Membership]] = {}

    def append(self, membership: Membership) -> None:
        """Add ``membership`` (its organization and user must not change afterwards)."""
        self._all[membership.id] = membership
        self._by_user.setdefault(membership.user_id, {})[membership.id] = membership
        self._by_organization.setdefault(membership.organization_id, {})[membership.id] = membership

    def remove(self, membership: Membership) -> None:
        """Remove ``membership``; ``ValueError`` if it is not here (as ``list.remove``)."""
        if self._all.pop(membership.id, None) is None:
            raise ValueError(f"no membership {membership.id}")
        del self._by_user[membership.user_id][membership.id]
        del self._by_organization[membership.organization_id][membership.id]

    def __iter__(self) -> Iterator[Membership]:
        return iter(list(self._all.values()))

    def __len__(self) -> int:
        return len(self._all)

    def of_user(self, user_id: str) -> list[Membership]:
        """The user's memberships, in the order they were added."""
        return list(self._by_user.get(user_id, {}).values())

    def of_organization(self, organization_id: str) -> list[Membership]:
        """The organization's memberships, in the order they were added."""
        return list(self._by_organization.get(organization_id, {}).values())

    def count(self, organization_id: str) -> int:
        """How many members the organization has."""
        return len(self._by_organization.get(organization_id, ()))

    def find(self, organization_id: str, user_id: str) -> Membership | None:
        """The user's membership of the organization, if any."""
        return next(
            (m for m in self._by_user.get(user_id, {}).values() if m.organization_id == organization_id),
            None,
        )
