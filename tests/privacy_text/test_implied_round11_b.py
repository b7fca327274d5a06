"""Health, genetic, origin and judgement findings said by implication (issue 13, eleventh
round): a child expected after a time phrase, "Eingriff" as an operation, no longer
recognising people, parentage in question, carrying a named gene, the same disease as a
relative, a face compared with a photo, family reunification, the person in the integration
course, idioms of honesty, scheming and of a person one wishes for. Fresh sentences (in no
corpus): each mechanism with a sentence that must be flagged and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a child expected, with a time phrase between verb and child
        ("Frau Maier erwartet im Frühjahr Zwillinge", {"health"}),
        ("Die Werkstatt erwartet im Juli neue Scheiben", set()),
        # "Eingriff" is an operation -- not one on a car part
        ("Seit seinem Eingriff fährt er nicht selbst", {"health"}),
        ("Vor dem Eingriff am Steuergerät Batterie abklemmen", set()),
        # no longer recognising people -- a camera's detection is a thing's
        ("Sie erkennt ihre eigene Tochter oft nicht mehr", {"health"}),
        ("Frontkamera erkennt Personen nicht mehr, Kalibrierung", set()),
        # parentage in question is a paternity or maternity test
        ("Kundin will klären lassen, ob sie die leibliche Mutter ist", {"biometric_genetic"}),
        ("Kd. fragt, ob er der Halter ist", set()),
        # carrying a named gene or mutation
        ("Kd. trägt eine BRCA-Mutation, Termin vorher", {"biometric_genetic", "health"}),
        ("Kd. trägt das Paket selbst zum Auto", set()),
        # the same disease as a relative is hereditary
        (
            "Kundin hat die gleiche Augenerkrankung wie ihre Mutter",
            {"biometric_genetic", "health"},
        ),
        ("Kd. hat dieselbe Werkstatt wie sein Vater", set()),
        # a face compared with a photo of the person -- not a damage photo or a camera bracket
        ("Kundin schaut in die Webcam, Abgleich mit Ausweis ok", {"biometric_genetic"}),
        ("Kd. wurde mit seinem Führerscheinfoto verglichen", {"biometric_genetic"}),
        ("Abgleich mit dem Schadenfoto ok, Scheibe bestellt", set()),
        ("Monteur schaut in die Kamera-Halterung, Abgleich mit Sollwert später", set()),
        # family reunification is a residence title -- working on it is a job
        ("Kunde ist über Familiennachzug zu seiner Frau gezogen", {"ethnic_origin"}),
        ("Kundin arbeitet als Sachbearbeiterin für Familiennachzug im Landratsamt", set()),
        # the person named right before the integration course -- not teaching it
        ("Kundin vormittags im Integrationskurs, bitte nachmittags", {"ethnic_origin"}),
        ("Kd. unterrichtet im Integrationskurs – Termin nachmittags", set()),
        # idioms of honesty and scheming, and of a person one wishes for
        ("Die Kundin nimmt es mit der Pünktlichkeit nicht allzu genau", {"judgement"}),
        ("Monteur nimmt es mit der Kalibrierung sehr genau", set()),
        ("Kundin zieht wieder die Mitleidstour ab", {"judgement"}),
        ("Monteur zieht die Schutzfolie ab", set()),
        ("Herr Maier sehr nett, so einen Kunden wünscht man sich.", {"judgement"}),
        ("So eine Scheibe wünscht man sich öfter, Einbau problemlos.", set()),
    ],
)
def test_implied_round11_b(text: str, labels: set[str]) -> None:
    assert categories(text) == labels
