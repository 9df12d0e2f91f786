"""Keys, signatures and one-time codes: RS256 session JWTs with their JWKS, signed client tokens, TOTP.

Session tokens are RS256-signed like the real service's so that a backend under test can verify them with the
key published at `/.well-known/jwks.json`; that is the one reason the emulator needs `cryptography` (the
`testing` extra). Client tokens (the native `Authorization` value) are opaque to callers; an HMAC is enough to
tell a forged one from ours.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from datetime import datetime
from typing import Any

import pyotp

try:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
except ImportError as exc:  # pragma: no cover - depends on how the package was installed
    raise ImportError(
        "clerk_fapi.testing signs session tokens with the 'cryptography' package: "
        "install the testing extra, pip install 'clerk-fapi[testing]'"
    ) from exc

from ._ids import new_secret


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int_b64(value: int) -> str:
    return b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))


_SHARED_KEY: rsa.RSAPrivateKey | None = None
_SHARED_KEY_LOCK = threading.Lock()


def _shared_private_key() -> rsa.RSAPrivateKey:
    # Generating a 2048-bit key takes ~0.1 s; emulators of one process share the key material (each keeps its
    # own `kid`, so one emulator's JWKS still does not verify another's tokens by kid lookup).
    global _SHARED_KEY
    with _SHARED_KEY_LOCK:
        if _SHARED_KEY is None:
            _SHARED_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return _SHARED_KEY


class SigningKey:
    """An RSA key pair with a `kid`, signing RS256 JWTs."""

    def __init__(self, kid: str, *, fresh: bool = False) -> None:
        self.kid = kid
        self._private = (
            rsa.generate_private_key(public_exponent=65537, key_size=2048) if fresh else _shared_private_key()
        )

    def jwk(self) -> dict[str, Any]:
        numbers = self._private.public_key().public_numbers()
        return {
            "use": "sig",
            "kty": "RSA",
            "kid": self.kid,
            "alg": "RS256",
            "n": _int_b64(numbers.n),
            "e": _int_b64(numbers.e),
        }

    def sign_jwt(self, claims: dict[str, Any], extra_header: dict[str, Any] | None = None) -> str:
        header: dict[str, Any] = {"alg": "RS256", "kid": self.kid, "typ": "JWT"}
        if extra_header:
            header.update(extra_header)
        signing_input = (
            b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + b64url(json.dumps(claims, separators=(",", ":")).encode())
        )
        signature = self._private.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
        return signing_input + "." + b64url(signature)

    def verify_jwt(self, token: str) -> dict[str, Any] | None:
        """The claims of a JWT this key signed, or None for a bad signature or shape (expiry unchecked)."""
        try:
            head, body, sig = token.split(".")
            self._private.public_key().verify(
                b64url_decode(sig), f"{head}.{body}".encode("ascii"), padding.PKCS1v15(), hashes.SHA256()
            )
            claims = json.loads(b64url_decode(body))
        except Exception:
            return None
        return claims if isinstance(claims, dict) else None


class TokenSigner:
    """Signs and checks the opaque client tokens (`Authorization` header / `__client` cookie value)."""

    def __init__(self) -> None:
        self._secret = new_secret(32).encode()

    def issue(self, payload: dict[str, Any]) -> str:
        body = b64url(json.dumps(payload, separators=(",", ":")).encode())
        mac = b64url(hmac.new(self._secret, body.encode(), hashlib.sha256).digest())
        # Shaped like a JWT so that SDKs which peek at it see something familiar.
        return b64url(b'{"alg":"HS256","typ":"JWT"}') + "." + body + "." + mac

    def check(self, token: str) -> dict[str, Any] | None:
        """The payload of a token we issued, or None for anything else (forged, truncated, garbage)."""
        parts = token.split(".")
        if len(parts) != 3:
            return None
        expected = b64url(hmac.new(self._secret, parts[1].encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, parts[2]):
            return None
        try:
            payload = json.loads(b64url_decode(parts[1]))
        except ValueError:
            return None
        return payload if isinstance(payload, dict) else None


def totp(secret_b32: str, at_seconds: int) -> str:
    """RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps: what authenticator apps use) for a base32
    secret at a Unix time, computed by pyotp."""
    return str(pyotp.TOTP(secret_b32).at(at_seconds))


def totp_matches(secret_b32: str, code: str, at_seconds: int, *, window: int = 1) -> bool:
    """Whether `code` is valid at `at_seconds`, allowing `window` steps of clock drift either way."""
    return bool(pyotp.TOTP(secret_b32).verify(code, for_time=at_seconds, valid_window=window))


def totp_code(secret: str, at: datetime | float | None = None) -> str:
    """The RFC 6238 code an authenticator app shows for `secret` (base32, as `user.create_totp()` gives
    it) at `at` (a datetime or Unix seconds; now when None). For an emulator, whose clock may differ
    from the machine's, use `emulator.totp_code(secret)`."""
    if at is None:
        at = time.time()
    seconds = at.timestamp() if isinstance(at, datetime) else float(at)
    return totp(secret, int(seconds))


def new_totp_secret() -> str:
    """A random base32 TOTP secret (160 bits)."""
    return pyotp.random_base32(32)


def totp_uri(secret: str, account: str, issuer: str) -> str:
    """The `otpauth://totp/...` URI an authenticator app scans for `secret`."""
    return str(pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=issuer))
