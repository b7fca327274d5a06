"""Mechanisms of the fifth round of issue 13: an adjective before an institution noun and a
job noun before a genitive institution, treatment that implies health, residence status by
permit or procedure, a partner named by a first name of the person's own gender, a card word
nearer than a job word, idioms of talking and English judgements. Fresh sentences (in no
corpus)."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # an adjective before an institution reads like the compound: a place
        ("Wagen steht vor der Psychiatrischen Ambulanz, Tor 3", set()),
        ("Kdn. ist Köchin der Psychiatrischen Klinik, Dienstschluss 15 Uhr", set()),
        ("Kd. liegt seit Montag in der psychiatrischen Klinik", {"health"}),
        # a job noun before a genitive institution is a job there; a patient is a patient
        ("Kd. ist Pförtner des Kreiskrankenhauses", set()),
        ("Kd. ist Patient der Suchtklinik", {"health"}),
        ("Kd. ist Fahrer des Dialysezentrums", set()),
        # treatment the person performs or receives
        ("Kdn. muss vor dem Essen ihren Blutzucker messen", {"health"}),
        ("Kd. nimmt Tropfen gegen seinen Schwindel", {"health"}),
        ("Kd. bekommt zweimal die Woche eine Infusion", {"health"}),
        ("Kdn. muss sich morgens Heparin spritzen", {"health"}),
        ("Prüfgerät misst den Abstand zur Kamera", set()),
        ("Kd. hat Zucker im Einkaufswagen vergessen", set()),
        # residence status by permit, procedure or authority
        ("Kd. wartet auf sein Bleiberecht", {"ethnic_origin"}),
        ("Kdn. hat Termin beim BAMF, danach frei", {"ethnic_origin"}),
        ("Kd. hat seine Arbeitsgenehmigung verlängert bekommen", {"ethnic_origin"}),
        # a partner named by a first name: the person's own gender tells, another does not
        ("Frau Lindner kommt mit Lebensgefährtin Paula", {"sex_life"}),
        ("Herr Brandt, Lebenspartner Lukas holt den Schlüssel", {"sex_life"}),
        ("Frau Lindner kommt mit Lebensgefährte Paul", set()),
        ("Herr Brandt, Partnerin Anna holt den Schlüssel", set()),
        # a card word nearer than a job word
        ("Rechnung bezahlt mit Kreditkarte 4539 1488 0343 6467", {"identifier"}),
        ("Rechnung 4539148803436467", set()),
        # an operation ahead, idioms of talking, English judgements
        ("Kd. hat demnächst OP, erst danach Termin", {"health"}),
        ("Kdn. quatscht einem ein Ohr ab, Zeit einplanen", {"judgement"}),
        ("Radio spricht wie ein Wasserfall", set()),
        ("client is a total nightmare on the phone", {"judgement"}),
        ("client is a real estate agent, call the office", set()),
    ],
)
def test_round5_mechanisms(text: str, labels: set[str]) -> None:
    assert categories(text) == labels
