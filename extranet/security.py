"""Passwords (scrypt), server-side sessions with an idle timeout, and login throttling."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
import time
from dataclasses import dataclass

# scrypt cost: N=2^14, r=8, p=1 (16 MiB, ~40 ms) keeps logins snappy on the embedded server
# while being a memory-hard KDF; salt is per user and random.
_SCRYPT_N = 2**14
_SCRYPT_R = 8
_SCRYPT_P = 1
_SALT_BYTES = 16


def hash_password(password: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    """Return ``(salt, hash)`` for ``password`` (new random salt unless given)."""
    salt = salt if salt is not None else secrets.token_bytes(_SALT_BYTES)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return salt, digest


def verify_password(password: str, salt: bytes, expected: bytes) -> bool:
    """Constant-time check of ``password`` against a stored salt and hash."""
    _, digest = hash_password(password, salt)
    return hmac.compare_digest(digest, expected)


_DUMMY_SALT = secrets.token_bytes(_SALT_BYTES)


def burn_password_time(password: str) -> None:
    """Spend the same time as a real check (unknown login: no user-enumeration by timing)."""
    hash_password(password, _DUMMY_SALT)


@dataclass
class Session:
    """One logged-in session (kept in memory only)."""

    user_id: int
    last_seen: float


class SessionStore:
    """Random opaque tokens → sessions; only a hash of the token is kept."""

    def __init__(self, idle_timeout_s: float) -> None:
        self.idle_timeout_s = idle_timeout_s
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()

    def create(self, user_id: int) -> str:
        """Start a session and return its token (goes into the cookie)."""
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[self._key(token)] = Session(user_id, time.monotonic())
        return token

    def lookup(self, token: str | None) -> int | None:
        """User id of a live session (touching it), else None."""
        if not token:
            return None
        now = time.monotonic()
        key = self._key(token)
        with self._lock:
            session = self._sessions.get(key)
            if session is None:
                return None
            if now - session.last_seen > self.idle_timeout_s:
                del self._sessions[key]
                return None
            session.last_seen = now
            return session.user_id

    def delete(self, token: str | None) -> None:
        """End a session (no-op when unknown)."""
        if token:
            with self._lock:
                self._sessions.pop(self._key(token), None)

    def clear(self) -> None:
        """End every session (test hook)."""
        with self._lock:
            self._sessions.clear()


class LoginThrottle:
    """After ``max_failures`` failed logins within ``window_s`` a login is locked for ``lock_s``."""

    def __init__(self, max_failures: int = 5, window_s: float = 300.0, lock_s: float = 60.0):
        self.max_failures = max_failures
        self.window_s = window_s
        self.lock_s = lock_s
        self._failures: dict[str, list[float]] = {}
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def retry_after(self, login: str) -> int | None:
        """Seconds until ``login`` may try again, or None when it may try now."""
        key = login.casefold()
        with self._lock:
            until = self._locked_until.get(key)
            if until is None:
                return None
            remaining = until - time.monotonic()
            if remaining <= 0:
                del self._locked_until[key]
                return None
            return max(1, math.ceil(remaining))

    def failed(self, login: str) -> None:
        """Record a failure (may start a lock)."""
        key = login.casefold()
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > 10_000:
                self._failures.clear()
            recent = [t for t in self._failures.get(key, []) if now - t < self.window_s]
            recent.append(now)
            if len(recent) >= self.max_failures:
                self._locked_until[key] = now + self.lock_s
                recent = []
            self._failures[key] = recent

    def succeeded(self, login: str) -> None:
        """Forget the failures of ``login``."""
        with self._lock:
            self._failures.pop(login.casefold(), None)
