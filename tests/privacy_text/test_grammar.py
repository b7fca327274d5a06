"""Who or what a word is said of (desktop/privacy/text/grammar.py): the head of a compound, a
preposition of place, a job frame and the person an attribute needs decide -- not a list of
phrases. The sentences here are fresh (in no corpus)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.privacy.text import check
from desktop.privacy.text.engine import get_engine
from desktop.privacy.text.special import SpecialCategoryRecognizer
from tests.helpers.privacy_text import categories

_PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "privacy" / "text"


def _grammar():
    special = get_engine().registry["special_categories"]
    assert isinstance(special, SpecialCategoryRecognizer)
    return special.grammar


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Behindertenparkplätzen", "place"),  # plural folded by the lemmatiser
        ("Krankenhausparkplatz", "place"),
        ("Blindenampel", "place"),
        ("Bi-Xenon-Scheinwerfer", "object"),
        ("Fingerabdruck-Entriegelung", "object"),
        ("Dialysezentrum", "institution"),
        ("Marienhospital", "institution"),
        ("MS-Patientin", "person"),
        ("Dialysepatienten", "person"),
    ],
)
def test_the_head_of_a_compound(word: str, kind: str) -> None:
    head = _grammar().head(word)
    assert head is not None
    assert head[0] == kind


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # the head decides: place and thing heads are no attribute, person heads are
        ("Wagen steht vor der Blindenschule, Tor 2", set()),
        ("Stellplatz neben den Behindertenparkplätzen im Hof", set()),
        ("Lieferwagen der Krebshilfe, Ladefläche hinten", set()),
        ("Kunde ist Krebspatient und kommt mit dem Sohn", {"health"}),
        ("Frau Arnold ist Rheumapatientin", {"health"}),
        # a preposition of place or a job frame makes a location; a person's stay is health
        ("Treffpunkt gegenüber vom Klinikum, Haltebucht", set()),
        ("Auto steht im Parkhaus des Kreiskrankenhauses", set()),
        ("Kunde ist Hausmeister in der Psychiatrie", set()),
        ("Kd. arbeitet auf der Intensivstation, Spätdienst", set()),
        ("Kundin liegt derzeit im Annenhospital", {"health"}),
        ("Der Kunde wurde ins Kreisklinikum eingeliefert", {"health"}),
        ("Kd. kommt erst nächste Woche aus der Reha", {"health"}),
        # an attribute needs a person it is said of
        ("Die Heckscheibe ist am Rand blind", set()),
        ("Der Anlasser stottert morgens", set()),
        ("Herkunft des Ersatzglases unklar", set()),
        ("Diagnosegerät heute zickig, neuer Termin", set()),
        ("Kd. ist fast blind", {"health"}),
        ("Sein Sohn stottert, bitte Geduld", {"health"}),
        ("die is halt behindert, Tochter hilft", {"health"}),
        ("Kundin zickig am Telefon", {"judgement"}),
        # an origin or belief adjective before a thing describes the thing
        ("Wagen hat eine italienische Sonderlackierung", set()),
        ("Parkplatz der katholischen Hochschule", set()),
        ("Kunde kurdischer Herkunft", {"ethnic_origin"}),
        ("Kundin trägt aus religiösen Gründen Kopftuch", {"religion"}),
        # a thing subject, a job or a place frame in the clause: no person's attribute
        ("Unfallgegner ist nach dem Anprall geflüchtet", set()),
        ("Die Verbundfolie hat eine Blase am Rand", set()),
        ("Zufahrt für den Krankenwagen bitte freilassen", set()),
        ("Kunde ist Notarzt, Termin nach Dienst", set()),
        ("Kennzeichen KH-AB 123, Kunde wartet in der Halle", set()),
        ("Kunde ist Mitglied im Kegelclub", set()),
        ("Freundliche Grüße und danke", set()),
        ("Kd. kam gestern mit dem Rettungswagen in die Notaufnahme", {"health"}),
        ("Kunde war eine Woche im KH", {"health"}),
        ("fiebrig seit gestern, bitte später anrufen", {"health"}),
        # polite formulas and machines are no judgement of a person
        ("Wir bedanken uns herzlich für den Auftrag", set()),
        ("Kamera kalibriert, spinnt aber noch", set()),
        ("Kd. fährt zur Arbeit ins Klinikum", set()),
        ("Parken vor der Gehörlosenkirche möglich", set()),
        ("Sehr herzliche Kundin", {"judgement"}),
        # a firm or a surname in running text is no belief or illness
        ("Rechnung an Autoglas Christ GmbH", set()),
        # a visit: no finding for health, the visitor's own for a sex venue
        ("Kunde ist zu Besuch bei der Mutter im Klinikum", set()),
        ("Kd. besucht abends gern einen Swingerclub", {"sex_life"}),
        ("Wir besuchen den Kunden vor dem Swingerclub", set()),
        # modal particles, a sentence-initial pronoun and nominalised adjectives of a person
        ("Herr Roth ist halt eher kompliziert, alles schriftlich", {"judgement"}),
        ("Der ist doch verwirrt. Termin mit Sohn", {"judgement"}),
        ("Der Einbau ist halt kompliziert", set()),
        ("Kundin war eine ganz Nette, Termin passt", {"judgement"}),
        ("Herr Vogel ist ein ruhiger, geduldiger Mann", {"judgement"}),
        ("Kunde ist eine gute Woche im Urlaub", set()),
        # a compound head that is an event, a strike named by a union compound
        ("Straße wegen einer Anti-Corona-Kundgebung gesperrt", set()),
        ("Kundin macht morgen beim Verdi-Warnstreik mit", {"union"}),
        ("Der Zulieferer ist im IGM-Streik, Teil kommt später", set()),
        # character nouns by their word formation, idioms of mind, disease-name endings
        ("Herr Lang ist ein Spaßvogel, alles locker", {"judgement"}),
        ("Kundin ist eher die stille Seele", {"judgement"}),
        ("Kunde ist ein junger Mensch, erstes Auto", set()),
        ("Kunde ist der zweite Fahrer", set()),
        ("Kundin hat eine Spinalstenose", {"health"}),
        ("Kunde isst kein Schweinefleisch, bitte beim Imbiss beachten", {"religion"}),
        # drinking, sugar and idioms need a person, not a coffee, a thing or a shopping bag
        ("Kunde trinkt, während er wartet, einen Tee", set()),
        ("Kundin trinkt, Termin nur vormittags", {"health"}),
        ("Kunde hat Zucker für die Kaffeeküche gekauft", set()),
        ("Kundin hat Zucker, bitte nichts Süßes", {"health"}),
        ("Der Kompressor hat einen Knall", set()),
        ("Herr Busch hat einen Knall", {"judgement"}),
        # comparisons, impressions and intensifier compounds said of a person, not of a job
        ("Herr Adler ist deutlich geduldiger als seine Frau", {"judgement"}),
        ("Der Einbau war schwieriger als gedacht", set()),
        ("Kundin macht einen sehr gepflegten Eindruck", {"judgement"}),
        ("Die Verklebung macht einen sauberen Eindruck", set()),
        ("Kunde ist superhöflich am Telefon", {"judgement"}),
        ("Kunde ist superschnell da", set()),
        # a partner of the person's own gender; origin by negation or region
        ("Frau Keller wohnt mit Lebensgefährtin in Bonn", {"sex_life"}),
        ("Kundin ist mit der Ehefrau des Halters gekommen", set()),
        ("Herr Graf trifft sich mit einem Mann vom Gutachterbüro", set()),
        ("Kundin ist keine Einheimische, Wegbeschreibung schicken", {"ethnic_origin"}),
        ("Kundin ist kein deutscher Meister im Einparken", set()),
    ],
)
def test_frames(text: str, labels: set[str]) -> None:
    assert categories(text) == labels, [
        (f.rule_id, text[f.start : f.end]) for f in check(text, "bemerkungen")
    ]


def test_the_name_field_is_about_the_person() -> None:
    assert categories("Vogt (blind)", "nachname") == {"name_misuse", "health"}
    assert categories("Blind", "nachname") == set()


def test_importing_the_package_loads_no_lemmatiser() -> None:
    code = "import sys, desktop.privacy.text; print('simplemma' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=_PACKAGE.parents[2],
    )
    assert out.stdout.strip() == "False"


def test_engine_modules_import_nothing_first_party_inside_functions() -> None:
    """No hidden import cycles: recognizers import no engine, and first-party imports sit at
    module level -- except the package's documented lazy import of the engine."""
    allowed = {("__init__.py", "desktop.privacy.text.engine")}
    found = set()
    for path in sorted(_PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                for sub in ast.walk(node):
                    if isinstance(sub, ast.ImportFrom) and (sub.module or "").startswith("desktop"):
                        found.add((path.name, sub.module))
            if (
                path.name != "__init__.py"
                and isinstance(node, ast.ImportFrom)
                and node.module == "desktop.privacy.text.engine"
            ):
                found.add((path.name, node.module))
    assert found <= allowed, found - allowed


def test_building_the_engine_loads_the_lemmatiser() -> None:
    """The app builds the engine on its start-up worker (desktop.app._preimport); the German
    table of the lemmatiser is loaded there too, not on the first keystroke."""
    code = (
        "import sys; from desktop.privacy.text.engine import get_engine; "
        "before = 'simplemma' in sys.modules; get_engine(); "
        "print(before, 'simplemma' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=_PACKAGE.parents[2],
    )
    assert out.stdout.split() == ["False", "True"]
