"""The request loop of `Emulator`: one HTTP request in, one `Reply` out, never raising.

A request gets the faults injected for it, then goes to the Backend API routes (it carries a secret key) or
to the Frontend API routes: the route's handler runs under the emulator's lock with the device (client
token, dev browser) it identifies, and its answer is written out as JSON. `Emulator` holds the state and
the control API; this is the part the transports and the loopback server call.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, urlsplit

from ._call import Answer, Call, Settings
from ._clock import Clock
from ._device import Device, DeviceGate
from ._errors import FapiError, internal_error
from ._faults import FaultRegistry
from ._forms import parse_form
from ._json_out import encode as encode_json
from ._redact import redact
from ._reply import Reply, cors_headers, error_reply
from ._routes import BACKEND_ROUTES, find_route, overridden_method
from ._service import Service
from .resources import backend_api
from .resources.backend_api import is_backend_request

log = logging.getLogger("clerk_fapi.testing")

TESTING_TOKEN_QUERY = "__clerk_testing_token"


class RequestLoop:
    """`Emulator.handle` and what it calls; `Emulator` sets up the state named below."""

    _lock: threading.RLock
    clock: Clock
    _settings: Settings
    _service: Service
    _devices: DeviceGate
    _faults: FaultRegistry
    _counts: Counter[tuple[str, str]]
    _testing_token_requests: int
    strict_token_rotation: bool

    def handle(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str] | Iterable[tuple[str, str]] = (),
        body: bytes = b"",
    ) -> Reply:
        """Answer one HTTP request. Never raises."""
        try:
            return self._handle(method.upper(), url, headers, body)
        except Exception:  # pragma: no cover - a bug; answer like the real service would rather than crash
            log.exception("emulator failed on %s %s", method, redact(url))
            return error_reply(internal_error(), [])

    def _handle(
        self, method: str, url: str, raw_headers: Mapping[str, str] | Iterable[tuple[str, str]], body: bytes
    ) -> Reply:
        parts = urlsplit(url)
        path = parts.path or "/"
        pairs = raw_headers.items() if isinstance(raw_headers, Mapping) else raw_headers
        headers: dict[str, str] = {}
        for key, value in pairs:
            headers[str(key).lower()] = str(value)
        query = dict(parse_qsl(parts.query, keep_blank_values=True, errors="replace"))
        with self._lock:
            self._counts[(method, path)] += 1
        fault = self._faults.take(method, path)
        delay = (fault.delay or 0.0) if fault is not None else 0.0
        if fault is not None and fault.replaces_answer:
            if fault.drop_connection:
                return Reply(0, [], b"", delay=delay, drop_connection=True)
            status, fault_headers, fault_body = fault.answer()
            return Reply(
                status, list(fault_headers.items()), fault_body, delay=delay, truncate=fault.truncate
            )
        if is_backend_request(headers):
            reply = self._answer_backend(method, path, parts.query, headers, body, parts.scheme or "http")
        else:
            reply = self._answer(method, path, query, headers, body, parts.scheme or "http", parts.netloc)
        if fault is not None:
            return Reply(reply.status, reply.headers, reply.body, delay=delay, truncate=fault.truncate)
        return reply

    def _answer(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: bytes,
        scheme: str,
        host: str,
    ) -> Reply:
        cors = cors_headers(headers)
        if method == "OPTIONS":
            return Reply(204, cors, b"")
        if method == "HEAD":  # a GET without its body
            got = self._answer("GET", path, query, headers, body, scheme, host)
            return Reply(got.status, got.headers, b"")
        issuer = f"{scheme}://{headers.get('host') or host or '127.0.0.1'}"
        with self._lock:
            self._note_testing_token(query.get(TESTING_TOKEN_QUERY))
            device: Device | None = None
            call: Call | None = None
            try:
                form = parse_form(body)
                method = overridden_method(method, query, form)
                route, params = find_route(method, path)
                call = Call(method, path, params, form, query, headers, issuer)
                self._service.last_issuer = issuer
                if route.scope != "public":
                    device = self._devices.identify(
                        route.scope, query, headers, call, strict=self.strict_token_rotation
                    )
                answer: Answer = route.handler(self._service, call)
                if device is not None:
                    self._devices.settle(device, call, scheme)
            except FapiError as error:
                if device is not None and call is not None:
                    # A client created by this very request (say, a sign-in refused for a wrong password)
                    # still reaches the device, as its sign-in stays on that client.
                    self._devices.settle(device, call, scheme)
                return error_reply(error, cors + (list(device.headers.items()) if device else []))
            out = cors + list(answer.headers.items())
            if device is not None:
                out += list(device.headers.items())
            if answer.status == 204 or answer.body is None:
                return Reply(answer.status, out, b"")
            if isinstance(answer.body, bytes):  # a page for a browser; its Content-Type is in its headers
                return Reply(answer.status, out, answer.body)
            payload = encode_json(answer.body)
            return Reply(answer.status, [("Content-Type", "application/json"), *out], payload)

    def _answer_backend(
        self, method: str, path: str, raw_query: str, headers: dict[str, str], body: bytes, scheme: str
    ) -> Reply:
        """A Backend API request (it carries a secret key): JSON in and out, no device, no client."""
        issuer = f"{scheme}://{headers.get('host') or '127.0.0.1'}"
        pairs = parse_qsl(raw_query, keep_blank_values=True, errors="replace")
        with self._lock:
            try:
                if not secrets.compare_digest(
                    backend_api.secret_key_of(headers).encode(), self._settings.secret_key.encode()
                ):
                    raise backend_api.key_invalid()
                route, params = find_route(method, path, BACKEND_ROUTES)
                call = Call(method, path, params, {}, dict(pairs), headers, issuer)
                call.json = backend_api.parse_json_body(body)
                call.query_pairs = pairs
                answer = route.handler(self._service, call)
            except FapiError as error:
                return error_reply(error, [])
            payload = encode_json(answer.body)
            return Reply(answer.status, [("Content-Type", "application/json")], payload)

    def _note_testing_token(self, token: str | None) -> None:
        """Count a Frontend API request that carries a testing token this instance issued and that is
        still valid (the emulator has no bot protection to bypass; the count shows the token arrived)."""
        expires_at = self._service.testing_tokens.get(token) if token else None
        if expires_at is not None and self.clock.now_ms // 1000 < expires_at:
            self._testing_token_requests += 1
