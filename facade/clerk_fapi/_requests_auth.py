"""``RequestsSessionAuth``: :class:`~clerk_fapi.SessionAuth` for the ``requests`` library.

Needs the ``requests`` extra (``pip install 'clerk-fapi[requests]'``); ``requests`` is not a
dependency of clerk-fapi. The token logic (refresh ahead of expiry, one shared refresh, the minting
retry budget, the background refresh) is :class:`SessionAuth`'s; this adapter adds the header and
resends once after a 401 for the methods ``SessionAuth`` allows.
"""

from __future__ import annotations

from typing import Any

try:
    import requests
    from requests.auth import AuthBase
except ImportError as exc:  # pragma: no cover - depends on how the package was installed
    raise ImportError(
        "clerk_fapi.RequestsSessionAuth needs the 'requests' package: pip install 'clerk-fapi[requests]'"
    ) from exc

from ._session_auth import SessionAuth, SessionLike

__all__ = ["RequestsSessionAuth"]


class RequestsSessionAuth(AuthBase):
    """``requests.get(url, auth=RequestsSessionAuth(client))``: ``Authorization: Bearer <session JWT>``.

    Takes a sync :class:`~clerk_fapi.Client` or :class:`~clerk_fapi.Session` (or a ready
    :class:`SessionAuth`, whose settings it then uses); other keyword arguments go to ``SessionAuth``.
    """

    def __init__(self, session_or_client: SessionLike | SessionAuth, **options: Any) -> None:
        if isinstance(session_or_client, SessionAuth):
            self.session_auth = session_or_client
        else:
            self.session_auth = SessionAuth(session_or_client, **options)

    def __repr__(self) -> str:
        return f"<RequestsSessionAuth {self.session_auth!r}>"

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        """requests' hook: add the token and watch the answer for a 401."""
        sent = self.session_auth.token()
        request.headers["Authorization"] = f"Bearer {sent}"
        request.register_hook("response", self._make_retry(sent))
        return request

    def _make_retry(self, sent: str) -> Any:
        def retry(response: requests.Response, **kwargs: Any) -> requests.Response:
            request = response.request
            method = (request.method or "").upper()
            if response.status_code != 401 or method not in self.session_auth.retry_on_401:
                return response
            response.content  # noqa: B018  (read the body so the connection can be reused)
            response.close()
            again = request.copy()
            again.hooks["response"] = []  # resent once only
            again.headers["Authorization"] = f"Bearer {self.session_auth.token(stale=sent)}"
            resent: requests.Response = response.connection.send(again, **kwargs)
            resent.history.append(response)
            resent.request = again
            return resent

        return retry

    def close(self) -> None:
        """Stop the wrapped ``SessionAuth``'s background refresh, if any."""
        self.session_auth.close()
