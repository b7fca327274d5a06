"""Which Extranet addresses the client talks to (Qt-free; settings, command line and client).

Passwords and customer data cross the network only encrypted: plain ``http`` is accepted for
loopback addresses alone (the embedded demo server, a reference server on this PC); every
other host needs ``https``, whose certificate the client verifies.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

__all__ = ["is_loopback_host", "server_url_problem"]


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and loopback IP addresses (``127.0.0.0/8``, ``::1``)."""
    name = host.strip().strip("[]").lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def server_url_problem(url: str) -> str | None:
    """``None`` when ``url`` is a usable Extranet base URL, else a reason code.

    Codes: ``"scheme"`` (not http/https), ``"host"`` (no host or a bad port), ``"query"``
    (query, fragment or credentials), ``"insecure"`` (plain http to a host that is not
    loopback).
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port  # raises ValueError for a bad port
    except ValueError:
        return "host"
    if parts.scheme not in ("http", "https"):
        return "scheme"
    if not parts.hostname or (port is not None and not 0 < port < 65536):
        return "host"
    if parts.query or parts.fragment or parts.username or parts.password:
        return "query"
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        return "insecure"
    return None
