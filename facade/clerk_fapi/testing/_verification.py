"""What a backend under test verifies the emulator's session tokens with."""

from __future__ import annotations

from typing import Any

import attrs
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers

from ._crypto import b64url_decode
from ._server import EmulatorServer


@attrs.frozen
class VerificationMaterial:
    """The emulator's public side: verify its RS256 tokens with ``public_key_pem`` (networkless, as
    ``jwt_key`` / ``CLERK_JWT_KEY``) or fetch ``jwks_url``; tokens carry ``iss == issuer``."""

    jwks_url: str
    public_key_pem: str
    issuer: str
    jwks: dict[str, Any] = attrs.field(repr=False)


def verification_material(server: EmulatorServer) -> VerificationMaterial:
    """The verification material of a running emulator."""
    jwks = server.emulator.jwks()
    (key,) = jwks["keys"]
    numbers = RSAPublicNumbers(
        e=int.from_bytes(b64url_decode(key["e"]), "big"), n=int.from_bytes(b64url_decode(key["n"]), "big")
    )
    pem = numbers.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return VerificationMaterial(
        jwks_url=f"{server.url}/.well-known/jwks.json",
        public_key_pem=pem.decode("ascii"),
        issuer=server.url,
        jwks=jwks,
    )
