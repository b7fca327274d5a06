"""Whole-clause rewording of a finding (no Qt): the result is a sentence, carries no finding,
speaks of a woman as a woman and does not repeat what the note already asks for."""

from __future__ import annotations

import re

import pytest

from desktop.paths import resource_path
from desktop.privacy.text import Finding, check
from desktop.privacy.text.clauses import segments, sentence_at, sentences
from desktop.privacy.text.gender import inflect, person_gender
from desktop.privacy.text.lexicon import parse_file
from desktop.privacy.text.rewording import Rewording, reword


def first(text: str, field: str, category: str | None = None) -> Finding:
    found = [f for f in check(text, field) if category is None or f.category == category]
    assert found, f"no finding in {text!r}"
    return found[0]


def reworded(text: str, field: str, category: str | None = None) -> Rewording:
    result = reword(text, first(text, field, category), field)
    assert result is not None
    assert result.text == text[: result.start] + result.replacement + text[result.end :]
    return result


# (field, typed text, the whole text after one click)
REPLACED = [
    # the bug of the issue: the clause goes, not just the word
    ("zusatzinfo", "Kunde ist schwerhörig", "Bitte laut und deutlich klingeln"),
    ("zusatzinfo", "Kunde ist schwerhörig.", "Bitte laut und deutlich klingeln."),
    (
        "zusatzinfo",
        "Bitte vorher anrufen, Kunde ist schwerhörig.",
        "Bitte vorher anrufen, bitte laut und deutlich klingeln.",
    ),
    (
        "zusatzinfo",
        "Hr. Yilmaz ist schwerhörig; Hinterhof",
        "Bitte laut und deutlich klingeln; Hinterhof",
    ),
    (
        "zusatzinfo",
        "Kunde ist schwerhörig und blind",
        "Bitte laut und deutlich klingeln, bitte Unterlagen telefonisch erläutern",
    ),
    (
        "zusatzinfo",
        "Kunde ist schwerhörig und kommt erst ab 16 Uhr nach Hause.",
        "Kunde kommt erst ab 16 Uhr nach Hause. Bitte laut und deutlich klingeln.",
    ),
    # female subject: female forms
    (
        "zusatzinfo",
        "Die Kundin ist Rollstuhlfahrerin",
        "Kundin braucht etwas länger, um die Tür zu öffnen",
    ),
    (
        "zusatzinfo",
        "Kundin sitzt im Rollstuhl, Einfahrt hinten benutzen.",
        "Kundin braucht etwas länger, um die Tür zu öffnen, Einfahrt hinten benutzen.",
    ),
    (
        "zusatzinfo",
        "Frau Meier ist Muslimin, bitte Termin nicht freitags.",
        "Bitte Terminwunsch der Kundin beachten, bitte Termin nicht freitags.",
    ),
    # male or unknown: the male form
    (
        "zusatzinfo",
        "Kunde sitzt im Rollstuhl.",
        "Kunde braucht etwas länger, um die Tür zu öffnen.",
    ),
    ("zusatzinfo", "Kd. ist Moslem", "Bitte Terminwunsch des Kunden beachten"),
    ("zusatzinfo", "Kunde ist am Samstag auf einer Demo", "Kunde ist am Samstag nicht erreichbar"),
    ("bemerkungen", "Kd. streikt am Montag", "Kunde ist am Montag nicht erreichbar"),
    (
        "bemerkungen",
        "Der schwerhörige Kunde bittet um Rückruf.",
        "Der Kunde bittet um Rückruf. Bitte laut und deutlich klingeln.",
    ),
    (
        "bemerkungen",
        "Die depressive Kundin bittet um Rückruf",
        "Die Kundin bittet um Rückruf. Kundin braucht etwas mehr Zeit",
    ),
    (
        "bemerkungen",
        "Termin Montag (Kunde ist taub).",
        "Termin Montag. Bitte laut und deutlich klingeln.",
    ),
    (
        "bemerkungen",
        "Kunde (schwerhörig) bitte vorher anrufen",
        "Kunde bitte vorher anrufen. Bitte laut und deutlich klingeln",
    ),
    (
        "bemerkungen",
        "Hinterhof, Tor links.\nKundin ist schwanger.\nDanke",
        "Hinterhof, Tor links.\nTermin bitte kurzfristig mit der Kundin abstimmen.\nDanke",
    ),
    (
        "beschreibung",
        "Bitte Termin verschieben, Kundin ist schwanger.",
        "Bitte Termin verschieben, Termin bitte kurzfristig mit der Kundin abstimmen.",
    ),
    (
        "beschreibung",
        "Bitte Termin verschieben, Ehefrau des Kunden ist schwanger.",
        "Bitte Termin verschieben, Termin bitte kurzfristig mit dem Kunden abstimmen.",
    ),
    (
        "beschreibung",
        "Kunde ist Zeuge Jehovas und möchte samstags keinen Termin.",
        "Kunde möchte samstags keinen Termin. Bitte Terminwunsch des Kunden beachten.",
    ),
    (
        "betreff",
        "Terminänderung - Kundin schwanger",
        "Terminänderung - Termin bitte kurzfristig mit der Kundin abstimmen",
    ),
    ("betreff", "Achtung: Kunde ist taub", "Achtung: bitte laut und deutlich klingeln"),
    ("betreff", "Kd. schwanger", "Termin bitte kurzfristig mit der Kundin abstimmen"),
    (
        "betreff",
        "Rückfrage zu GV-2026-00123 – Kundin liegt im Krankenhaus bis 12.6.",
        "Rückfrage zu GV-2026-00123 – Kundin ist bis 12.6. nicht erreichbar.",
    ),
    # a clause that hangs on another goes with it
    (
        "beschreibung",
        "Weil der Kunde Moslem ist, bitte keinen Termin am Freitagmittag.",
        "Bitte Terminwunsch des Kunden beachten, bitte keinen Termin am Freitagmittag.",
    ),
    (
        "zusatzinfo",
        "Bitte beachten, dass die Kundin gehörlos ist.",
        "Bitte laut und deutlich klingeln.",
    ),
    (
        "zusatzinfo",
        "Stellplatz 12. Der Kunde sitzt im Rollstuhl, deshalb bitte mobiler Service.",
        "Stellplatz 12. Kunde braucht etwas länger, um die Tür zu öffnen, deshalb bitte mobiler "
        "Service.",
    ),
    (
        "zusatzinfo",
        "Kunde ist schwerhörig, bitte klingeln",  # resources/privacy/README.md
        "Bitte laut und deutlich klingeln, bitte klingeln",
    ),
]

