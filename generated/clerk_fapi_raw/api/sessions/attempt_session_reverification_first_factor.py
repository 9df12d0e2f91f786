from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.clerk_errors import ClerkErrors
from ...models.reverification_attempt_first_factor_form import (
    ReverificationAttemptFirstFactorForm,
)
from ...models.session_reverification_envelope import SessionReverificationEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: str,
    *,
    body: ReverificationAttemptFirstFactorForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/client/sessions/{session_id}/verify/attempt_first_factor".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClerkErrors | SessionReverificationEnvelope:
    if response.status_code == 200:
        response_200 = SessionReverificationEnvelope.from_dict(response.json())

        return response_200

    response_default = ClerkErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClerkErrors | SessionReverificationEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReverificationAttemptFirstFactorForm | Unset = UNSET,
) -> Response[ClerkErrors | SessionReverificationEnvelope]:
    """Attempt the first factor of a reverification (a code or the password).

    Args:
        session_id (str):
        body (ReverificationAttemptFirstFactorForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | SessionReverificationEnvelope]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReverificationAttemptFirstFactorForm | Unset = UNSET,
) -> ClerkErrors | SessionReverificationEnvelope | None:
    """Attempt the first factor of a reverification (a code or the password).

    Args:
        session_id (str):
        body (ReverificationAttemptFirstFactorForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | SessionReverificationEnvelope
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReverificationAttemptFirstFactorForm | Unset = UNSET,
) -> Response[ClerkErrors | SessionReverificationEnvelope]:
    """Attempt the first factor of a reverification (a code or the password).

    Args:
        session_id (str):
        body (ReverificationAttemptFirstFactorForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | SessionReverificationEnvelope]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReverificationAttemptFirstFactorForm | Unset = UNSET,
) -> ClerkErrors | SessionReverificationEnvelope | None:
    """Attempt the first factor of a reverification (a code or the password).

    Args:
        session_id (str):
        body (ReverificationAttemptFirstFactorForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | SessionReverificationEnvelope
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
