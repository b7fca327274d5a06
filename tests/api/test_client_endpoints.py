"""ExtranetClient against the real server: referrals and Postkorb endpoints, lost answers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.api import (
    BadRequest,
    ExtranetClient,
    NetworkError,
    ValidationFailed,
)
from tests.helpers.fault_proxy import FaultProxy


def _client(url: str, sleeps: list[float] | None = None, **kwargs: Any) -> ExtranetClient:
    return ExtranetClient(
        url, sleep=(sleeps.append if sleeps is not None else lambda _s: None), **kwargs
    )


def _referral_payload(servicenummer: str) -> dict[str, Any]:
    return {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": servicenummer,
        "nachname": "Müller",
        "telefon": "0171 2345678",
        "kennzeichen": "B-AB 1234",
        "versicherungsscheinnummer": "123456789",
        "repair_consent": True,
        "consent": {"granted": False},
        "voluntary": {},
    }


def test_lost_referral_answer_then_same_key_yields_one_referral(fresh_proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(fresh_proxy.url, sleeps, retries=0)
    info = client.login("demo", "demo")
    payload = _referral_payload(info.servicenummer)
    key = str(uuid.uuid4())
    fresh_proxy.drop_after_forward_next(1, method="POST", path="/api/v1/referrals")
    with pytest.raises(NetworkError) as err:
        client.create_referral(payload, idempotency_key=key)
    assert err.value.maybe_committed
    assert (err.value.status, err.value.code) == (0, "network")
    again = client.create_referral(payload, idempotency_key=key)
    assert again["client_ref"] == payload["client_ref"]
    found = client.list_referrals(client_ref=payload["client_ref"])
    assert [r["id"] for r in found.items] == [again["id"]]
    client.logout()


def test_lost_referral_answer_is_retried_with_the_same_key(fresh_proxy: FaultProxy) -> None:
    sleeps: list[float] = []
    client = _client(fresh_proxy.url, sleeps, retries=2)
    info = client.login("demo", "demo")
    payload = _referral_payload(info.servicenummer)
    fresh_proxy.drop_after_forward_next(1, method="POST", path="/api/v1/referrals")
    created = client.create_referral(payload, idempotency_key=str(uuid.uuid4()))
    assert len(sleeps) == 1
    assert [a for m, _p, a in fresh_proxy.actions() if m == "POST"][-2:] == [
        "drop-after",
        "forward",
    ]
    found = client.list_referrals(client_ref=payload["client_ref"])
    assert [r["id"] for r in found.items] == [created["id"]]
    client.logout()


@pytest.fixture
def fresh_proxy(fresh_server: Any) -> Iterator[FaultProxy]:
    with FaultProxy(fresh_server.url) as p:
        yield p


def test_validation_errors_carry_field_pointers(server: Any) -> None:
    client = _client(server.url)
    info = client.login("demo", "demo")
    payload = {
        "client_ref": str(uuid.uuid4()),
        "kind": "quick",
        "servicenummer": info.servicenummer,
        "nachname": "",
        "telefon": "",
        "kennzeichen": "",
        "versicherungsscheinnummer": "",
        "repair_consent": True,
        "consent": {"granted": False, "text_version": "x", "captured_at": "2026-01-01T00:00:00Z"},
        "voluntary": {},
    }
    with pytest.raises(ValidationFailed) as err:
        client.create_referral(payload, idempotency_key=str(uuid.uuid4()))
    exc = err.value
    assert exc.status == 422
    assert exc.code == "validation-failed"
    pointers = {e.pointer for e in exc.errors}
    assert "/nachname" in pointers
    assert exc.field_codes()["/nachname"]
    client.logout()


def test_missing_idempotency_key_is_bad_request(server: Any) -> None:
    client = _client(server.url)
    user = client.login("demo", "demo")
    with pytest.raises(BadRequest) as err:
        client.transport.request("POST", "/referrals", json=_referral_payload(user.servicenummer))
    assert err.value.code == "idempotency-key-missing"
    client.logout()
