"""The API body of a quick referral for tests that queue or create one directly."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any


def quick_referral(config: Mapping[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    """A quick referral the reference server accepts: fictitious mandatory data, repair
    consent given, no voluntary data (consent "Nein"), a new ``client_ref``.

    Args:
        config: The server's ``GET /config``: its Servicenummer and consent text version go
            into the body. Without it both are left out (``servicenummer`` empty: refused).
        overrides: Top-level fields to replace (``nachname=...``, ``consent={...}``).
    """
    consent: dict[str, Any] = {"granted": False}
    if config is not None:
        consent["text_version"] = config["consent"]["text_version"]
    body: dict[str, Any] = {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": config["servicenummer"] if config is not None else "",
        "nachname": "Quellmalz",
        "telefon": "+49 171 5550123",
        "kennzeichen": "HH-QX 4711",
        "versicherungsscheinnummer": "VS99887766",
        "repair_consent": True,
        "consent": consent,
        "voluntary": {},
    }
    body.update(overrides)
    return body
