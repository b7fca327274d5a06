"""Helpers shared by the server tests."""

from __future__ import annotations

import uuid
from typing import Any

import requests

from extranet.catalogs import CONSENT_TEXT_VERSION

API = "/api/v1"


def problem(response: requests.Response, status: int, code: str) -> dict[str, Any]:
    """Assert a problem+json answer with ``status`` and ``code``; return its body."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert response.headers.get("X-Request-Id")
    body: dict[str, Any] = response.json()
    assert body["code"] == code
    assert body["status"] == status
    assert {"type", "title", "detail"} <= set(body)
    return body


def referral_payload(servicenummer: str = "SN-100234", **overrides: Any) -> dict[str, Any]:
    """A valid quick referral (fictitious data)."""
    payload: dict[str, Any] = {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": servicenummer,
        "nachname": "Mustermann",
        "telefon": "+49 30 1234567",
        "kennzeichen": "B-XY 123",
        "versicherungsscheinnummer": "KV-1234-5678",
        "repair_consent": True,
        "consent": {"granted": False},
        "voluntary": {},
    }
    payload.update(overrides)
    return payload


def with_consent(payload: dict[str, Any], **voluntary: Any) -> dict[str, Any]:
    """``payload`` with granted consent and the given voluntary values."""
    payload["consent"] = {
        "granted": True,
        "text_version": CONSENT_TEXT_VERSION,
        "captured_at": "2026-01-05T09:00:00Z",
    }
    payload["voluntary"] = voluntary
    return payload


def create_referral(
    session: requests.Session, url: str, payload: dict[str, Any] | None = None
) -> dict[str, Any]:
    """POST a referral and return the 201 body."""
    response = session.post(
        f"{url}{API}/referrals",
        json=payload or referral_payload(),
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=10,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body
