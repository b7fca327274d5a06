"""Identifiers hidden by invisible characters, separators, spaced-out characters or words;
a customer's full name in a Postkorb subject or description. Spans point at the typed text."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check
from desktop.privacy.text.identifiers import _view

ZW = "\u200b"


def _ids(text: str, field: str = "bemerkungen") -> list[tuple[str, str]]:
    return [
        (f.rule_id, text[f.start : f.end]) for f in check(text, field) if f.category == "identifier"
    ]


@pytest.mark.parametrize(
    ("text", "rule", "typed"),
    [
        (f"Tel. 0171{ZW}2345{ZW}678", "identifier.phone", f"0171{ZW}2345{ZW}678"),
        (
            f"IBAN DE89{ZW}3704{ZW}0044{ZW}0532{ZW}0130{ZW}00",
            "identifier.iban",
            f"DE89{ZW}3704{ZW}0044{ZW}0532{ZW}0130{ZW}00",
        ),
        (
            f"Karte 4111{ZW}1111{ZW}1111{ZW}1111",
            "identifier.credit_card",
            f"4111{ZW}1111{ZW}1111{ZW}1111",
        ),
        (f"Mail max{ZW}.muster@example.org", "identifier.email", f"max{ZW}.muster@example.org"),
        ("Handy 0 1 7 1 – 2 3 4 5 6 7 8", "identifier.phone", "0 1 7 1 – 2 3 4 5 6 7 8"),
        ("Rückruf 0171 – 2345678", "identifier.phone", "0171 – 2345678"),
        (
            "I B A N  D E 8 9  3 7 0 4  0 0 4 4  0 5 3 2  0 1 3 0  0 0",
            "identifier.iban",
            "D E 8 9  3 7 0 4  0 0 4 4  0 5 3 2  0 1 3 0  0 0",
        ),
    ],
)
def test_hidden_identifier_is_underlined_as_typed(text: str, rule: str, typed: str) -> None:
    assert (rule, typed) in _ids(text)


@pytest.mark.parametrize(
    "iban",
    [
        "DE89-3704-0044-0532-0130-00",
        "DE89.3704.0044.0532.0130.00",
        "DE89/3704/0044/0532/0130/00",
        "DE89 3704-0044 0532-0130 00",
        "de89 3704 0044 0532 0130 00",
    ],
)
def test_iban_with_separators(iban: str) -> None:
    assert ("identifier.iban", iban) in _ids(f"Erstattung auf {iban} bitte")


def test_iban_with_separators_still_needs_its_check_digits() -> None:
    assert _ids("Vorgang DE88-3704-0044-0532-0130-00") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mail an lena punkt vogt at hotmail punkt com",
        "Kontakt: j.ernst (ät) mailbox (punkt) org",
        "schreibt an kai unterstrich b klammeraffe freenet punkt de",
        "E-Mail: uwe-lang at posteo dot net",
        "Adresse heinz.w at me.com",
        "mail: ina (dot) roth (at) proton (dot) me",
        "anna.berg(ät)web.de",
        "Kontakt lt. Kd.: jonas.beck-ät-posteo-punkt-de",
        "Mail max-at-web-punkt-de bitte",
    ],
)
def test_spelled_out_email_with_any_domain(text: str) -> None:
    assert [rule for rule, _ in _ids(text)] == ["identifier.email"]


@pytest.mark.parametrize(
    "text",
    [
        "Kunde ist at work. Termin morgen",
        "Halle at 2 links, Punkt 3 beachten",
        "Kontakt per Mail, Adresse im Vorgang",
        "Treffpunkt am Tor, pünktlich um acht",
    ],
)
def test_prose_with_at_or_punkt_is_no_email(text: str) -> None:
    assert _ids(text) == []


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        (
            "Handy null eins sechs null, neun acht sieben sechs fünf",
            "null eins sechs null, neun acht sieben sechs fünf",
        ),
        (
            "Tel. null-sieben-elf, vierzig dreiundzwanzig achtzehn",
            "null-sieben-elf, vierzig dreiundzwanzig achtzehn",
        ),
        ("Die Nummer lautet sieben-acht-neun-drei-zwei-eins", "sieben-acht-neun-drei-zwei-eins"),
        (
            "Rückruf null hundertzweiundsechzig, vierundvierzig elf",
            "null hundertzweiundsechzig, vierundvierzig elf",
        ),
    ],
)
def test_phone_number_in_words(text: str, typed: str) -> None:
    assert ("identifier.phone", typed) in _ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. braucht das Auto um sieben, zwei Schlüssel liegen bereit",
        "drei Steinschläge, einer etwa zwei Zentimeter",
        "Termin zwischen neun und elf oder ab vierzehn Uhr",
        "Riss von fünf auf zwanzig Zentimeter gewachsen",
        "Auftrag null acht fünfzehn, zwölf elf",  # job data, not a phone number
    ],
)
def test_numbers_in_words_that_are_no_phone_number(text: str) -> None:
    assert _ids(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Geburtsdatum lt. VN: 1968-04-17",
        "hat sein Geburtsdatum genannt (21.09.1975)",
        "DOB per Telefon: 03/11/1982",
    ],
)
def test_birth_date_a_few_words_after_its_word(text: str) -> None:
    assert [rule for rule, _ in _ids(text)] == ["identifier.birth_date"]


def test_birthday_of_a_date_is_not_a_birth_date() -> None:
    assert _ids("Kd. hat Geburtstag, Termin am 14.05.2026") == []


@pytest.mark.parametrize("number", ["659 299 704 89", "65 929 970 489", "6592 9970 489"])
def test_tax_id_in_any_grouping(number: str) -> None:
    assert ("identifier.tax_id", number) in _ids(f"Steuer-ID {number} für die Rechnung")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rückruf Kundin Sabine Kröger", "Sabine Kröger"),
        ("Storno Auftrag 2026-004417 Jürgen Albrecht", "Jürgen Albrecht"),
        ("Terminänderung für Herrn Dr. Dieter Lange", "Dieter Lange"),
        ("Reklamation Weber, Annette", "Weber, Annette"),
        ("Klaus-Peter Brandt ruft zurück", "Klaus-Peter Brandt"),
        ("Klaus Peter Brandt ruft zurück", "Klaus Peter Brandt"),
        ("Rückruf Frau Elif Yıldız", "Elif Yıldız"),
    ],
)
@pytest.mark.parametrize("field", ["betreff", "beschreibung"])
def test_full_name_in_a_postkorb_field(text: str, name: str, field: str) -> None:
    assert ("identifier.full_name", name) in _ids(text, field)


@pytest.mark.parametrize(
    "text",
    [
        "Storno Auftrag Schulz",
        "Rückruf Frau Dr. Vogel",
        "Herr Kaiser hat angerufen",
        "Autoglas Peter Schmitt GmbH – Rechnung fehlt",
        "Glaserei Hans Becker GmbH & Co. KG",
        "Termin am Martin Luther Platz",
        "Parkplatz der Anne-Frank-Schule",
        "Anne Frank Schule, Parkplatz hinten",
        "Termin in Filiale Karl-Marx-Straße",
        "Fahrzeug: Seat Leon Kombi",
        "Mercedes Benz Vito, Kennzeichen S-MB 4521",
        "Termin Sankt Georg",
        "Bitte Rückruf Sandra",
        "Vermittlung 2026-118204 – Termin verschieben",
    ],
)
def test_surname_company_place_or_car_is_no_full_name(text: str) -> None:
    assert _ids(text, "betreff") == []


def test_full_names_are_a_postkorb_policy_only() -> None:
    assert _ids("Rückruf Kundin Sabine Kröger", "bemerkungen") == []


def test_view_maps_every_character_back() -> None:
    text = f"Tel 0 1 7 1  2 3 – 4 5, Ko{ZW}nto DE89{ZW}3704"
    view = _view(text, hidden=True, spaced=True)
    assert view is not None
    seen, index = view
    assert seen == "Tel 0171 23-45, Konto DE893704"
    assert len(index) == len(seen)
    assert all(text[i] == c for i, c in zip(index, seen, strict=True) if c not in " -")


def test_view_is_none_for_plain_text() -> None:
    assert _view("Schadennummer 2024-123456, Termin 9 bis 12 Uhr", False, False) is None


@pytest.mark.parametrize(
    ("text", "rule", "typed"),
    [
        # a space between the country code and the check digits of an IBAN
        (
            "IBAN: DE 44 500 105 175 407 324 931",
            "identifier.iban",
            "DE 44 500 105 175 407 324 931",
        ),
        # card groups apart by dots or slashes
        ("Kreditkarte 4012.8888.8888.1881", "identifier.credit_card", "4012.8888.8888.1881"),
        ("Kreditkarte 4012/8888/8888/1881", "identifier.credit_card", "4012/8888/8888/1881"),
        # the last dot of an address as a bare space or spaced out before a common domain
        ("Kd. Mail: j.weiss ät gmail com", "identifier.email", "j.weiss ät gmail com"),
        ("Mail petra.lang @ web . de", "identifier.email", "petra.lang @ web . de"),
        # a birth date in words, and the abbreviation "Geb.-Dat."
        (
            "geboren am fünften Oktober 1949",
            "identifier.birth_date",
            "geboren am fünften Oktober 1949",
        ),
        (
            "Geburtsdatum: zwölfter März neunzehnhundertachtundfünfzig",
            "identifier.birth_date",
            "Geburtsdatum: zwölfter März neunzehnhundertachtundfünfzig",
        ),
        ("Geb.-Dat. 01.02.1970", "identifier.birth_date", "Geb.-Dat. 01.02.1970"),
    ],
)
def test_more_separators_and_words(text: str, rule: str, typed: str) -> None:
    assert (rule, typed) in _ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Termin um 12 3456 7890 1234 5678 90",  # two letters and digits, no country code
        "Termin at Werkstatt de Vries",  # no address before "at"
        "Scheibe 1-2 at Lager de",
        "Kd. war am fünften Oktober beim Termin",  # a date in words, no birth
        "Kostenvoranschlag 0815-4711",  # a record's number, no phone number
        "Schaden vom 01.02.2024, Termin 03.04.2024 14.05.2024",
    ],
)
def test_look_alikes_stay_clean(text: str) -> None:
    assert _ids(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a birthday a few words before a date whose two-digit year is of the last century
        ("Geburtstag hat er am 14.7.58, sagt er", "identifier.birth_date"),
        # an address dictated with pauses around the "at"
        ("Mail: nils unterstrich brand, dann Klammeraffe, mailbox punkt org", "identifier.email"),
        ("anna punkt roth, und ät, web punkt de", "identifier.email"),
        # a social-security number with dashes after its word
        ("RV-Nr. 53-170965-S-046", "identifier.social_security"),
    ],
)
def test_dictated_and_dashed(text: str, rule: str) -> None:
    assert rule in [r for r, _typed in _ids(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat Geburtstag, Termin daher am 14.7.25",  # an appointment in this century
        "Vorgang 53-170965-S-046 bitte prüfen",  # a dashed number of the job
    ],
)
def test_dictated_and_dashed_look_alikes(text: str) -> None:
    assert _ids(text) == []


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("Tel. o171-2345678", "o171-2345678"),  # a letter O for the zero
        ("Handy O171 2345678", "O171 2345678"),
        ("Tel 0l71 2345678", "0l71 2345678"),  # a letter l for the one
    ],
)
def test_letter_for_a_digit(text: str, typed: str) -> None:
    assert ("identifier.phone", typed) in _ids(text)


@pytest.mark.parametrize(
    "text", ["Kennzeichen B-O 1234", "Audi A4 Bj. 2O15", "Scheibe Typ KO12345", "Vertrag O2"]
)
def test_letter_next_to_digits_stays_clean(text: str) -> None:
    assert _ids(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Perso L 0 1 X 0 0 T 4 7",
        "Reisepassnummer C 01X 00T 47",
        "Ausweis: LO1XOOT47",
    ],
)
def test_a_spaced_id_document_number_or_one_with_a_letter_o_is_found(text: str) -> None:
    assert {f.category for f in check(text, "bemerkungen")} == {"identifier"}


def test_a_spaced_licence_plate_near_a_document_word_stays_job_data() -> None:
    found = check("Ausweis gezeigt, Fahrzeug HH KL 1234 steht hinten", "bemerkungen")
    assert not [f for f in found if f.rule_id == "identifier.id_document"]
