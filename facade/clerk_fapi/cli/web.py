"""``sign-in --web``: sign in through the browser (hosted sign-in: Account Portal with PKCE).

The command starts a hosted sign-in (or, with ``--provider google|github|...``, an OAuth sign-in straight
at that provider, with the transfer to a new user when no user has the account), opens its URL in the
system browser (``webbrowser``; ``--no-browser`` only prints it, to open elsewhere) and waits for the
browser to come back to the redirect URL:

- ``http://127.0.0.1:PORT/...`` (the default, on a free port): a one-shot listener bound to 127.0.0.1
  receives the callback, answers the browser with a short page, and stops (``--timeout`` bounds the wait);
- any other URL (a custom scheme such as ``myapp://callback`` that no handler on this machine catches):
  the user pastes the URL the browser ended on, from its address bar, on stdin.

Whether Clerk's servers accept a loopback redirect URL is unverified (Clerk's SDKs use custom schemes only);
the paste-back path works with any redirect URL the instance allows.
"""

from __future__ import annotations

import argparse
import http.server
import socketserver
import time
import webbrowser
from typing import Final
from urllib.parse import urlsplit, urlunsplit

from .._external import ExternalAccountNotFoundError
from .._models import SignInStatus, SignUpStatus
from .._ops.hosted import is_loopback
from .context import Context
from .exits import CommandFailed, UsageError
from .output import sign_in_json, sign_up_json

__all__ = ["DEFAULT_CALLBACK_PATH", "CallbackListener", "check_web_options", "sign_in_web"]

DEFAULT_CALLBACK_PATH: Final = "/callback"
_DONE_PAGE: Final = (
    b'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>clerk-fapi</title></head>\n'
    b"<body><h1>You can close this tab</h1>\n"
    b"<p>Return to your terminal to finish signing in.</p></body></html>\n"
)


_PASSWORD_OPTIONS: Final = (
    ("identifier", "--identifier"),
    ("password", "--password"),
    ("strategy", "--strategy"),
    ("code", "--code"),
    ("second_factor_strategy", "--second-factor-strategy"),
    ("second_factor_code", "--second-factor-code"),
    ("email_link", "--email-link"),
)


def check_web_options(args: argparse.Namespace) -> bool:
    """Whether the run is a ``--web`` sign-in; a usage error for options that do not go with the mode."""
    if not args.web:
        for name, option in (("no_browser", "--no-browser"), ("provider", "--provider")):
            if getattr(args, name, None):
                raise UsageError(f"{option} goes with --web")
        if getattr(args, "redirect_url", None) and getattr(args, "email_link", None) is None:
            raise UsageError("--redirect-url goes with --web or --email-link")
        return False
    for name, option in _PASSWORD_OPTIONS:
        if getattr(args, name, None) is not None:
            raise UsageError(f"{option} does not go with --web (the browser asks for what it needs)")
    return True


def sign_in_web(ctx: Context) -> int:
    """``sign-in --web``: through the browser, the callback on loopback or pasted; hosted sign-in, or
    straight to an OAuth provider with ``--provider``."""
    redirect_url = ctx.args.redirect_url
    listener: CallbackListener | None = None
    try:
        if redirect_url is None or _listens(redirect_url):
            listener = CallbackListener.for_redirect(redirect_url)
            redirect_url = listener.redirect_url
        if ctx.args.provider:
            return _with_provider(ctx, str(ctx.args.provider), redirect_url, listener)
        flow = ctx.client.start_hosted_sign_in(redirect_url)
        _show(ctx, flow.url)
        session = ctx.client.complete_hosted_sign_in(_callback(ctx, redirect_url, listener))
    finally:
        if listener is not None:
            listener.close()
        ctx.client.cancel_hosted_sign_in()
    return ctx.signed_in("Signed in", "sign_in", None, session.id)


def _with_provider(ctx: Context, provider: str, redirect_url: str, listener: CallbackListener | None) -> int:
    """OAuth sign-in at ``provider`` (``google``, ``github``...): the provider's page in the browser, the
    callback's nonce read with the sign-in; an account no user has yet becomes a new user (the transfer)."""
    strategy = provider if provider.startswith("oauth_") else f"oauth_{provider}"
    attempt = ctx.client.start_sign_in(strategy=strategy, redirect_url=redirect_url)
    url = attempt.external_verification_url
    if url is None:
        raise CommandFailed(f"the sign-in with {strategy} gave no page to open (status {attempt.status})")
    _show(ctx, url)
    callback = _callback(ctx, redirect_url, listener)
    try:
        attempt = attempt.handle_callback(callback, redirect_url=redirect_url)
    except ExternalAccountNotFoundError:
        _say(ctx, f"No user has this {provider} account yet: creating one from it.")
        sign_up = attempt.transfer_to_sign_up()
        if sign_up.status != SignUpStatus.COMPLETE:
            missing = ", ".join(sign_up.missing_fields) or sign_up.status
            raise CommandFailed(
                f"the new user needs more before the sign-up {sign_up.id} completes ({missing}); "
                "finish it with clerk-fapi sign-up"
            ) from None
        return ctx.signed_in("Signed up", "sign_up", sign_up_json(sign_up), sign_up.created_session_id)
    if attempt.status != SignInStatus.COMPLETE:
        raise CommandFailed(f"the sign-in {attempt.id} is not complete: {attempt.status}")
    return ctx.signed_in("Signed in", "sign_in", sign_in_json(attempt), attempt.created_session_id)


