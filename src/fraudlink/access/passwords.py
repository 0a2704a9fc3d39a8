"""Passwords hashed with Argon2id (argon2-cffi's defaults follow RFC 9106's advice)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from fraudlink.errors import InputError

MIN_LENGTH = 12
_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise InputError(f"Choose a password of at least {MIN_LENGTH} characters.")
    return _HASHER.hash(password)


def password_matches(stored: str | None, password: str) -> bool:
    """False for a wrong password and for a user who has none (token-only accounts)."""
    if not stored:
        return False
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
