"""Who is calling: the device's mode (native, dev browser, cookie), its client, and its rotated credential.

`DeviceGate.identify` runs before a handler and finds the calling device's client from its client token,
dev-browser token or `__client` cookie (creating a client when the route asks for one); `DeviceGate.settle`
runs after it and hands the device its new, rotated or cleared credential.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie

from ._call import Call
from ._crypto import TokenSigner
from ._errors import FapiError, authentication_invalid, dev_browser_unauthenticated
from ._service import Service

_NATIVE_TRUE = ("1", "true")
_COOKIE_MAX_AGE_S = 365 * 24 * 3600


@dataclass
class Device:
    """Who is calling: how the client is identified and, once known, which client it is."""

    mode: str  # "native", "dev_browser" or "cookie"
    client_id: str | None = None
    dev_browser_token: str | None = None
    client_created: bool = False
    headers: dict[str, str] = field(default_factory=dict)


class DeviceGate:
    """Identifies devices and issues their client tokens. Callers hold the emulator's lock."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.signer = TokenSigner()

    def identify(
        self, scope: str, query: Mapping[str, str], headers: Mapping[str, str], call: Call, *, strict: bool
    ) -> Device:
        svc = self.service
        native = query.get("_is_native", "").lower() in _NATIVE_TRUE
        if native:
            if not self.service.settings.native_api_enabled:
                raise FapiError(
                    400,
                    "native_api_disabled",
                    "Native API disabled",
                    "The Native API is turned off for this instance; turn it on to use _is_native requests.",
                )
            device = Device("native")
            if scope == "environment":
                return device
            token = headers.get("authorization", "").strip()
            if token.lower().startswith("bearer"):
                token = token[6:].strip()
            if token:
                device.client_id = self._client_from_token(token, strict=strict)
        elif self.service.settings.instance_type == "development":
            db_token = query.get("__clerk_db_jwt") or query.get("__dev_session")
            browser = svc.dev_browsers.get(db_token) if db_token else None
            if browser is None:
                raise dev_browser_unauthenticated()
            device = Device("dev_browser", dev_browser_token=browser.token)
            device.headers["Clerk-Db-Jwt"] = browser.token
            device.client_id = browser.client_id
        else:
            if not headers.get("origin"):
                raise FapiError(
                    403,
                    "origin_invalid",
                    "Invalid origin",
                    "Browser requests to a production instance must carry an Origin header.",
                )
            device = Device("cookie")
            if scope == "environment":
                return device
            cookie = _read_cookie(headers.get("cookie", ""), "__client")
            if cookie:
                device.client_id = self._client_from_token(cookie, strict=False)
        client = svc.clients.get(device.client_id) if device.client_id else None
        if client is not None and not client.alive:
            client = None
        if scope == "create" or (scope == "lazy" and client is None):
            client = svc.new_client()
            device.client_created = True
            if device.mode == "cookie":
                # The cookie's own expiry, which clerk-js reads to decide when to touch the session.
                client.cookie_expires_at = self.service.now() + _COOKIE_MAX_AGE_S * 1000
        call.client = client
        return device

    def _client_from_token(self, token: str, *, strict: bool) -> str | None:
        payload = self.signer.check(token)
        if payload is None or not isinstance(payload.get("cid"), str):
            raise authentication_invalid("The client token is not one this instance issued.")
        client = self.service.clients.get(payload["cid"])
        if client is not None and strict and payload.get("gen") != client.token_generation:
            raise authentication_invalid("The client token was superseded by a newer one.")
        client_id: str = payload["cid"]
        return client_id

    def _issue_token(self, client_id: str) -> str:
        client = self.service.clients[client_id]
        client.token_generation += 1
        token = self.signer.issue(
            {"cid": client.id, "gen": client.token_generation, "rot": secrets.token_hex(8)}
        )
        client.latest_token = token
        return token

    def settle(self, device: Device, call: Call, scheme: str) -> None:
        """After a handler ran: hand the device its (new, rotated or cleared) client credential."""
        client = call.client
        if device.mode == "native":
            if call.clear_client:
                device.headers["Authorization"] = ""
            elif client is not None and client.alive:
                device.headers["Authorization"] = self._issue_token(client.id)
        elif device.mode == "dev_browser":
            browser = self.service.dev_browsers[device.dev_browser_token or ""]
            if call.clear_client:
                browser.client_id = None
            elif client is not None:
                browser.client_id = client.id
        else:
            secure = "; Secure" if scheme == "https" else ""
            if call.clear_client:
                device.headers["Set-Cookie"] = f"__client=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}"
            elif client is not None and device.client_created:
                token = self._issue_token(client.id)
                device.headers["Set-Cookie"] = (
                    f"__client={token}; Path=/; Max-Age={_COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax{secure}"
                )


def _read_cookie(header: str, name: str) -> str | None:
    if not header:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None
