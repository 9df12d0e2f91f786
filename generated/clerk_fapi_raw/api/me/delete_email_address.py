from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.clerk_errors import ClerkErrors
from ...models.deleted_object_envelope import DeletedObjectEnvelope
from ...types import Response


def _get_kwargs(
    email_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/me/email_addresses/{email_id}".format(
            email_id=quote(str(email_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClerkErrors | DeletedObjectEnvelope:
    if response.status_code == 200:
        response_200 = DeletedObjectEnvelope.from_dict(response.json())

        return response_200

    response_default = ClerkErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClerkErrors | DeletedObjectEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    email_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ClerkErrors | DeletedObjectEnvelope]:
    """Remove an email address from the user.

    Args:
        email_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | DeletedObjectEnvelope]
    """

    kwargs = _get_kwargs(
        email_id=email_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    email_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ClerkErrors | DeletedObjectEnvelope | None:
    """Remove an email address from the user.

    Args:
        email_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | DeletedObjectEnvelope
    """

    return sync_detailed(
        email_id=email_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    email_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ClerkErrors | DeletedObjectEnvelope]:
    """Remove an email address from the user.

    Args:
        email_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | DeletedObjectEnvelope]
    """

    kwargs = _get_kwargs(
        email_id=email_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    email_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ClerkErrors | DeletedObjectEnvelope | None:
    """Remove an email address from the user.

    Args:
        email_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | DeletedObjectEnvelope
    """

    return (
        await asyncio_detailed(
            email_id=email_id,
            client=client,
        )
    ).parsed
