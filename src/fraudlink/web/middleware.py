"""Headers of the pages: a strict Content-Security-Policy and the cookies handlers asked for.

The API's hygiene middleware adds its own headers only where a response has
none, so the pages' policy (scripts, styles and fonts from this server only,
no inline script or style) is the one a browser sees on them.
"""

from __future__ import annotations

from http.cookies import SimpleCookie

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
STATIC_CACHE = b"public, max-age=3600"


def _cookie(name: str, value: str, max_age: int | None, secure: bool) -> bytes:
    jar: SimpleCookie = SimpleCookie()
    jar[name] = value
    morsel = jar[name]
    morsel["path"] = "/"
    morsel["httponly"] = True
    morsel["samesite"] = "Lax"
    if secure:
        morsel["secure"] = True
    if max_age is not None:
        morsel["max-age"] = max_age
    return morsel.OutputString().encode("latin-1")


class PageHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")
        secure = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"content-security-policy", CSP.encode()))
                if static:
                    headers.append((b"cache-control", STATIC_CACHE))
                for name, value, age in scope.get("state", {}).get("cookies", []):
                    headers.append((b"set-cookie", _cookie(name, value, age, secure)))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
