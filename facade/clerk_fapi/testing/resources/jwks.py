"""`GET /.well-known/jwks.json` and `GET /v1/jwks`: the public key session tokens are signed with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._call import Answer, Call

if TYPE_CHECKING:
    from .._service import Service


def jwks(svc: Service, call: Call) -> Answer:
    """`GET /.well-known/jwks.json`, `GET /v1/jwks`."""
    return Answer(200, {"keys": [svc.key.jwk()]})