def _callback(ctx: Context, redirect_url: str, listener: CallbackListener | None) -> str:
    """The URL the browser comes back to: caught by ``listener``, or pasted."""
    if listener is None:
        return _pasted(ctx)
    _say(ctx, f"Waiting for the browser to come back to {redirect_url} ...")
    return listener.wait(float(ctx.args.timeout))


def _say(ctx: Context, text: str) -> None:
    """A line for the user on stderr, with ``--json`` too: the URL to open must always be shown."""
    ctx.output.stderr.write(text + "\n")
    ctx.output.stderr.flush()


def _listens(redirect_url: str) -> bool:
    """Whether the callback to ``redirect_url`` can be caught here: http on a loopback host."""
    try:
        parts = urlsplit(redirect_url)
    except ValueError:
        return False
    return parts.scheme.lower() == "http" and is_loopback(parts.hostname or "")


def _show(ctx: Context, url: str) -> None:
    """Open ``url`` in the system browser (unless ``--no-browser``), and print it in any case."""
    if ctx.args.no_browser:
        _say(ctx, f"Open this URL in a browser to sign in:\n{url}")
        return
    opened = False
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if opened:
        _say(ctx, f"Opened your browser to sign in. If it did not open, visit:\n{url}")
    else:
        _say(ctx, f"Could not open a browser; open this URL to sign in:\n{url}")


def _pasted(ctx: Context) -> str:
    """The URL the browser ended on, pasted on stdin (a terminal or a pipe)."""
    stdin = ctx.prompter.stdin
    _say(ctx, "When the browser ends on the redirect URL (it may say it cannot open it), copy that URL.")
    ctx.prompter.stderr.write("Paste the URL here: ")
    ctx.prompter.stderr.flush()
    line = stdin.readline()
    if not line.strip():
        raise UsageError("no callback URL was pasted on stdin")
    return line.strip()


class CallbackListener:
    """A one-shot HTTP listener on 127.0.0.1 for the browser's callback to ``redirect_url``."""

    def __init__(self, redirect_url: str) -> None:
        parts = urlsplit(redirect_url)
        host = (parts.hostname or "").lower()
        if host not in ("127.0.0.1", "localhost"):
            raise UsageError(
                "--redirect-url on loopback must be http://127.0.0.1:PORT/... or http://localhost:PORT/..."
            )
        self._path = parts.path or "/"
        self._callback: str | None = None
        try:
            self._server = _Server(("127.0.0.1", parts.port or 0), self._handler())
        except OSError as exc:
            raise CommandFailed(
                f"cannot listen on 127.0.0.1:{parts.port or 0} for the callback ({exc.strerror})"
            ) from None
        port = self._server.server_address[1]
        netloc = f"{parts.hostname}:{port}"
        self.redirect_url = urlunsplit((parts.scheme, netloc, self._path, parts.query, ""))

    @classmethod
    def for_redirect(cls, redirect_url: str | None) -> CallbackListener:
        """A listener for ``redirect_url``, or for ``http://127.0.0.1:<free port>/callback``; a port of 0
        is replaced by the free port the listener got."""
        return cls(redirect_url or f"http://127.0.0.1:0{DEFAULT_CALLBACK_PATH}")

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            timeout = 5.0  # a connection that sends nothing cannot hold the listener

            def do_GET(self) -> None:
                if urlsplit(self.path).path != listener._path or listener._callback is not None:
                    self.send_error(404)
                    return
                base = urlsplit(listener.redirect_url)
                listener._callback = urlunsplit((base.scheme, base.netloc, "", "", "")) + self.path
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(_DONE_PAGE)))
                self.end_headers()
                self.wfile.write(_DONE_PAGE)

            def log_message(self, format: str, *args: object) -> None:
                """Silent: the request line holds the nonce."""

        return Handler

    def wait(self, timeout: float) -> str:
        """The callback URL, once the browser brings it; ``CommandFailed`` after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while self._callback is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CommandFailed(
                    f"the browser did not come back to {self.redirect_url} within {timeout:g} seconds "
                    "(run the command again; --timeout waits longer)"
                )
            self._server.timeout = min(remaining, 1.0)
            try:
                self._server.handle_request()
            except OSError:
                continue
        return self._callback

    def close(self) -> None:
        """Stop listening."""
        self._server.server_close()


class _Server(http.server.HTTPServer):
    """``HTTPServer`` without its reverse DNS look-up of the bound address (``socket.getfqdn``)."""

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)
        self.server_name = "127.0.0.1"
        self.server_port = self.server_address[1]
