"""Passwords (scrypt), server-side sessions with an idle timeout, and login throttling."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
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


@dataclass
class _Failures:
    """Failed logins of one key since it was last quiet for a whole window."""

    count: int
    last: float


class _FailureLog:
    """Failure counters by key that expire by age (oldest first), never wholesale."""

    def __init__(self, window_s: float, max_entries: int) -> None:
        self.window_s = window_s
        self.max_entries = max_entries
        self._entries: OrderedDict[str, _Failures] = OrderedDict()

    def get(self, key: str, now: float) -> _Failures | None:
        self._expire(now)
        return self._entries.get(key)

    def add(self, key: str, now: float) -> None:
        self._expire(now)
        entry = self._entries.pop(key, None) or _Failures(0, now)
        entry.count += 1
        entry.last = now
        self._entries[key] = entry  # most recent last: the order is the expiry order
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def forget(self, key: str) -> None:
        self._entries.pop(key, None)

    def __len__(self) -> int:
        return len(self._entries)

    def _expire(self, now: float) -> None:
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            if now - entry.last <= self.window_s:
                return
            del self._entries[key]


@dataclass(frozen=True)
class ThrottleRule:
    """Failures allowed freely, then a wait that doubles with each further failure."""

    free: int
    first_delay_s: float
    max_delay_s: float

    def delay(self, failures: int) -> float:
        """Seconds to wait after the last of ``failures`` failures (0 while free)."""
        extra = failures - self.free
        if extra <= 0:
            return 0.0
        return float(min(self.first_delay_s * 2 ** min(extra - 1, 30), self.max_delay_s))


class LoginThrottle:
    """A growing delay after repeated failed logins, per account and per client address.

    - Per account (only accounts that exist, so junk names cost no memory): after
      ``account.free`` failures each further one makes the next attempt wait longer, up to
      ``account.max_delay_s``. A delay, never a lock-out: whoever floods an account slows
      the guessing down, and its owner can still log in once the short wait is over.
    - Per client address (any name): the same with a higher cap, so one address cannot spray
      passwords over many accounts or names.
    - Counters expire by age only (``window_s`` after the last failure); the address log is
      bounded by dropping its longest-quiet entries first. A success clears the account's
      counter (not the address's, or owning one account would wash an address clean).
    """

    def __init__(
        self,
        *,
        account: ThrottleRule | None = None,
        address: ThrottleRule | None = None,
        window_s: float = 900.0,
        max_addresses: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.account = account or ThrottleRule(free=4, first_delay_s=2.0, max_delay_s=30.0)
        self.address = address or ThrottleRule(free=10, first_delay_s=2.0, max_delay_s=900.0)
        self._clock = clock
        self._accounts = _FailureLog(window_s, max_entries=10**9)  # bounded by the user table
        self._addresses = _FailureLog(window_s, max_entries=max_addresses)
        self._lock = threading.Lock()

    def retry_after(self, login: str, address: str) -> int | None:
        """Seconds until ``login`` may be tried from ``address`` again, or None (now)."""
        now = self._clock()
        with self._lock:
            waits = [
                self._remaining(self._accounts.get(login.casefold(), now), self.account, now),
                self._remaining(self._addresses.get(address, now), self.address, now),
            ]
        wait = max(waits)
        return max(1, math.ceil(wait)) if wait > 0 else None

    @staticmethod
    def _remaining(entry: _Failures | None, rule: ThrottleRule, now: float) -> float:
        if entry is None:
            return 0.0
        return entry.last + rule.delay(entry.count) - now

    def failed(self, login: str, address: str, *, known_account: bool) -> None:
        """Record a failure from ``address`` (for ``login`` too when the account exists)."""
        now = self._clock()
        with self._lock:
            if known_account:
                self._accounts.add(login.casefold(), now)
            self._addresses.add(address, now)

    def succeeded(self, login: str) -> None:
        """Forget the failures of ``login``."""
        with self._lock:
            self._accounts.forget(login.casefold())

    def tracked(self) -> tuple[int, int]:
        """How many accounts and addresses currently have failures on record."""
        with self._lock:
            return len(self._accounts), len(self._addresses)