# Nothing neutral to say, or the note already asks for it: the clause goes.
DELETED = [
    ("zusatzinfo", "Kunde ist schwerhörig, bitte laut klingeln", "Bitte laut klingeln"),
    (
        "zusatzinfo",
        "Kundin ist schwerhörig, bitte laut und deutlich klingeln.",
        "Bitte laut und deutlich klingeln.",
    ),
    ("zusatzinfo", "Bitte laut klingeln, da Kunde schwerhörig ist.", "Bitte laut klingeln."),
    ("zusatzinfo", "Da Kunde schwerhörig ist, bitte laut klingeln.", "Bitte laut klingeln."),
    ("zusatzinfo", "Sie ist blind, bitte Unterlagen vorlesen.", "Bitte Unterlagen vorlesen."),
    ("zusatzinfo", "Frau Schulz ist gehbehindert - bitte Geduld", "Bitte Geduld"),
    ("zusatzinfo", "Kunde ist Choleriker, bitte vorsichtig sein.", "Bitte vorsichtig sein."),
    ("zusatzinfo", "Bitte vorsichtig sein, Kunde ist Choleriker.", "Bitte vorsichtig sein."),
    (
        "zusatzinfo",
        "Hinterhof, Tor links. Kunde ist Choleriker. Bitte vorher anrufen.",
        "Hinterhof, Tor links. Bitte vorher anrufen.",
    ),
    ("zusatzinfo", "Kunde ist Türke, spricht wenig Deutsch", "Kunde spricht wenig Deutsch"),
    ("zusatzinfo", "Kunde ist ein Choleriker", ""),
    ("bemerkungen", "Rollstuhlfahrerin, bitte Geduld an der Tür.", "Bitte Geduld an der Tür."),
    (
        "bemerkungen",
        "Weil die Kundin im Rollstuhl sitzt, bitte länger klingeln.",
        "Bitte länger klingeln.",
    ),
    (
        "beschreibung",
        "Scheibe vorne rechts.\nKunde ist ein Querulant.\nBitte vorher anrufen.",
        "Scheibe vorne rechts.\nBitte vorher anrufen.",
    ),
    ("betreff", "Terminanfrage, Kunde ist Querulant", "Terminanfrage"),
    # the subject stays when the next clause goes on with it
    (
        "bemerkungen",
        "Kunde ist gebürtiger Pole und bittet, dass langsam gesprochen wird.",
        "Kunde bittet, dass langsam gesprochen wird.",
    ),
    ("bemerkungen", "Kd. Schwede, spricht gut Deutsch", "Kd. spricht gut Deutsch"),
    (
        "zusatzinfo",
        "Herr Braun ist ein netter, hilfsbereiter Mensch, hat den Hof freigeräumt.",
        "Herr Braun hat den Hof freigeräumt.",
    ),
]

