from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.clerk_errors import ClerkErrors
from ...models.token import Token
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: str,
    template_name: str,
    *,
    expired_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["expired_token"] = expired_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/client/sessions/{session_id}/tokens/{template_name}".format(
            session_id=quote(str(session_id), safe=""),
            template_name=quote(str(template_name), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClerkErrors | Token:
    if response.status_code == 200:
        response_200 = Token.from_dict(response.json())

        return response_200

    response_default = ClerkErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClerkErrors | Token]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    template_name: str,
    *,
    client: AuthenticatedClient | Client,
    expired_token: str | Unset = UNSET,
) -> Response[ClerkErrors | Token]:
    """Mint a JWT from a JWT template, for the session's active organization. Not enveloped; takes no form
    (clerk-js sends none: the template endpoint does not take an organization).

    Args:
        session_id (str):
        template_name (str):
        expired_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | Token]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        template_name=template_name,
        expired_token=expired_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    template_name: str,
    *,
    client: AuthenticatedClient | Client,
    expired_token: str | Unset = UNSET,
) -> ClerkErrors | Token | None:
    """Mint a JWT from a JWT template, for the session's active organization. Not enveloped; takes no form
    (clerk-js sends none: the template endpoint does not take an organization).

    Args:
        session_id (str):
        template_name (str):
        expired_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | Token
    """

    return sync_detailed(
        session_id=session_id,
        template_name=template_name,
        client=client,
        expired_token=expired_token,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    template_name: str,
    *,
    client: AuthenticatedClient | Client,
    expired_token: str | Unset = UNSET,
) -> Response[ClerkErrors | Token]:
    """Mint a JWT from a JWT template, for the session's active organization. Not enveloped; takes no form
    (clerk-js sends none: the template endpoint does not take an organization).

    Args:
        session_id (str):
        template_name (str):
        expired_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | Token]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        template_name=template_name,
        expired_token=expired_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    template_name: str,
    *,
    client: AuthenticatedClient | Client,
    expired_token: str | Unset = UNSET,
) -> ClerkErrors | Token | None:
    """Mint a JWT from a JWT template, for the session's active organization. Not enveloped; takes no form
    (clerk-js sends none: the template endpoint does not take an organization).

    Args:
        session_id (str):
        template_name (str):
        expired_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | Token
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            template_name=template_name,
            client=client,
            expired_token=expired_token,
        )
    ).parsed
