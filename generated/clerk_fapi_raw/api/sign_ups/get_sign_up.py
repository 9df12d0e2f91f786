from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.clerk_errors import ClerkErrors
from ...models.sign_up_envelope import SignUpEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sign_up_id: str,
    *,
    rotating_token_nonce: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["rotating_token_nonce"] = rotating_token_nonce

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/client/sign_ups/{sign_up_id}".format(
            sign_up_id=quote(str(sign_up_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClerkErrors | SignUpEnvelope:
    if response.status_code == 200:
        response_200 = SignUpEnvelope.from_dict(response.json())

        return response_200

    response_default = ClerkErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClerkErrors | SignUpEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sign_up_id: str,
    *,
    client: AuthenticatedClient | Client,
    rotating_token_nonce: str | Unset = UNSET,
) -> Response[ClerkErrors | SignUpEnvelope]:
    """Reload a sign-up.

    Args:
        sign_up_id (str):
        rotating_token_nonce (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | SignUpEnvelope]
    """

    kwargs = _get_kwargs(
        sign_up_id=sign_up_id,
        rotating_token_nonce=rotating_token_nonce,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sign_up_id: str,
    *,
    client: AuthenticatedClient | Client,
    rotating_token_nonce: str | Unset = UNSET,
) -> ClerkErrors | SignUpEnvelope | None:
    """Reload a sign-up.

    Args:
        sign_up_id (str):
        rotating_token_nonce (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | SignUpEnvelope
    """

    return sync_detailed(
        sign_up_id=sign_up_id,
        client=client,
        rotating_token_nonce=rotating_token_nonce,
    ).parsed


async def asyncio_detailed(
    sign_up_id: str,
    *,
    client: AuthenticatedClient | Client,
    rotating_token_nonce: str | Unset = UNSET,
) -> Response[ClerkErrors | SignUpEnvelope]:
    """Reload a sign-up.

    Args:
        sign_up_id (str):
        rotating_token_nonce (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | SignUpEnvelope]
    """

    kwargs = _get_kwargs(
        sign_up_id=sign_up_id,
        rotating_token_nonce=rotating_token_nonce,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sign_up_id: str,
    *,
    client: AuthenticatedClient | Client,
    rotating_token_nonce: str | Unset = UNSET,
) -> ClerkErrors | SignUpEnvelope | None:
    """Reload a sign-up.

    Args:
        sign_up_id (str):
        rotating_token_nonce (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | SignUpEnvelope
    """

    return (
        await asyncio_detailed(
            sign_up_id=sign_up_id,
            client=client,
            rotating_token_nonce=rotating_token_nonce,
        )
    ).parsed
