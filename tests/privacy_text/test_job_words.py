"""Identifiers beside job data. A job word labels the number after it only as a word of its
own or as the front of a label compound; inside another word (a profession, a verb, a name) it
labels nothing, and a phone number after it stays one. "Nr."/"Nummer" of a job word or glued to
another word is no phone word. An ID document is an identifier when a copy of it is sent or
filed; a birthday with a month in words is a birth date."""

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


@pytest.mark.parametrize(
    "text",
    [
        "selfie vom kd mit perso in der hand per whatsapp gekommen",
        "Perso-Kopie liegt im Vorgang",
        "Kd. schickt Bild seines Reisepasses",
        "Ausweis (Vorder- und Rückseite) als PDF erhalten",
        "Perso per Mail bekommen",
    ],
)
def test_a_copy_of_an_id_document_sent_or_filed(text: str) -> None:
    assert "identifier.id_document_copy" in _rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunde hat gerade erst den Führerschein bekommen, fährt vorsichtig",
        "Bitte Ausweis mitbringen, Rechnung per Mail",
        "Kopie des Fahrzeugscheins per Mail erhalten",
        "Foto vom Schaden per WhatsApp gekommen",
    ],
)
def test_an_id_document_without_a_copy_is_no_identifier(text: str) -> None:
    assert _rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "kd hat am 3. mai 1958 geburtstag",
        "Kundin hat am 3. März Geburtstag",
        "Geburtstag ist der 3. März 1958",
        "Kd. feiert am 22.07. seinen 60. Geburtstag",
    ],
)
def test_a_birth_date_with_the_month_in_words(text: str) -> None:
    assert _rules(text) == ["identifier.birth_date"]


@pytest.mark.parametrize(
    "text",
    ["Termin am 3. Mai 2026 um 10 Uhr", "Geburtstag der Frau am 3. Mai 2026, Termin danach"],
)
def test_an_appointment_date_is_no_birth_date(text: str) -> None:
    assert _rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("mail: m punkt schulze bei gmx punkt net", "identifier.email"),
        ("geboren im März 1958", "identifier.birth_date"),
        ("Kd. wohnt Hohe Str. 31 in Dresden", "identifier.address"),
        ("Führerscheinnummer B072RRE2I55", "identifier.id_document"),
    ],
)
def test_more_spellings_of_an_identifier(text: str, rule: str) -> None:
    assert _rules(text) == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "Filiale Gartenweg 9, Kiel",
        "Werkstatt: Industriestraße 12, 24103 Kiel",
        "Rechnung an Firma Meier, Industriestraße 12, 24103 Kiel",
        "Vermittlung 4711-0815-2026",
        "Vermittlungs-ID 4711-0815-2026",
        "Kd. arbeitet bei Siemens, Termin punkt 9 Uhr",
        "Preis 2 * 1950 EUR",
    ],
)
def test_business_address_grouped_job_number_or_prose_is_no_identifier(text: str) -> None:
    assert _rules(text) == []


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a noun with "Nr." labels the number as that thing's: no phone number
        ("Scheibe Teil-Nr. 0171 2345678", False),
        ("Vers.-Nr. 0171234567", False),
        ("Vorgangsnummer 0171 2345678", False),
        # unless the noun is a phone word, or the word before "Nr." is no noun
        ("Tel. Nr. 0171 2345678", True),
        ("Kontaktnummer 0171 2345678", True),
        ("Meine Nr. 0171 2345678", True),
        ("Bitte unter Nr. 0171 2345678 anrufen", True),
    ],
)
def test_number_label_of_a_thing(text: str, phone: bool) -> None:
    found = any(f.rule_id == "identifier.phone" for f in check(text, "bemerkungen"))
    assert found is phone
