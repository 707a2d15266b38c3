"""Roles, password hashing and API tokens: the pure part of accounts (the store keeps the rows)."""
from __future__ import annotations

import functools
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# Roles in increasing power: readers read, editors also curate, admins also manage users.
ROLES = ("reader", "editor", "admin")
# Random bytes of an API token: 256 bits, so a plain SHA-256 digest is a safe stored form
# (no salt or slow hash needed, unlike passwords, and the digest is an index look-up).
TOKEN_BYTES = 32
TOKEN_PREFIX = "ct_"  # tells a cityties token apart in a config file or a leaked log

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters


class AccountError(ValueError):
    """A user or token request that cannot be met; the message says why."""


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r} (known: {', '.join(ROLES)})")
    return role


def allows(role: str | None, needed: str) -> bool:
    """Whether a user of this role (None: anonymous) may do what needs the given role."""
    return role is not None and ROLES.index(role) >= ROLES.index(needed)


def hash_password(password: str) -> str:
    if not password:
        raise AccountError("a password cannot be empty")
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether the password matches; with no stored hash (no such user) it takes as long and says no."""
    try:
        return _hasher.verify(stored_hash or _no_user_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _no_user_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(TOKEN_BYTES))


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def new_token() -> str:
    """A fresh API token, shown once to its owner and stored only as its digest."""
    return TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
