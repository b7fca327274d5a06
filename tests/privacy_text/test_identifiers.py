"""Identifiers are validated (check digits, context words); job data stays clean."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check


def _ids(text: str, field: str = "bemerkungen") -> list[tuple[str, str]]:
    return [
        (f.rule_id, text[f.start : f.end]) for f in check(text, field) if f.category == "identifier"
    ]


@pytest.mark.parametrize(
    ("text", "rule", "value"),
    [
        (
            "IBAN DE89 3704 0044 0532 0130 00 für Erstattung",
            "identifier.iban",
            "DE89 3704 0044 0532 0130 00",
        ),
        ("Konto: DE89370400440532013000", "identifier.iban", "DE89370400440532013000"),
        ("Mail an max.muster@example.org", "identifier.email", "max.muster@example.org"),
        ("Kreditkarte 4111 1111 1111 1111", "identifier.credit_card", "4111 1111 1111 1111"),
        ("Steuer-ID 65929970489", "identifier.tax_id", "65929970489"),
        ("Perso-Nr. T22000129", "identifier.id_document", "T22000129"),
        ("Kd. geb. 03.07.1961", "identifier.birth_date", "geb. 03.07.1961"),
        ("Handy 0171 2345678", "identifier.phone", "0171 2345678"),
        ("Kd. hat am 12.4. Geburtstag", "identifier.birth_date", "12.4. Geburtstag"),
        ("Kd. Jg. 1958", "identifier.birth_date", "Jg. 1958"),
        ("Kd. *12.3.1960", "identifier.birth_date", "*12.3.1960"),
        ("Kd. ist 1955 geboren", "identifier.birth_date", "1955 geboren"),
        ("Mail: max(at)web(punkt)de", "identifier.email", "max(at)web(punkt)de"),
        (
            "Kd. wohnt Am Rosenhang 7a, 12345 Musterstadt",
            "identifier.address",
            "Am Rosenhang 7a, 12345 Musterstadt",
        ),
        (
            "Kd. wohnt in 12345 Musterstadt, Hauptstr. 7",
            "identifier.address",
            "12345 Musterstadt, Hauptstr. 7",
        ),
        ("Kto 1234567890 bei der Sparkasse", "identifier.bank_account", "1234567890"),
        ("erreichbar unter +49 30 12345678", "identifier.phone", "+49 30 12345678"),
    ],
)
def test_identifier_found(text: str, rule: str, value: str) -> None:
    assert (rule, value) in _ids(text)


def test_iban_with_wrong_check_digits_is_not_an_iban() -> None:
    assert all(rule != "identifier.iban" for rule, _ in _ids("Ref DE89370400440532013001"))


def test_spelled_out_email() -> None:
    found = _ids("schreibt an max punkt muster at gmx punkt de")
    assert [rule for rule, _ in found] == ["identifier.email"]
    assert found[0][1].startswith("max")
    assert found[0][1].endswith("de")


def test_card_number_failing_luhn_is_not_a_card() -> None:
    assert all(rule != "identifier.credit_card" for rule, _ in _ids("4111 1111 1111 1112"))


def test_full_home_address() -> None:
    assert ("identifier.address", "Lindenweg 12, 50667 Köln") in _ids(
        "wohnt Lindenweg 12, 50667 Köln"
    )


def test_id_card_copy_in_words() -> None:
    assert _ids("Kunde hat Perso geschickt")


@pytest.mark.parametrize(
    "text",
    [
        "Schadennummer 2024-123456",
        "Schadennr. 44-556677-2025",
        "Rechnung Nr. 2026-0042",
        "Teilenummer 8W0845099",
        "Auftragsnummer 88812345",
        "Auftrag 4711-0815 bitte stornieren",
        "VSNR 12345678901",
        "FIN WVWZZZ1JZXW000001",
        "Kennzeichen K-AB 1234",
        "Termin am 14.05.2026 um 10:30",
        "Termin 2026-05-14",
        "Selbstbeteiligung 300 Euro",
        "Kilometerstand 123456",
        "Straße ohne Hausnummer: Lindenweg",
        "Kontakt per Mail",
        "Fahrzeug Baujahr 2012, Kd. seit 1998 Kunde",
        "Hauptstraße 7",
        "Tel. über die Zentrale",
    ],
)
def test_job_data_and_vague_hints_are_not_identifiers(text: str) -> None:
    assert _ids(text) == []
