"""The server re-checks every free-text field with the privacy engine and every formatted
text field by its format, from the list the client uses (``desktop.validation.free_text``)."""

from __future__ import annotations

import uuid

import pytest
import requests

from desktop.validation.free_text import FORMATTED_FIELDS, FREE_TEXT_FIELDS
from extranet.runner import EmbeddedServer
from tests.helpers.server_fixtures import API, api_session
from tests.server.util import problem, referral_payload, with_consent

HEALTH = "Dialysepatient"  # Art. 9 data: blocked in every free-text field (fits every limit)


@pytest.fixture(scope="module")
def demo(server: EmbeddedServer) -> requests.Session:
    return api_session(server.url, "demo", "demo")


def _post(session: requests.Session, url: str, payload: dict[str, object]) -> requests.Response:
    return session.post(
        f"{url}{API}/referrals",
        json=payload,
        headers={"Idempotency-Key": str(uuid.uuid4())},
        timeout=30,
    )


@pytest.mark.parametrize("name", sorted(set(FREE_TEXT_FIELDS) - {"nachname"}))
def test_health_data_in_any_free_text_field_is_refused(
    server: EmbeddedServer, demo: requests.Session, name: str
) -> None:
    payload = with_consent(referral_payload(kind="complete"), **{name: HEALTH})
    body = problem(_post(demo, server.url, payload), 422, "privacy-violation")
    assert {e["pointer"] for e in body["errors"]} == {f"/voluntary/{name}"}
    assert HEALTH not in str(body)


def test_the_finding_of_the_issue_is_refused_in_the_einsatzort(
    server: EmbeddedServer, demo: requests.Session
) -> None:
    text = "Dialysezentrum, Kunde ist Dialysepatient"
    payload = with_consent(referral_payload(kind="complete"), einsatzort=text)
    problem(_post(demo, server.url, payload), 422, "privacy-violation")


def test_an_address_in_the_einsatzort_is_its_purpose(
    server: EmbeddedServer, demo: requests.Session
) -> None:
    payload = with_consent(
        referral_payload(kind="complete"), einsatzort="Musterstraße 12, 10115 Berlin"
    )
    assert _post(demo, server.url, payload).status_code == 201


@pytest.mark.parametrize("name", sorted(FORMATTED_FIELDS))
def test_words_in_a_formatted_field_are_refused(
    server: EmbeddedServer, demo: requests.Session, name: str
) -> None:
    payload = with_consent(referral_payload(kind="complete"), **{name: "Dialyse"})
    body = problem(_post(demo, server.url, payload), 422, "validation-failed")
    assert {e["pointer"] for e in body["errors"]} == {f"/voluntary/{name}"}
