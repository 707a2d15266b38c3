"""Users, API tokens and server secrets in the database, on a session the Store opened."""
from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from cityties.accounts import (AccountError, check_role, hash_password, needs_rehash, new_token, token_digest,
                               verify_password)
from cityties.store.audit import now, record
from cityties.store.models import ApiToken, Secret, User

SECRET_BYTES = 32  # a server secret (the session-cookie key): 256 random bits


def add_user(session: Session, name: str, role: str, password: str, actor: User | None = None) -> User:
    """A new user with a hashed password; an audit row says who added whom."""
    name = name.strip()
    if not name:
        raise AccountError("a user needs a name")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise AccountError(f"there is already a user called {name!r}")
    user = User(name=name, role=check_role(role), password_hash=hash_password(password), created_at=now())
    session.add(user)
    session.flush()
    record(session, actor, "user.add", None, None, {"user": name, "role": role})
    return user


def get_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise AccountError(f"no user called {name!r}")
    return user


def users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.name)))


def set_role(session: Session, name: str, role: str, actor: User | None = None) -> User:
    user = get_user(session, name)
    before, user.role = user.role, check_role(role)
    record(session, actor, "user.role", None, {"user": name, "role": before}, {"user": name, "role": role})
    return user


def set_webhook(session: Session, user: User, url: str | None) -> User:
    """Where new events of the user's followed places are POSTed (None: nowhere)."""
    if url and not url.startswith(("http://", "https://")):
        raise AccountError(f"a webhook must be an http(s) URL, not {url!r}")
    user = session.merge(user)
    user.webhook_url = url or None
    return user


def issue_token(session: Session, user: User, actor: User | None = None) -> str:
    """A new API token for the user: returned once, stored only as its digest."""
    token = new_token()
    session.add(ApiToken(user_id=user.id, digest=token_digest(token), created_at=now()))
    record(session, actor, "user.token", None, None, {"user": user.name})
    return token


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The user whose name and password these are, else None (the hash is refreshed if its parameters aged)."""
    user = session.scalar(select(User).where(User.name == name))
    if not verify_password(user.password_hash if user else None, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def user_for_token(session: Session, token: str) -> User | None:
    row = session.scalar(select(ApiToken).where(ApiToken.digest == token_digest(token)))
    return row.user if row else None


def server_secret(session: Session, name: str) -> str:
    """A named random secret, made and stored the first time it is asked for."""
    row = session.get(Secret, name)
    if row is None:
        row = Secret(name=name, value=secrets.token_urlsafe(SECRET_BYTES))
        session.add(row)
        session.flush()
    return row.value
