"""Who is asking: API tokens (Authorization: Bearer), signed session cookies; the login and logout pages."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from itsdangerous import BadSignature, URLSafeTimedSerializer

from cityties.accounts import allows
from cityties.store.accounts import authenticate, server_secret, user_for_token
from cityties.store.models import User
from cityties.web import render as pages

SESSION_COOKIE = "cityties_session"
SESSION_MAX_AGE = 14 * 24 * 3600  # seconds a sign-in lasts: two weeks, then the form again
SECRET_NAME = "session-cookie"  # the server secret (in the database) that signs session cookies
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})  # requests that change nothing
router = APIRouter()


def same_origin(request: Request) -> bool:
    """Whether a cookie-carrying change comes from this site's own pages: its Origin (or, without
    one, its Referer) names this host. Browsers send them on form posts, so another site's page
    cannot make a signed-in editor's browser change anything (cross-site request forgery)."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source:
        return False
    return urlsplit(source).netloc == request.url.netloc


def _signer(request: Request) -> URLSafeTimedSerializer:
    """The app's cookie signer, its key made once per database."""
    state = request.app.state
    if getattr(state, "cookie_signer", None) is None:
        with state.store.transaction() as s:
            state.cookie_signer = URLSafeTimedSerializer(server_secret(s, SECRET_NAME), salt="cityties-session")
    return state.cookie_signer


def current_user(request: Request) -> User | None:
    """The user of a bearer token or a session cookie; None for anonymous; 401 for a token that is not valid."""
    store = request.app.state.store
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        with store.session() as s:
            user = user_for_token(s, token.strip())
        if user is None:
            raise HTTPException(401, "invalid API token", headers={"WWW-Authenticate": "Bearer"})
        return user
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    if request.method not in SAFE_METHODS and not same_origin(request):
        raise HTTPException(403, "a change sent from another site is refused")
    try:
        user_id = _signer(request).loads(cookie, max_age=SESSION_MAX_AGE)["uid"]
    except (BadSignature, KeyError, TypeError):
        return None
    with store.session() as s:
        return s.get(User, user_id)


def require(role: str):
    """A dependency: the signed-in user if their role allows what needs `role`; else 401 (anonymous) or 403."""
    def dependency(user: Annotated[User | None, Depends(current_user)]) -> User:
        if user is None:
            raise HTTPException(401, "sign in, or send Authorization: Bearer <token>",
                                headers={"WWW-Authenticate": "Bearer"})
        if not allows(user.role, role):
            raise HTTPException(403, f"this needs the {role} role; {user.name} is a {user.role}")
        return user
    return dependency


def require_page(role: str):
    """Like require, for pages: anonymous visitors are sent to the login form, then back."""
    def dependency(request: Request, user: Annotated[User | None, Depends(current_user)]) -> User:
        if user is None:
            raise HTTPException(303, headers={"Location": f"/login?next={request.url.path}"})
        return require(role)(user)
    return dependency


def render(request: Request, template: str, status_code: int = 200, user: User | None = None, **context) -> HTMLResponse:
    """A page of ours in the site's layout, knowing who is signed in."""
    return pages.render(request, template, status_code, user=user, **context)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no open redirect to another host)."""
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(request: Request, next: str = "/"):
    return render(request, "login.html", next=_safe_next(next))


@router.post("/login", include_in_schema=False)
def login(request: Request, name: Annotated[str, Form()], password: Annotated[str, Form()],
          next: Annotated[str, Form()] = "/"):
    with request.app.state.store.transaction() as s:
        user = authenticate(s, name, password)
    if user is None:
        return render(request, "login.html", 401, next=_safe_next(next), typed_name=name,
                      error="Wrong name or password.")
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, _signer(request).dumps({"uid": user.id}), max_age=SESSION_MAX_AGE,
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return response


@router.post("/logout", include_in_schema=False)
def logout():
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
