"""Mechanisms of the fourth round of issue 13: a single attribute word in the name field, a
denied health attribute, lower-case thing subjects, trades named by their goods, housing as a
place, dialect endings, character idioms and word formation for judgements, implied strike,
party, partner and ancestry. Fresh sentences (in no corpus)."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # an adjective or participle (lower-case lemma) or an -iker noun says what a person is
        ("Zuckerkrank", {"name_misuse", "health"}),
        ("Gelähmt", {"name_misuse", "health"}),
        ("Asthmatikerin", {"name_misuse", "health"}),
        # a noun, an adjective surname on the list or a salutation keep it a surname
        ("Krebs", set()),
        ("Fromm", set()),
        ("Baptist", set()),
        ("Frau Schwerhörig", set()),
    ],
)
def test_one_attribute_word_in_the_name_field(text: str, labels: set[str]) -> None:
    assert categories(text, "nachname") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kundin ist nicht schwanger, nur beruflich eingespannt", set()),
        ("Kd. war nicht im Krankenhaus, sondern im Urlaub", set()),
        ("Kunde ist kein Allergiker, Monteur darf Hund mitbringen", set()),
        # the negation of an ability, a modal or "nicht mehr" still tells the state
        ("Kd. ist nicht mehr mobil", {"health"}),
        ("Kundin kann nicht mehr gut sehen", {"health"}),
        ("Kd. ist nicht mehr im Krankenhaus, aber noch schwach", {"health"}),
    ],
)
def test_a_denied_health_attribute_is_none(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # lower-case typing: a noun after an article is the subject
        ("kd sagt die kamera is behindert seit dem tausch", set()),
        ("die kundin is gehbehindert", {"health"}),
        # a trade named by its goods, refugee housing as a landmark or a stay
        ("Kd. ist Händler für Rollstühle, Laden im Erdgeschoss", set()),
        ("Treffpunkt gegenüber der Asylunterkunft, Parkbucht 3", set()),
        ("Kd. wohnt seit März in einer Asylunterkunft", {"ethnic_origin"}),
        # the spoken final -er of Bavarian and Austrian German
        ("kunde is schwerbehindat, bitte zeit lassen", {"health"}),
        ("Da Kunde is Epileptika", {"health"}),
    ],
)
def test_subjects_trades_housing_and_dialect(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kd. hat eine sehr lange Leitung, alles dreimal erklären", {"judgement"}),
        ("Kundin nimmt kein Blatt vor den Mund", {"judgement"}),
        ("Vorsicht, der Kunde ist mit allen Wassern gewaschen", {"judgement"}),
        ("Der Kunde ist eine komische Type", {"judgement"}),
        ("Kd. alter Nörgelkopf, ruft ständig an", {"judgement"}),
        ("Kundin ist sehr hilfsbereit und hat den Hof geräumt", {"judgement"}),
        # said of a thing or an event, the idiom or word is no judgement
        ("Wasser in der Leitung, Scheibe beschlägt", set()),
        ("Motor tickt nicht richtig, nicht unser Auftrag", set()),
        ("Die Halterung ist zuverlässig", set()),
    ],
)
def test_judgements_by_idiom_and_word_formation(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kd. hat sich beim Joggen den Knöchel verdreht", {"health"}),
        ("Kd. hat sich den Kotflügel kaputt gemacht", set()),
        ("Kundin ist im sechsten Monat", {"health"}),
        ("Kd. lebt seit Jahren trocken, nichts anbieten", {"health"}),
        ("Fahrbahn war seit Stunden trocken", set()),
        ("Kd. ist jetzt wieder gesund, Termin Montag", {"health"}),
        ("Kd. ab Mo wieder da, war krank", {"health"}),
    ],
)
def test_everyday_health(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kundin Mi nicht im Haus (Warnstreik)", {"union"}),
        ("Lieferung verzögert (Streik)", set()),
        ("Streik in der Firma, Kundin ist dabei.", {"union"}),
        ("Streik bei der Bahn, Kd. ist dabei umzuplanen", set()),
        ("Kd. spricht beim Parteitag als Redner", {"political"}),
        ("Parteitag in der Stadthalle, Umleitung beachten", set()),
        ("Lebensgefährtin von Frau Brandt bringt den Wagen", {"sex_life"}),
        ("Kd. hat nebenbei eine Affäre, Post nur ins Büro", {"sex_life"}),
        ("Kd. hat einen Herkunftstest gemacht", {"ethnic_origin"}),
        ("Kd. ist Wolgadeutsche", {"ethnic_origin"}),
        ("Kundin aus religiösen Gründen nur mit Monteurin", {"religion"}),
        ("Steuer-ID für die Rechnung: 57394812503", {"identifier"}),
        ("Geburtstag der Kundin: sie ist am 02.09.1971 geboren", {"identifier"}),
    ],
)
def test_implied_categories_and_identifiers(text: str, labels: set[str]) -> None:
    assert categories(text) == labels
