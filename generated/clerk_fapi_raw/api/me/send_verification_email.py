from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.clerk_errors import ClerkErrors
from ...models.email_address_envelope import EmailAddressEnvelope
from ...models.prepare_email_address_verification_form import (
    PrepareEmailAddressVerificationForm,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    email_id: str,
    *,
    body: PrepareEmailAddressVerificationForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/me/email_addresses/{email_id}/prepare_verification".format(
            email_id=quote(str(email_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClerkErrors | EmailAddressEnvelope:
    if response.status_code == 200:
        response_200 = EmailAddressEnvelope.from_dict(response.json())

        return response_200

    response_default = ClerkErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClerkErrors | EmailAddressEnvelope]:
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
    body: PrepareEmailAddressVerificationForm | Unset = UNSET,
) -> Response[ClerkErrors | EmailAddressEnvelope]:
    """Send a code (or a link) to verify the email address.

    Args:
        email_id (str):
        body (PrepareEmailAddressVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | EmailAddressEnvelope]
    """

    kwargs = _get_kwargs(
        email_id=email_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    email_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PrepareEmailAddressVerificationForm | Unset = UNSET,
) -> ClerkErrors | EmailAddressEnvelope | None:
    """Send a code (or a link) to verify the email address.

    Args:
        email_id (str):
        body (PrepareEmailAddressVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | EmailAddressEnvelope
    """

    return sync_detailed(
        email_id=email_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    email_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PrepareEmailAddressVerificationForm | Unset = UNSET,
) -> Response[ClerkErrors | EmailAddressEnvelope]:
    """Send a code (or a link) to verify the email address.

    Args:
        email_id (str):
        body (PrepareEmailAddressVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | EmailAddressEnvelope]
    """

    kwargs = _get_kwargs(
        email_id=email_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    email_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PrepareEmailAddressVerificationForm | Unset = UNSET,
) -> ClerkErrors | EmailAddressEnvelope | None:
    """Send a code (or a link) to verify the email address.

    Args:
        email_id (str):
        body (PrepareEmailAddressVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | EmailAddressEnvelope
    """

    return (
        await asyncio_detailed(
            email_id=email_id,
            client=client,
            body=body,
        )
    ).parsed
