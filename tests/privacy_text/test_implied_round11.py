"""Political, union, religion and sex-life data said by implication (issue 13, eleventh
round): the person's own party named by a possessive, the organiser of a protest named by the
role, passing a protest; a walkout with an abbreviated date in between, a duty at a strike
camp; belief given as a cause by a possessive, preaching from door to door; a partner of the
person's own gender beside the name, the dgti supplementary ID, a sex venue the person was
in. Fresh sentences (in no corpus): each a flagged sentence and a near miss."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "field", "labels"),
    [
        # the person's own party, by a possessive
        (
            "Kd. sitzt für seine Fraktion im Stadtrat, abends schwer erreichbar",
            "bemerkungen",
            {"political"},
        ),
        ("Kundin kennt den Vorsitzenden ihrer Partei gut.", "bemerkungen", {"political"}),
        ("Die gegnerische Partei hat den Schaden bereits gemeldet.", "bemerkungen", set()),
        ("Kd. schreibt die Reden für den Geschäftsführer seiner Firma.", "bemerkungen", set()),
        # the organiser of a protest named by the role; passing one by is none
        (
            "Kundin ist Anmelderin der Mahnwache am Rathaus, Samstag nicht erreichbar",
            "bemerkungen",
            {"political"},
        ),
        ("Kd. ist Organisator des Stadtfests, Samstag nicht erreichbar", "bemerkungen", set()),
        ("Kd. fuhr an der Mahnwache am Markt vorbei, Steinschlag danach", "bemerkungen", set()),
        # a walkout with an abbreviated date between; a duty at a strike camp
        ("Kundin ist seit 3.5. im Ausstand, bitte später anrufen", "bemerkungen", {"union"}),
        ("Kd. ist ab Mo. im Urlaub, Termin danach", "bemerkungen", set()),
        ("Kundin schläft diese Woche im Streikcamp vor dem Werk", "bemerkungen", {"union"}),
        ("Kd. parkte neben dem Streikzelt vor dem Lager, Scheibe beschädigt", "bemerkungen", set()),
        # belief as a cause, by a possessive
        ("Kd. isst aufgrund seiner Religion kein Schweinefleisch", "zusatzinfo", {"religion"}),
        ("Kd. kommt wegen ihres Termins beim Amt später", "zusatzinfo", set()),
        # preaching from door to door; selling so, or a watchtower as a landmark, is none
        ("Kd. geht von Tür zu Tür und predigt, abends erreichbar", "zusatzinfo", {"religion"}),
        ("Kundin verteilt samstags den Wachtturm in der Fußgängerzone", "zusatzinfo", {"religion"}),
        ("Kd. verkauft von Tür zu Tür Staubsauger, abends erreichbar", "zusatzinfo", set()),
        ("Auto steht am alten Wachtturm auf dem Burgberg", "zusatzinfo", set()),
        # a partner of the person's own gender beside the name; "& Partner" of a man is a firm
        ("Termin mit Herrn Roth u. Ehemann vereinbart", "bemerkungen", {"sex_life"}),
        ("Termin mit Herrn Roth u. Ehefrau vereinbart", "bemerkungen", set()),
        ("Herr Neuhaus & Partner", "nachname", {"name_misuse"}),
        # a sex venue as a landmark, then the person inside it
        (
            "Scheibe auf dem Parkplatz vom Swingerclub eingeschlagen, Kundin war solange drin",
            "bemerkungen",
            {"sex_life"},
        ),
        (
            "Scheibe auf dem Hof vom Saunaclub eingeschlagen, Kd. war nebenan beim Bäcker",
            "bemerkungen",
            set(),
        ),
        # the dgti supplementary ID names a trans or inter person
        (
            "Kundin hat ihren dgti-Ausweis gezeigt, Name passt nicht zum Vertrag",
            "bemerkungen",
            {"sex_life"},
        ),
        ("Kd. legte eine Ergänzung zum Vertrag vor", "bemerkungen", set()),
    ],
)
def test_implied_round11(text: str, field: str, labels: set[str]) -> None:
    assert categories(text, field) == labels