# The name field holds the name and nothing else (notice §1.1).
NAMES = [
    ("Meier (schwerhörig)", "Meier"),
    ("Müller (taub)", "Müller"),
    ("Meier schwerhörig", "Meier"),
    ("Frau Meier, Rollstuhl", "Frau Meier"),
    ("Schmidt Choleriker", "Schmidt"),
    ("Hans Meier, Kunde ist schwerhörig", "Hans Meier"),
    ("Hr. Dr. Weber - schwerhörig, laut klingeln", "Hr. Dr. Weber"),
    ("Meier [Alkoholiker]", "Meier"),
    ("Meier - Choleriker", "Meier"),
    ("Mül\u200bler (taub)", "Müller"),  # the hidden character goes as well
    ("Heise, Tel. 0171 2345678", "Heise"),
    ("Krause/Rollstuhl", "Krause"),
]


@pytest.mark.parametrize(("field", "text", "expected"), REPLACED)
def test_the_clause_is_replaced_by_the_neutral_wording(
    field: str, text: str, expected: str
) -> None:
    result = reworded(text, field)
    assert result.text == expected
    assert result.kind == "replace"
    assert result.clause
    assert result.clause.casefold() in expected.casefold()


@pytest.mark.parametrize(("field", "text", "expected"), DELETED)
def test_the_clause_is_deleted_and_the_rest_tidied(field: str, text: str, expected: str) -> None:
    result = reworded(text, field)
    assert result.text == expected
    assert result.kind == "delete"
    assert result.clause == ""


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_name_field_keeps_the_name_alone(text: str, expected: str) -> None:
    for finding in check(text, "nachname"):
        result = reword(text, finding, "nachname")
        assert result is not None
        assert result.text == expected
        assert result.clause == expected  # the UI shows "Ersetzen durch „Meier“"


@pytest.mark.parametrize(
    ("field", "text", "_expected"),
    [*REPLACED, *DELETED, *(("nachname", t, e) for t, e in NAMES)],
)
def test_result_is_clean_and_reads_as_text(field: str, text: str, _expected: str) -> None:
    result = reworded(text, field)
    assert check(result.text, field) == []
    assert "  " not in result.text
    assert not re.search(r"\s[,.;:!?]|[,;:]\s*[.!?]|[,;:]$|^[,;:\s]|\s$", result.text)
    for line in result.text.splitlines():
        assert not line or not line[0].islower(), line
    assert " ist bitte" not in result.text.casefold()  # never "Kunde ist Bitte ..."


