from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.attempt_identification_verification_form import (
    AttemptIdentificationVerificationForm,
)
from ...models.clerk_errors import ClerkErrors
from ...models.totp_envelope import TOTPEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AttemptIdentificationVerificationForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/me/totp/attempt_verification",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClerkErrors | TOTPEnvelope:
    if response.status_code == 200:
        response_200 = TOTPEnvelope.from_dict(response.json())

        return response_200

    response_default = ClerkErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClerkErrors | TOTPEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AttemptIdentificationVerificationForm | Unset = UNSET,
) -> Response[ClerkErrors | TOTPEnvelope]:
    """Finish enrolling TOTP with a code from the authenticator.

    Args:
        body (AttemptIdentificationVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | TOTPEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AttemptIdentificationVerificationForm | Unset = UNSET,
) -> ClerkErrors | TOTPEnvelope | None:
    """Finish enrolling TOTP with a code from the authenticator.

    Args:
        body (AttemptIdentificationVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | TOTPEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AttemptIdentificationVerificationForm | Unset = UNSET,
) -> Response[ClerkErrors | TOTPEnvelope]:
    """Finish enrolling TOTP with a code from the authenticator.

    Args:
        body (AttemptIdentificationVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | TOTPEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AttemptIdentificationVerificationForm | Unset = UNSET,
) -> ClerkErrors | TOTPEnvelope | None:
    """Finish enrolling TOTP with a code from the authenticator.

    Args:
        body (AttemptIdentificationVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | TOTPEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
