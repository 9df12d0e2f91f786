from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.clerk_errors import ClerkErrors
from ...models.organization_memberships_envelope import OrganizationMembershipsEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    paginated: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    params["paginated"] = paginated

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/me/organization_memberships",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClerkErrors | OrganizationMembershipsEnvelope:
    if response.status_code == 200:
        response_200 = OrganizationMembershipsEnvelope.from_dict(response.json())

        return response_200

    response_default = ClerkErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClerkErrors | OrganizationMembershipsEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    paginated: bool | Unset = UNSET,
) -> Response[ClerkErrors | OrganizationMembershipsEnvelope]:
    """The organization memberships of the session's user, one page. The facade always sends
    `paginated=true` and reads `{data, total_count}` (without it the server answers a bare array).

    Args:
        limit (int | Unset):
        offset (int | Unset):
        paginated (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | OrganizationMembershipsEnvelope]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        paginated=paginated,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    paginated: bool | Unset = UNSET,
) -> ClerkErrors | OrganizationMembershipsEnvelope | None:
    """The organization memberships of the session's user, one page. The facade always sends
    `paginated=true` and reads `{data, total_count}` (without it the server answers a bare array).

    Args:
        limit (int | Unset):
        offset (int | Unset):
        paginated (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | OrganizationMembershipsEnvelope
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        paginated=paginated,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    paginated: bool | Unset = UNSET,
) -> Response[ClerkErrors | OrganizationMembershipsEnvelope]:
    """The organization memberships of the session's user, one page. The facade always sends
    `paginated=true` and reads `{data, total_count}` (without it the server answers a bare array).

    Args:
        limit (int | Unset):
        offset (int | Unset):
        paginated (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | OrganizationMembershipsEnvelope]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        paginated=paginated,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    offset: int | Unset = UNSET,
    paginated: bool | Unset = UNSET,
) -> ClerkErrors | OrganizationMembershipsEnvelope | None:
    """The organization memberships of the session's user, one page. The facade always sends
    `paginated=true` and reads `{data, total_count}` (without it the server answers a bare array).

    Args:
        limit (int | Unset):
        offset (int | Unset):
        paginated (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | OrganizationMembershipsEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            paginated=paginated,
        )
    ).parsed