def test_every_finding_of_a_longer_note_is_reworded_one_by_one() -> None:
    text = (
        "Scheibe vorne links, Steinschlag. Kundin ist schwerhörig und sitzt im Rollstuhl.\n"
        "Sie ist sehr unfreundlich. Bitte vorher anrufen."
    )
    for _ in range(5):
        found = check(text, "zusatzinfo")
        if not found:
            break
        result = reword(text, found[0], "zusatzinfo")
        assert result is not None
        text = result.text
    assert check(text, "zusatzinfo") == []
    assert text == (
        "Scheibe vorne links, Steinschlag. Bitte laut und deutlich klingeln, "
        "Kundin braucht etwas länger, um die Tür zu öffnen.\nBitte vorher anrufen."
    )


def test_a_finding_elsewhere_stays_and_does_not_block_the_rewording() -> None:
    text = "Kunde ist schwerhörig. Er ist ein Choleriker."
    hearing = first(text, "zusatzinfo", "health")
    result = reword(text, hearing, "zusatzinfo")
    assert result is not None
    assert result.text == "Bitte laut und deutlich klingeln. Er ist ein Choleriker."
    assert [f.category for f in check(result.text, "zusatzinfo")] == ["judgement"]


def test_no_rewording_for_a_length_warning() -> None:
    text = "Bitte vor der Einfahrt parken, Tor ist meist offen. " * 20
    length = first(text, "zusatzinfo", "length")
    assert reword(text, length, "zusatzinfo") is None


def test_ignored_rules_do_not_block_a_proposal() -> None:
    text = "Kunde ist schwerhörig"
    finding = first(text, "zusatzinfo")
    result = reword(text, finding, "zusatzinfo", ignore_rules={"health.hearing"})
    assert result is not None  # the finding itself was given: still reworded
    assert result.text == "Bitte laut und deutlich klingeln"


# ---------------------------------------------------------------- gender
def _suggestions() -> list[str]:
    root = resource_path("privacy") / "lexicon"
    found = {
        rule.suggestion
        for path in sorted(root.glob("*.txt"))
        for rule, _entry in parse_file(path)
        if rule.suggestion
    }
    return sorted(found)


MALE_FORMS = re.compile(r"\b(Kunden?|Versicherungsnehmers?|seine?[mnrs]?)\b")
FEMALE_FORMS = re.compile(r"\b(Kundin|Versicherungsnehmerin|ihre?[mnrs]?)\b")


def test_lexicons_have_suggestions() -> None:
    assert len(_suggestions()) >= 5


@pytest.mark.parametrize("suggestion", _suggestions())
def test_every_lexicon_suggestion_has_a_female_and_a_male_form(suggestion: str) -> None:
    female, male = inflect(suggestion, "female"), inflect(suggestion, "male")
    assert not MALE_FORMS.search(female), female
    assert not FEMALE_FORMS.search(male), male
    assert inflect(suggestion, None) == male  # unknown person: the male form
    assert inflect(female, "male") == male
    assert inflect(male, "female") == female


@pytest.mark.parametrize(
    ("suggestion", "female", "male"),
    [
        (
            "Bitte Terminwunsch des Kunden beachten",
            "Bitte Terminwunsch der Kundin beachten",
            "Bitte Terminwunsch des Kunden beachten",
        ),
        (
            "Termin bitte kurzfristig mit der Kundin abstimmen",
            "Termin bitte kurzfristig mit der Kundin abstimmen",
            "Termin bitte kurzfristig mit dem Kunden abstimmen",
        ),
        ("Kunde braucht etwas mehr Zeit", "Kundin braucht etwas mehr Zeit", None),
        ("Bitte den Kunden vorher anrufen", "Bitte die Kundin vorher anrufen", None),
        ("Bitte für die Kundin Zeit einplanen", None, "Bitte für den Kunden Zeit einplanen"),
    ],
)
def test_inflection_by_case(suggestion: str, female: str | None, male: str | None) -> None:
    assert inflect(suggestion, "female") == (female or suggestion)
    assert inflect(suggestion, "male") == (male or suggestion)


