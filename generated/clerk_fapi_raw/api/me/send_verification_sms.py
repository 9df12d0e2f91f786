from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.clerk_errors import ClerkErrors
from ...models.phone_number_envelope import PhoneNumberEnvelope
from ...models.prepare_phone_number_verification_form import (
    PreparePhoneNumberVerificationForm,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    phone_number_id: str,
    *,
    body: PreparePhoneNumberVerificationForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/me/phone_numbers/{phone_number_id}/prepare_verification".format(
            phone_number_id=quote(str(phone_number_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClerkErrors | PhoneNumberEnvelope:
    if response.status_code == 200:
        response_200 = PhoneNumberEnvelope.from_dict(response.json())

        return response_200

    response_default = ClerkErrors.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClerkErrors | PhoneNumberEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    phone_number_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreparePhoneNumberVerificationForm | Unset = UNSET,
) -> Response[ClerkErrors | PhoneNumberEnvelope]:
    """Send a code by SMS to verify the phone number.

    Args:
        phone_number_id (str):
        body (PreparePhoneNumberVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | PhoneNumberEnvelope]
    """

    kwargs = _get_kwargs(
        phone_number_id=phone_number_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    phone_number_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreparePhoneNumberVerificationForm | Unset = UNSET,
) -> ClerkErrors | PhoneNumberEnvelope | None:
    """Send a code by SMS to verify the phone number.

    Args:
        phone_number_id (str):
        body (PreparePhoneNumberVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | PhoneNumberEnvelope
    """

    return sync_detailed(
        phone_number_id=phone_number_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    phone_number_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreparePhoneNumberVerificationForm | Unset = UNSET,
) -> Response[ClerkErrors | PhoneNumberEnvelope]:
    """Send a code by SMS to verify the phone number.

    Args:
        phone_number_id (str):
        body (PreparePhoneNumberVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClerkErrors | PhoneNumberEnvelope]
    """

    kwargs = _get_kwargs(
        phone_number_id=phone_number_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    phone_number_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PreparePhoneNumberVerificationForm | Unset = UNSET,
) -> ClerkErrors | PhoneNumberEnvelope | None:
    """Send a code by SMS to verify the phone number.

    Args:
        phone_number_id (str):
        body (PreparePhoneNumberVerificationForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClerkErrors | PhoneNumberEnvelope
    """

    return (
        await asyncio_detailed(
            phone_number_id=phone_number_id,
            client=client,
            body=body,
        )
    ).parsed
