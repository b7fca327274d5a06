"""Judgements said of a person, by grammar: thesaurus words and traits need a person they are
said of, an elliptic clause shares the subject before its comma, a manner word that modifies
an act, an infinitive or a participle judges no one, a request speaks to the reader, "laut"
before a noun is a preposition; agent nouns of complaining, -lustig/-freudig dispositions,
adjective + kind of person without copula, idioms of manner. Fresh sentences (in no
corpus): each mechanism with a sentence that must be flagged and a near miss that must not."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check
from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # thesaurus synonyms need a person (frame = person); of a thing or the weather no one's
        ("Kunde ist ziemlich borniert, lässt sich nichts erklären", {"judgement"}),
        ("Herr Pohl wirkt hochnäsig", {"judgement"}),
        ("Kd. ist ein Hohlkopf", {"judgement"}),
        ("Das Wetter ist garstig, Termin ggf. verschieben", set()),
        ("Die Dichtung ist widerspenstig, zweiter Monteur nötig", set()),
        # a declined form ("word~" entries)
        ("Eine sehr zurückhaltende Kundin, spricht wenig", {"judgement"}),
        # an elliptic clause after a comma shares the subject before it
        ("Kd. ist Schwabe, sehr sparsam", {"judgement"}),
        ("Nachbarin kennt den Kunden gut, sehr neugierig", {"judgement"}),
        ("Motor läuft seit Jahren, sehr sparsam", set()),
        # the adverb of an act is the manner of the act, not of the person
        ("Kundin war sehr herzlich", {"judgement"}),
        ("Kundin hat sich herzlich bedankt", set()),
        ("Kunde ist sehr zufrieden, bedankt sich herzlich", set()),
        ("Kunde zahlt zuverlässig per Überweisung", set()),
        ("Kunde benimmt sich unmöglich, schreit herum", {"judgement"}),
        # a manner word before "zu", a participle, an infinitive or an -bar adjective
        ("Kunde ist schwierig", {"judgement"}),
        ("Kunde ist schwierig zu erreichen, bitte mehrmals probieren", set()),
        ("Kunde ist korrekt versichert, SB 150", set()),
        ("Kunde ist hektisch aufgebrochen, Schlüssel beim Nachbarn", set()),
        ("Kunde nett angerufen, Termin verschoben", set()),
        ("Kunde sehr nett gewesen", {"judgement"}),
        ("Kunde war sehr laut am Telefon", {"judgement"}),
        ("Bitte laut sprechen, Kunde am Handy", set()),
        # a pronoun of no person as the subject ("es", "alles")
        ("Für den Kunden ist es schwierig, vormittags zu Hause zu sein", set()),
        ("Kunde ist mit dem Ergebnis zufrieden, alles korrekt", set()),
        # a request speaks to the reader
        ("Die Kundin ist 84 Jahre alt, bitte geduldig sein", set()),
        # "laut" before a noun, article or pronoun is the preposition
        ("Laut Aussage des Kunden war die Scheibe schon vorher gerissen", set()),
        ("Kd. ist laut Gutachten nicht schuld", set()),
        ("Kd. hat Gürtelrose, nicht ansteckend laut ihm", {"health"}),
        # a diminutive of a person noun is a person
        ("Opilein, sehr charmant, bitte Zeit mitbringen", {"judgement"}),
        # agent nouns of verbs of complaining or babbling
        ("Kunde ist ein Dauerquengler", {"judgement"}),
        ("Kd. alter Stänkerer, Vorsicht", {"judgement"}),
        ("Der Heuler der Alarmanlage geht nicht mehr", set()),
        # -lustig, -freudig: a disposition; "freudig" alone is a reaction
        ("Kunde ist sehr diskussionsfreudig", {"judgement"}),
        ("Kd. war ziemlich angriffslustig am Telefon", {"judgement"}),
        ("Kunde hat freudig zugestimmt", set()),
        # adjective + kind of person without copula or article; not a type of a thing
        ("Kd. total entspannter Typ, null Stress", {"judgement"}),
        ("Kd. ist Diabetiker Typ 2", {"health"}),
        ("Kunde wünscht Typ Original Scheibe", set()),
        ("Kunde ist ein ganz Neuer, erster Auftrag", set()),
        ("Kdn. echt ne ganz Patente, hat alles vorbereitet", {"judgement"}),
        ("Kunde ist total der Ansicht, dass die Scheibe neu muss", set()),
        # "Weltmeister im ...-en" of a person; a master craftsman is a job
        ("Kd. ist Weltmeister im Absagen", {"judgement"}),
        ("Kunde ist Meister im Tischlerhandwerk", set()),
        # a compound whose head names a kind of person is that kind
        ("Kunde ist eine Oberzicke", {"judgement"}),
        ("Kd. ist ein Riesentrottel", {"judgement"}),
        # "ein echter/typischer X" of a person evaluates; not a case or a fan
        ("Kd. ist ein echter Profi, weiß was er will", {"judgement"}),
        ("Kunde ist ein echter Notfall, Scheibe komplett kaputt", set()),
        # the mind of an old person is a judgement, or the symptom of a condition in its sentence
        ("Kundin etwas tüddelig, bitte Geduld", {"judgement"}),
        ("Kd. vergesslich seit dem Schlaganfall", {"health"}),
        ("Kunde ist vergesslich. Er hat Diabetes.", {"judgement", "health"}),
        # complaining as a habit judges; a complaint about something is the request
        ("Kunde meckert ständig, nichts passt", {"judgement"}),
        ("Kundin ist nie zufrieden", {"judgement"}),
        ("Kunde meckert über die Wartezeit", set()),
        ("Kunde schimpft dauernd über die Rechnung", set()),
        ("Der Motor meckert ständig, Werkstatt prüft", set()),
        # idioms of manner; said of a thing they drop
        ("Kundin stellt sich an wie eine Diva", {"judgement"}),
        ("Kunde hat die Ruhe weg, Termin egal", {"judgement"}),
        ("Riss verläuft von oben herab über die Scheibe", set()),
        ("Scheibe ist komplett durch, Tausch nötig", set()),
        # a capitalised adjective right after a person noun is a surname; in lower case a trait
        ("Kd. Ehrlich ruft zurück, Termin Dienstag", set()),
        ("Kd. ehrlich, hat den Vorschaden selbst gemeldet", {"judgement"}),
        # the discourse marker and a reaction to an event are clean
        ("Ehrlich gesagt weiß der Kunde nicht, wann er Zeit hat", set()),
        ("Kundin war grantig gewesen, weil der Monteur zu spät kam", set()),
        ("Kundin ist grantig", {"judgement"}),
        ("Kunde war sehr laut am Telefon, weil er sich über die Wartezeit ärgerte", set()),
    ],
)
def test_judgement_by_grammar(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


def test_two_rules_on_one_span_give_one_finding() -> None:
    """'liebenswürdig' is in two judgement sections: one finding, of the smaller rule id (the
    second hit on the span is not checked again, and the result is the same)."""
    found = check("Eine liebenswürdige Kundin, immer gern", "bemerkungen")
    assert [(f.category, f.rule_id) for f in found] == [("judgement", "judgement.positive")]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # an adjective where a surname stands is the surname
        ("Peter Nett", set()),
        ("Julia Harsch", set()),
        ("Barsch, Klaus", set()),
        # a judgement added to the name is one; a kind of person after the name as well
        ("Schmidt (hochnäsig)", {"judgement", "name_misuse"}),
        ("Weber, sehr zurückhaltend", {"judgement", "name_misuse"}),
        ("Schmidt Choleriker", {"judgement", "name_misuse"}),
    ],
)
def test_judgement_words_in_the_name_field(text: str, labels: set[str]) -> None:
    assert categories(text, "nachname") == labels
