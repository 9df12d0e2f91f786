"""Sign-ins and sign-ups with their methods, for ``Client`` and ``AsyncClient``.

Like the sessions of :mod:`clerk_fapi._resources`, each is the read model (``SignInData``,
``SignUpData``) plus the client it came from, its *owner*, seen only through
:class:`~clerk_fapi._resources.Owner` (or ``AsyncOwner``): a method runs an operation of
:mod:`clerk_fapi._ops` and returns the updated resource, bound to the same owner. The sync and
async classes are deliberate twins that differ only in ``await``; the sync ones carry the
documentation (see :mod:`clerk_fapi._twins`).
"""

from __future__ import annotations

from typing import Any

import attrs

from ._models import SignInData, SignUpData
from ._ops import email_link, external, sign_ins, sign_ups
from ._resources import AsyncOwner, Owner, _Bound, bind
from ._twins import documented_by

__all__ = ["AsyncSignIn", "AsyncSignUp", "SignIn", "SignUp"]


# ----- sign-ins --------------------------------------------------------------------------------------
@attrs.frozen
class SignIn(_Bound, SignInData):
    """A sign-in of a :class:`~clerk_fapi.Client`."""

    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    def reload(self, rotating_token_nonce: str | None = None) -> SignIn:
        """Fetch this sign-in again (GET /v1/client/sign_ins/{id}). With the ``rotating_token_nonce``
        an OAuth or enterprise SSO callback brought back, this finishes that sign-in on this client:
        the rotated client token is stored and, when the sign-in is complete, its new session is
        made active (see also :meth:`handle_callback`)."""
        flow = external.reload_sign_in(self._owner, self.id, rotating_token_nonce)
        return self._bound(self._owner._run(flow))

    def handle_callback(self, callback_url: str, *, redirect_url: str | None = None) -> SignIn:
        """Finish an OAuth or enterprise SSO sign-in from the URL the browser came back to: its
        ``rotating_token_nonce`` is redeemed (:meth:`reload`) and the new session made active.
        Raises :class:`ExternalAccountNotFoundError` when no user has the external account (then
        :meth:`transfer_to_sign_up`), :class:`ExternalVerificationError` for any other failure
        (``__clerk_status=failed&__clerk_error_code=...``, a provider ``error``, no nonce), and
        :class:`CallbackError` for a URL that cannot be read (or, with ``redirect_url``, that
        does not lead to it)."""
        flow = external.handle_sign_in_callback(self._owner, self, callback_url, redirect_url)
        return self._bound(self._owner._run(flow))

    def transfer_to_sign_up(self, **fields: Any) -> SignUp:
        """Create the user from the external account of this transferable sign-in (POST
        /v1/client/sign_ups with ``transfer=true`` and any other sign-up ``fields``, e.g.
        ``legal_accepted=True``); a complete sign-up has its session made active."""
        return bind(SignUp, self._owner._run(external.transfer_to_sign_up(self._owner, fields)), self._owner)

    def wait_for_email_link(
        self, timeout: float = email_link.DEFAULT_TIMEOUT, interval: float = email_link.DEFAULT_INTERVAL
    ) -> SignIn:
        """After ``prepare_first_factor("email_link", redirect_url=...)``, wait until the link is
        followed: the sign-in is read every ``interval`` seconds (one request at a time, as clerk-js
        polls) until its verification is ``verified`` (a complete sign-in has its session made
        active), or ``transferable`` (then :meth:`transfer_to_sign_up`). Raises
        :class:`EmailLinkExpiredError` when the link expired and :class:`EmailLinkTimeoutError`
        after ``timeout`` seconds."""
        flow = email_link.wait_sign_in(self._owner, self.id, timeout, interval)
        return self._bound(self._owner._run(flow))

    def prepare_first_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Send a code or link for ``strategy``; the email/phone id is found among
        ``supported_first_factors`` unless given (``email_address_id=``, ``phone_number_id=``)."""
        return self._bound(self._owner._run(sign_ins.prepare_factor(self._owner, self, 1, strategy, fields)))

    def attempt_first_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Attempt ``strategy`` with ``code=`` or ``password=`` (or ``ticket=``...)."""
        flow = sign_ins.attempt_factor(self._owner, self.id, 1, strategy, fields)
        return self._bound(self._owner._run(flow))

    def prepare_second_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Send a code for the second factor ``strategy`` (``phone_code``, ``email_code``), e.g. when
        the status is ``needs_second_factor`` or ``needs_client_trust``; the email/phone id is found
        among ``supported_second_factors`` unless given."""
        return self._bound(self._owner._run(sign_ins.prepare_factor(self._owner, self, 2, strategy, fields)))

    def attempt_second_factor(self, strategy: str, **fields: Any) -> SignIn:
        """Attempt ``strategy`` (``totp``, ``backup_code``, ``phone_code``, ``email_code``) with ``code=``."""
        flow = sign_ins.attempt_factor(self._owner, self.id, 2, strategy, fields)
        return self._bound(self._owner._run(flow))

    def reset_password(self, password: str, sign_out_of_other_sessions: bool = False) -> SignIn:
        """Set a new password on a sign-in whose status is ``needs_new_password``."""
        flow = sign_ins.reset_password(self._owner, self.id, password, sign_out_of_other_sessions)
        return self._bound(self._owner._run(flow))


@documented_by(SignIn)
@attrs.frozen
class AsyncSignIn(_Bound, SignInData):
    """A sign-in of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncOwner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    async def reload(self, rotating_token_nonce: str | None = None) -> AsyncSignIn:
        flow = external.reload_sign_in(self._owner, self.id, rotating_token_nonce)
        return self._bound(await self._owner._run(flow))

    async def handle_callback(self, callback_url: str, *, redirect_url: str | None = None) -> AsyncSignIn:
        flow = external.handle_sign_in_callback(self._owner, self, callback_url, redirect_url)
        return self._bound(await self._owner._run(flow))

    async def transfer_to_sign_up(self, **fields: Any) -> AsyncSignUp:
        data = await self._owner._run(external.transfer_to_sign_up(self._owner, fields))
        return bind(AsyncSignUp, data, self._owner)

    async def wait_for_email_link(
        self, timeout: float = email_link.DEFAULT_TIMEOUT, interval: float = email_link.DEFAULT_INTERVAL
    ) -> AsyncSignIn:
        flow = email_link.wait_sign_in(self._owner, self.id, timeout, interval)
        return self._bound(await self._owner._run(flow))

    async def prepare_first_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        flow = sign_ins.prepare_factor(self._owner, self, 1, strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def attempt_first_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        flow = sign_ins.attempt_factor(self._owner, self.id, 1, strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def prepare_second_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        flow = sign_ins.prepare_factor(self._owner, self, 2, strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def attempt_second_factor(self, strategy: str, **fields: Any) -> AsyncSignIn:
        flow = sign_ins.attempt_factor(self._owner, self.id, 2, strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def reset_password(self, password: str, sign_out_of_other_sessions: bool = False) -> AsyncSignIn:
        flow = sign_ins.reset_password(self._owner, self.id, password, sign_out_of_other_sessions)
        return self._bound(await self._owner._run(flow))


# ----- sign-ups --------------------------------------------------------------------------------------
@attrs.frozen
class SignUp(_Bound, SignUpData):
    """A sign-up of a :class:`~clerk_fapi.Client`."""

    _owner: Owner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    def reload(self, rotating_token_nonce: str | None = None) -> SignUp:
        """Fetch this sign-up again (GET /v1/client/sign_ups/{id}). With the ``rotating_token_nonce``
        an OAuth callback brought back, this finishes that sign-up on this client: the rotated
        client token is stored and a complete sign-up has its new session made active."""
        flow = external.reload_sign_up(self._owner, self.id, rotating_token_nonce)
        return self._bound(self._owner._run(flow))

    def handle_callback(self, callback_url: str, *, redirect_url: str | None = None) -> SignUp:
        """Finish a sign-up started with ``strategy="oauth_..."`` from the URL the browser came
        back to (as :meth:`SignIn.handle_callback`). Raises :class:`ExternalAccountExistsError`
        when a user has the external account already (then :meth:`transfer_to_sign_in`),
        :class:`ExternalVerificationError` for any other failure. The sign-up may still miss
        fields (``missing_fields``): :meth:`update` them."""
        flow = external.handle_sign_up_callback(self._owner, self, callback_url, redirect_url)
        return self._bound(self._owner._run(flow))

    def transfer_to_sign_in(self) -> SignIn:
        """Sign in the user who owns the external account of this transferable sign-up (POST
        /v1/client/sign_ins with ``transfer=true``); a complete sign-in has its session made active."""
        return bind(SignIn, self._owner._run(external.transfer_to_sign_in(self._owner)), self._owner)

    def wait_for_email_link(
        self, timeout: float = email_link.DEFAULT_TIMEOUT, interval: float = email_link.DEFAULT_INTERVAL
    ) -> SignUp:
        """After ``prepare_verification("email_link", redirect_url=...)``, wait until the link is
        followed (as :meth:`SignIn.wait_for_email_link`); a complete sign-up has its session made
        active."""
        flow = email_link.wait_sign_up(self._owner, self.id, timeout, interval)
        return self._bound(self._owner._run(flow))

    def update(self, **fields: Any) -> SignUp:
        """Add or change fields (PATCH); ``unsafe_metadata`` may be a dict."""
        return self._bound(self._owner._run(sign_ups.update(self._owner, self.id, fields)))

    def prepare_verification(self, strategy: str, **fields: Any) -> SignUp:
        """Send a code or link to verify an identifier of the sign-up (``email_code``,
        ``email_link``, ``phone_code``)."""
        flow = sign_ups.verification(self._owner, self.id, "prepare", strategy, fields)
        return self._bound(self._owner._run(flow))

    def attempt_verification(self, strategy: str, code: str, **fields: Any) -> SignUp:
        """Verify an identifier of the sign-up with the ``code`` that was sent for ``strategy``."""
        fields["code"] = code
        flow = sign_ups.verification(self._owner, self.id, "attempt", strategy, fields)
        return self._bound(self._owner._run(flow))

    def prepare_email_address_verification(self, strategy: str = "email_code") -> SignUp:
        """Send a code (or with ``strategy="email_link"``, a link) to the sign-up's email address."""
        return self.prepare_verification(strategy)

    def attempt_email_address_verification(self, code: str) -> SignUp:
        """Verify the sign-up's email address with the ``code`` sent to it."""
        return self.attempt_verification("email_code", code)

    def prepare_phone_number_verification(self) -> SignUp:
        """Send a code to the sign-up's phone number."""
        return self.prepare_verification("phone_code")

    def attempt_phone_number_verification(self, code: str) -> SignUp:
        """Verify the sign-up's phone number with the ``code`` sent to it."""
        return self.attempt_verification("phone_code", code)


@documented_by(SignUp)
@attrs.frozen
class AsyncSignUp(_Bound, SignUpData):
    """A sign-up of an :class:`~clerk_fapi.AsyncClient`."""

    _owner: AsyncOwner = attrs.field(repr=False, eq=False, alias="owner", kw_only=True)

    async def reload(self, rotating_token_nonce: str | None = None) -> AsyncSignUp:
        flow = external.reload_sign_up(self._owner, self.id, rotating_token_nonce)
        return self._bound(await self._owner._run(flow))

    async def handle_callback(self, callback_url: str, *, redirect_url: str | None = None) -> AsyncSignUp:
        flow = external.handle_sign_up_callback(self._owner, self, callback_url, redirect_url)
        return self._bound(await self._owner._run(flow))

    async def transfer_to_sign_in(self) -> AsyncSignIn:
        data = await self._owner._run(external.transfer_to_sign_in(self._owner))
        return bind(AsyncSignIn, data, self._owner)

    async def wait_for_email_link(
        self, timeout: float = email_link.DEFAULT_TIMEOUT, interval: float = email_link.DEFAULT_INTERVAL
    ) -> AsyncSignUp:
        flow = email_link.wait_sign_up(self._owner, self.id, timeout, interval)
        return self._bound(await self._owner._run(flow))

    async def update(self, **fields: Any) -> AsyncSignUp:
        return self._bound(await self._owner._run(sign_ups.update(self._owner, self.id, fields)))

    async def prepare_verification(self, strategy: str, **fields: Any) -> AsyncSignUp:
        flow = sign_ups.verification(self._owner, self.id, "prepare", strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def attempt_verification(self, strategy: str, code: str, **fields: Any) -> AsyncSignUp:
        fields["code"] = code
        flow = sign_ups.verification(self._owner, self.id, "attempt", strategy, fields)
        return self._bound(await self._owner._run(flow))

    async def prepare_email_address_verification(self, strategy: str = "email_code") -> AsyncSignUp:
        return await self.prepare_verification(strategy)

    async def attempt_email_address_verification(self, code: str) -> AsyncSignUp:
        return await self.attempt_verification("email_code", code)

    async def prepare_phone_number_verification(self) -> AsyncSignUp:
        return await self.prepare_verification("phone_code")

    async def attempt_phone_number_verification(self, code: str) -> AsyncSignUp:
        return await self.attempt_verification("phone_code", code)