@pytest.mark.parametrize(
    ("text", "word", "gender"),
    [
        ("Kundin ist schwerhörig", "schwerhörig", "female"),
        ("Die Versicherungsnehmerin ist blind", "blind", "female"),
        ("Fr. Meier sitzt im Rollstuhl", "Rollstuhl", "female"),
        ("Sie hat MS", "MS", "female"),
        ("Rollstuhlfahrerin, bitte Geduld", "Rollstuhlfahrerin", "female"),
        ("Termin Fr. 14 Uhr, Kunde ist taub", "taub", "male"),
        ("Kunde ist taub", "taub", "male"),
        ("Herr Meier und seine Frau: er hört schlecht", "hört", "male"),
        ("Ehefrau des Kunden ist schwanger", "schwanger", "male"),
        ("Frau Meier hat angerufen. Gehbehindert.", "Gehbehindert", "female"),
        ("Bitte laut klingeln, schwerhörig", "schwerhörig", None),
        ("Kd. ist taub", "taub", None),
        ("Kd. schwanger, Termin bald", "schwanger", "female"),
        ("Kd. in der 30. SSW", "SSW", "female"),
    ],
)
def test_person_gender(text: str, word: str, gender: str | None) -> None:
    start = text.index(word)
    sentence = sentence_at(text, start, start + len(word))
    assert person_gender(text, start, start + len(word), (sentence.start, sentence.body)) == gender


# ---------------------------------------------------------------- clauses
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kunde ist taub. Bitte klingeln.", ["Kunde ist taub.", "Bitte klingeln."]),
        ("Kd. Meier ist taub", ["Kd. Meier ist taub"]),
        ("Termin am 12. März. Danke", ["Termin am 12. März.", "Danke"]),
        ("z.B. Hinterhof! Tor links?", ["z.B. Hinterhof!", "Tor links?"]),
        ("Zeile eins\n\nZeile zwei", ["Zeile eins", "Zeile zwei"]),
        ("Fr. Schulz, Hauptstr. 115. Ende", ["Fr. Schulz, Hauptstr. 115.", "Ende"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kunde ist taub, bitte laut klingeln", ["Kunde ist taub", "bitte laut klingeln"]),
        ("Scheibe 1,5 cm; Riss", ["Scheibe 1,5 cm", "Riss"]),
        ("Kunde (78, taub) - bitte warten", ["Kunde (78, taub)", "bitte warten"]),
        ("Hinweis: Hoftor", ["Hinweis", "Hoftor"]),
    ],
)
def test_segments(text: str, expected: list[str]) -> None:
    sentence = sentences(text)[0]
    assert [text[a:b] for a, b in segments(text, sentence)] == expected


# ---------------------------------------------------------------- combinations
SUBJECTS = [
    ("Kunde", "male"),
    ("Der Kunde", "male"),
    ("Herr Meier", "male"),
    ("Er", "male"),
    ("Die Kundin", "female"),
    ("Frau Meier", "female"),
    ("Fr. Yilmaz", "female"),
    ("Sie", "female"),
    ("Die Versicherungsnehmerin", "female"),
]
PREDICATES = [
    ("ist schwerhörig", "Bitte laut und deutlich klingeln"),
    ("sitzt im Rollstuhl", "braucht etwas länger, um die Tür zu öffnen"),
    ("ist ein Choleriker", None),
]
GOES_ON = [
    ("", None),
    (", bitte vorher anrufen", "vorher anrufen"),
    (" und kommt erst ab 16 Uhr", "kommt erst ab 16 Uhr"),
    (". Hoftor links", "Hoftor links"),
]


