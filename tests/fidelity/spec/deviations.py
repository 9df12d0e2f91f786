"""Deliberate differences between openapi.yaml and Clerk's published Frontend API spec, one reason each.

Keys are ``(location, field)`` exactly as ``test_upstream_conformance.py`` reports them: an operation
(``"POST /v1/dev_browser"``), a response (``"... 200"``, ``"... default"``) or one of our schemas
(``"Verification"``; ``"Session.actor"`` for an inline one). The test fails on a difference that is
not listed here and on an entry here that no longer occurs. FAPI.md is ../shared/FAPI.md.
"""

from __future__ import annotations

_TOKENS = "POST /v1/client/sessions/{session_id}/tokens"
_TEMPLATE_TOKENS = "POST /v1/client/sessions/{session_id}/tokens/{template_name}"
_EXPIRED_TOKEN = (
    "clerk-js retries a 422 missing_expired_token once with the last JWT in this query parameter"
    " (FAPI.md §6); upstream does not document it"
)
_ANY_CALL_CAN_FAIL = (
    "any FAPI call can answer an error body (native_api_disabled, bot_detected, too_many_requests:"
    " FAPI.md §2); upstream lists no error answer for client creation"
)
_UNTYPED_PIGGYBACK = (
    "client-scoped calls piggyback the client's new state in `client` (FAPI.md §2); upstream types it as a"
    " bare object on DELETE /v1/client and DELETE /v1/client/sessions only; our shared envelope keeps Client"
)
_ONE_VERIFICATION = (
    "one Verification schema serves every strategy (FAPI.md §5: tell kinds apart by strategy, not shape);"
    " upstream splits verifications into per-strategy stubs and the stub used at some places lacks this"
    " field, which other stubs (OAuth/SAML or web3/passkey) carry"
)
_ONE_SIGN_UP_VERIFICATION = (
    "one SignUpVerification schema serves all four sign-up slots (FAPI.md §5); upstream's per-slot stub"
    " unions lack this field on some slots (external_account has no next_action/supported_strategies,"
    " OTP has no error/nonce...) although other stubs carry it"
)

_ROTATING_TOKEN_NONCE = (
    "the OAuth/SSO callback's single-use nonce is redeemed by reading the sign-in or sign-up with it"
    " (PROTOCOL.md §2: iOS SignInService, Android SSOService, Expo useSSO); upstream does not document it"
)
_HOSTED_AUTH = (
    "hosted sign-in (Account Portal + PKCE): upstream lists /v1/client/hosted_auth as an empty path item;"
    " the request and answer come from Clerk's iOS, Android and Expo SDKs, which agree (PROTOCOL.md §1)"
)
_HOSTED_AUTH_REDEEM = (
    "the hosted sign-in redeem is POST /v1/client with _method=GET, rotating_token_nonce and code_verifier"
    " in the form (PROTOCOL.md §1: iOS HostedAuthService, Android ClientApi, Expo hostedAuth); upstream"
    " documents no body for POST /v1/client"
)

DEVIATIONS: dict[tuple[str, str], str] = {
    # ----- requests -----
    ("GET /v1/client/sign_ins/{sign_in_id}", "query rotating_token_nonce"): _ROTATING_TOKEN_NONCE,
    ("GET /v1/client/sign_ups/{sign_up_id}", "query rotating_token_nonce"): _ROTATING_TOKEN_NONCE,
    (_TOKENS, "query expired_token"): _EXPIRED_TOKEN,
    (_TEMPLATE_TOKENS, "query expired_token"): _EXPIRED_TOKEN,
    ("POST /v1/client/hosted_auth", "<operation>"): _HOSTED_AUTH,
    ("POST /v1/client", "form _method"): _HOSTED_AUTH_REDEEM,
    ("POST /v1/client", "form rotating_token_nonce"): _HOSTED_AUTH_REDEEM,
    ("POST /v1/client", "form code_verifier"): _HOSTED_AUTH_REDEEM,
    # ----- responses -----
    ("PUT /v1/client default", "<response>"): _ANY_CALL_CAN_FAIL,
    ("POST /v1/client default", "<response>"): _ANY_CALL_CAN_FAIL,
    ("Client", "<untyped upstream>"): _UNTYPED_PIGGYBACK,
    ("POST /v1/dev_browser 200", "<body>"): (
        "upstream declares no body, but the dev browser answers a bare object whose `id` is the token"
        " (FAPI.md §2 and §3); without a schema the token could not be read"
    ),
    ("POST /v1/dev_browser default", "<body>"): (
        "upstream describes its 400 without a body; FAPI errors share the ClerkErrors shape (FAPI.md §2)"
    ),
    ("Token", "object"): (
        "the token endpoints answer a bare {object: token, jwt} (FAPI.md §2); upstream's inline schema there"
        " names only jwt, while its Token schema (last_active_token) has `object`"
    ),
    ("Session", "tasks"): (
        "upstream has two session schemas and only the newer one has `tasks`; the piggybacked client of"
        " reset_password uses the older one, but it is the same Client as everywhere else (FAPI.md §2, §5)"
    ),
    ("Verification", "error"): _ONE_VERIFICATION,
    ("Verification", "external_verification_redirect_url"): _ONE_VERIFICATION,
    ("Verification", "message"): _ONE_VERIFICATION,
    ("Verification", "nonce"): _ONE_VERIFICATION,
    ("SignUpVerification", "error"): _ONE_SIGN_UP_VERIFICATION,
    ("SignUpVerification", "external_verification_redirect_url"): _ONE_SIGN_UP_VERIFICATION,
    ("SignUpVerification", "message"): _ONE_SIGN_UP_VERIFICATION,
    ("SignUpVerification", "nonce"): _ONE_SIGN_UP_VERIFICATION,
    ("SignUpVerification", "next_action"): _ONE_SIGN_UP_VERIFICATION,
    ("SignUpVerification", "supported_strategies"): _ONE_SIGN_UP_VERIFICATION,
}
