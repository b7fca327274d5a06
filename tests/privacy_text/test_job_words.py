"""A job word labels the number after it only as a word of its own or as the front of a
label compound; inside another word (a profession, a verb, a name) it labels nothing, and a
phone number after it stays one. "Nr."/"Nummer" of a job word or glued to another word is no
phone word."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check


def _rules(text: str) -> list[str]:
    return [f.rule_id for f in check(text, "bemerkungen") if f.category == "identifier"]


@pytest.mark.parametrize(
    "text",
    [
        "Kunde ist Friseur, 0171 2345678",
        "Kd. arbeitet als Installateur, 0171 2345678",
        "Kunde ist Kfz-Mechaniker, 0171 2345678",
        "Kunde ist Glaser, 0171 2345678",
        "Kd. befindet sich im Urlaub, 0171 2345678",
        "Kunde Kevin Bauer 0171 2345678",
        "Kunde ist Auftraggeber, 0171 2345678",
        "Rufnummer 123456",
    ],
)
def test_phone_number_after_a_word_that_only_contains_a_job_word(text: str) -> None:
    assert _rules(text) == ["identifier.phone"]


@pytest.mark.parametrize(
    "text",
    [
        "Schadensnummer 0171234567",
        "Schaden-Nr. 0171 234567",
        "Auftragsnummer: 0815 4711",
        "Auftrag Nr. 01234567",
        "Kundennr. 0123 45678",
        "Glasschaden 0441 022987",
        "Reparaturauftrag 0441 022987",
        "Bestellung 0123 456789",
        "Kilometerstand 012345",
        "Versicherungsscheinnr 0441022987",
    ],
)
def test_number_labelled_by_a_job_word_is_no_phone_number(text: str) -> None:
    assert _rules(text) == []