@pytest.mark.parametrize(("subject", "gender"), SUBJECTS)
@pytest.mark.parametrize(("predicate", "wording"), PREDICATES)
@pytest.mark.parametrize(("rest", "kept"), GOES_ON)
@pytest.mark.parametrize("field", ["zusatzinfo", "bemerkungen", "beschreibung"])
def test_combinations_read_well_in_the_right_gender(
    subject: str,
    gender: str,
    predicate: str,
    wording: str | None,
    rest: str,
    kept: str | None,
    field: str,
) -> None:
    text = f"{subject} {predicate}{rest}."
    result = reworded(text, field)
    new = result.text
    assert check(new, field) == []
    for seam in ("  ", " .", " ,"):
        assert seam not in new
    assert not new or new[0].isupper()
    if kept is not None:
        assert kept in new
    if wording is not None:
        assert wording in new
        assert result.kind == "replace"
    else:
        assert result.kind == "delete"
    if gender == "female":
        assert not re.search(r"\bKunden?\b", new.replace(subject, ""))
    else:
        assert "Kundin" not in new


def test_a_sentence_longer_than_the_window_is_found_whole() -> None:
    middle = ", ".join(f"Punkt {n} geprüft" for n in range(80))
    text = f"Hinterhof links. Kunde ist schwerhörig, {middle}. Danke."
    start = text.index("schwerhörig")
    sentence = sentence_at(text, start, start + 11)
    assert text[sentence.start : sentence.end] == f"Kunde ist schwerhörig, {middle}."
    result = reworded(text, "zusatzinfo")
    assert result.text == f"Hinterhof links. Bitte laut und deutlich klingeln, {middle}. Danke."


# Sentences written after the rules above, checked once untouched (16 of 20 read well), then
# kept as regression cases.
LATER = [
    (
        "zusatzinfo",
        "Die Kundin sitzt seit dem Unfall im Rollstuhl und wohnt im 3. Stock ohne Aufzug.",
        "Die Kundin wohnt im 3. Stock ohne Aufzug. "
        "Kundin braucht etwas länger, um die Tür zu öffnen.",
    ),
    (
        "bemerkungen",
        "Frau Özdemir trägt Kopftuch und möchte einen weiblichen Monteur.",
        "Frau Özdemir möchte einen weiblichen Monteur. Bitte Terminwunsch der Kundin beachten.",
    ),
    (
        "beschreibung",
        "Kunde (Alkoholiker) hat Termin zweimal verpasst.",
        "Kunde hat Termin zweimal verpasst. Bitte Termin telefonisch abstimmen.",
    ),
    (
        "betreff",
        "Termin verschieben – Kunde im Krankenhaus",
        "Termin verschieben – Kunde ist zu diesem Zeitpunkt nicht erreichbar",
    ),
    ("betreff", "Kundin blind, Unterlagen bitte vorlesen", "Unterlagen bitte vorlesen"),
    ("zusatzinfo", "Sohn übersetzt, Kunde ist Syrer.", "Sohn übersetzt."),
    (
        "beschreibung",
        "Der VN ist ein unangenehmer Zeitgenosse. Er droht mit Anwalt.",
        "Er droht mit Anwalt.",
    ),
    # three of the four that did not read well at first (the fourth, every clause about sex
    # life, is still deleted as a whole)
    (
        "beschreibung",
        "Guten Tag, die Kundin ist derzeit in der Reha und erst ab dem 20.5. wieder zu Hause. "
        "Bitte Termin danach.",
        "Guten Tag, die Kundin ist erst ab dem 20.5. wieder zu Hause. Bitte Termin danach.",
    ),
    (
        "zusatzinfo",
        "Die Versicherungsnehmerin ist hochschwanger, Termin bitte bald.",
        "Termin bitte bald.",
    ),
    (
        "zusatzinfo",
        "Er hat Krebs und ist oft im Krankenhaus, Termin nur nach Absprache.",
        "Kunde ist zu diesem Zeitpunkt nicht erreichbar, Termin nur nach Absprache.",
    ),
]


@pytest.mark.parametrize(("field", "text", "expected"), LATER)
def test_sentences_written_later(field: str, text: str, expected: str) -> None:
    result = reworded(text, field)
    assert result.text == expected
    assert check(result.text, field) == []
