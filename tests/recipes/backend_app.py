"""Your backend: a FastAPI app that verifies Clerk session tokens with `clerk-backend-api`.

Nothing in it knows about the emulator: in production `jwt_key` is your instance's PEM public key
(`CLERK_JWT_KEY`); in tests it is the emulator's (the `clerk_verification` fixture).
"""

from typing import Annotated, Any

from clerk_backend_api.security import authenticate_request
from clerk_backend_api.security.types import AuthenticateRequestOptions
from fastapi import Depends, FastAPI, HTTPException, Request


def create_app(jwt_key: str, authorized_parties: list[str] | None = None) -> FastAPI:
    """The app; every route under it needs a valid session token."""
    app = FastAPI()
    options = AuthenticateRequestOptions(jwt_key=jwt_key, authorized_parties=authorized_parties)

    def claims(request: Request) -> dict[str, Any]:
        state = authenticate_request(request, options)
        if not state.is_signed_in or state.payload is None:
            raise HTTPException(status_code=401, detail=str(state.reason))
        return state.payload

    Claims = Annotated[dict[str, Any], Depends(claims)]

    @app.get("/me")
    def me(claims: Claims) -> dict[str, Any]:
        return {
            "user_id": claims["sub"],
            "session_id": claims["sid"],
            "iat": claims["iat"],
            "exp": claims["exp"],
        }

    @app.post("/notes")
    def add_note(claims: Claims) -> dict[str, Any]:
        return {"owner": claims["sub"]}

    return app
