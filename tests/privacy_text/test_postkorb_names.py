"""A customer's full name in the Postkorb "Betreff" and "Beschreibung" (notice §1.4): where a
sentence ends after it, with name particles or a middle initial; a colleague's name or the
writer's signature is no customer's data."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check


def _names(text: str, field: str = "beschreibung") -> list[str]:
    return [
        text[f.start : f.end] for f in check(text, field) if f.rule_id == "identifier.full_name"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the full stop of a sentence is no abbreviation
        ("Auftrag 2025-118, bitte Rückruf an Peter Müller.", "Peter Müller"),
        ("Zu Auftrag 4471 meldet sich Jan Ott.", "Jan Ott"),
        # particles and a middle initial stand between first name and surname
        ("Ana de la Cruz bittet um Rückruf", "Ana de la Cruz"),
        ("Auftrag 2025-118 Peter van der Berg", "Peter van der Berg"),
        ("Anfrage von Kundin Petra M. Schulze", "Petra M. Schulze"),
    ],
)
def test_full_name_found(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Termin mit Anna Str. 5",
        "Frage von Sachbearbeiter Tim Lange zur Deckung",
        "Gutachter Peter Lorenz kommt am Montag",
        "Kollegin Frau Petra Lang hat angerufen",
        "Rücksprache mit Monteur Jens Kraus",
        "Mit freundlichen Grüßen\nAnna Schmidt",
        "Viele Grüße, Sabine Koch",
        "Grüße, Julia aus dem Kundenservice",
        "Tim von der Allianz hat angerufen",
        "Schwester Maria vom Pflegedienst bringt das Auto",
        "Patient: Octavia Kombi, Riss 15 cm",
    ],
)
def test_staff_signature_or_abbreviation_is_no_customer_name(text: str) -> None:
    assert _names(text) == []


def test_a_signature_does_not_hide_the_customer_named_before_it() -> None:
    text = "Kunde Peter Müller bittet um Rückruf. Mit freundlichen Grüßen Anna Schmidt"
    assert _names(text) == ["Peter Müller"]


def test_a_signature_inside_a_forwarded_customer_mail_is_the_customers_name() -> None:
    text = "Kundenmail: „Hallo, bitte Termin am Freitag. Viele Grüße, Torben Aschenbrenner“"
    assert _names(text) == ["Torben Aschenbrenner"]


@pytest.mark.parametrize("name", ["Torben Aschenbrenner", "Annegret Vollmer", "Silke Brandt"])
def test_first_names_of_older_customers_are_known(name: str) -> None:
    assert _names(f"Rückruf {name} wegen Termin") == [name]


@pytest.mark.parametrize("text", ["Termin am Max Planck Institut", "Parkplatz Anne Frank Schule"])
def test_a_place_named_after_a_person_is_no_full_name(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a name written in capitals, first name too
        ("Rückruf MÜLLER, PETER", "MÜLLER, PETER"),
        ("Storno PETER MÜLLER", "PETER MÜLLER"),
        ("Die Kundin SABINE KRÖGER hat angerufen.", "SABINE KRÖGER"),
        # the surname first, without a comma, after a number or a record or person noun
        ("Auftrag 4711 Müller Peter", "Müller Peter"),
        ("Rückfrage zu Kunde Weber Sabine", "Weber Sabine"),
        ("RÜCKRUF MÜLLER PETER", "MÜLLER PETER"),
    ],
)
def test_full_name_in_capitals_or_surname_first(text: str, name: str) -> None:
    assert _names(text, "betreff") == [name]


@pytest.mark.parametrize(
    "text",
    [
        # capitals: a verb, adverb or adjective after a first name is no surname
        "BITTE ANNA ANRUFEN",
        "TERMINBESTÄTIGUNG FÜR MONTAG, ANNA VON DER DISPO",
        # surname first: only after a number, a record or person noun; no day, title or place
        "Termin Montag Frank",
        "Auftrag 4711 Werkstatt Frank",
        "Rückruf Imam Yilmaz",
        # a department after the name, a closing or a staff role before it: a colleague
        "Gruß, Sandra Wendt (Schadenservice)",
        "Rückfragen an Frank Hoffmann (Innendienst)",
        "Termin bestätigt. MfG Petra Lang, Agentur Nord",
        "i.A. Melanie Krüger",
        "Sachbearbeitung: Frank Hoffmann",
        "Ansprechpartner im Autohaus ist Herr Jörg Brandt.",
        "Gruß aus Kiel, Maria",
        "Grüße aus dem Büro, Heike",
    ],
)
def test_no_customer_full_name(text: str) -> None:
    assert _names(text, "beschreibung") == []


def test_closing_a_few_words_before_the_signature() -> None:
    text = "Bitte Auftrag stornieren. Gruß aus dem Büro, Melanie Brandt"
    assert _names(text) == []
    quoted = "Kunde schreibt: „Bitte stornieren. Gruß aus Kiel, Melanie Brandt“"
    assert _names(quoted) == ["Melanie Brandt"]


@pytest.mark.parametrize(
    "text",
    [
        "Tim Wolf von der Werkstatt meldet sich morgen.",  # from an organisation
        "Frau Anna Berger von der Allianz hat angerufen.",
        "Herr Markus Lehmann (Allianz Agentur) bittet um Rückruf.",  # a department in brackets
        "Urlaubsvertretung: Sabine Krüger",  # a role of the staff as a compound
        "Laut Gutachter Dipl.-Ing. Frank Roth ist die Scheibe nicht reparabel.",
        "Bitte Rechnung an Autoglas Becker, z. Hd. Tim Wolf.",
        "Rückfragen bitte an mich, Julia Hartmann, Durchwahl 12.",  # the writer
        "Schaden gemeldet von Agentur Klaus Weber.",  # an agency named after its agent
    ],
)
def test_contacts_of_organisations_are_no_customers(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kunde Tim Wolf von der Firma Meier hat angerufen.",  # a customer word decides
        "Herr Peter Schulz von der Lindenstraße bittet um Rückruf.",  # a place, no organisation
        "Heute habe ich Peter Müller erreicht, Termin steht.",  # "ich" without a comma
        "Anna Meier, Termin mit Werkstatt abgestimmt.",  # only the bracket is read whole
        "Info an Team: Peter Müller zahlt bar.",
    ],
)
def test_customer_names_near_organisations(text: str) -> None:
    assert len(_names(text)) == 1
