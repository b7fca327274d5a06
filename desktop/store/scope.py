"""Which server and account a local datum belongs to (Qt-free).

Every draft, outbox item, the Postkorb cache, the cached server configuration and the
remembered login belong to one :class:`Scope`: a server identity and a login name. The app
shows, prefills and sends only the data of its current scope; an item queued for another
server waits until the app is configured for that server again.

The embedded demo server is one fixed identity (:data:`EMBEDDED_SERVER`), whatever port it
gets in a run. A remote server's identity is its base URL in a normal form (lower-case scheme
and host, default port and trailing slash dropped).

Before anyone logged in on a run (offline start) the account is the one that last logged in
successfully on that server; ``""`` when nobody ever did (data written then belongs to the
first account that logs in there, see :meth:`desktop.store.local.LocalStore.set_account`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

__all__ = ["EMBEDDED_SERVER", "Scope", "server_identity"]

EMBEDDED_SERVER = "embedded"
"""Server identity of the embedded demo server (its port changes from run to run)."""

_DEFAULT_PORTS = {"http": 80, "https": 443}


def server_identity(server_url: str | None) -> str:
    """The identity of the server at ``server_url``; empty or ``None`` → the embedded server.

    ``HTTPS://Extranet.Example.de:443/`` and ``https://extranet.example.de`` are one server.
    """
    url = (server_url or "").strip()
    if not url:
        return EMBEDDED_SERVER
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, "", ""))


@dataclass(frozen=True, slots=True)
class Scope:
    """One server and one account: the owner of a local datum.

    Attributes:
        server: Server identity from :func:`server_identity` (``"embedded"`` for the demo).
        account: Login name; ``""`` while nobody has logged in on that server yet.
    """

    server: str
    account: str = ""

    @classmethod
    def of(cls, server_url: str | None, account: str = "") -> Scope:
        """The scope of ``account`` on the server at ``server_url`` ("" → embedded)."""
        return cls(server_identity(server_url), account.strip())

    @property
    def embedded(self) -> bool:
        """True for the embedded demo server."""
        return self.server == EMBEDDED_SERVER

    def with_account(self, account: str) -> Scope:
        """The same server with another account."""
        return Scope(self.server, account.strip())

    def key(self) -> str:
        """A stable text key of this scope (keychain entries, meta keys)."""
        return f"{self.server}\n{self.account}"
