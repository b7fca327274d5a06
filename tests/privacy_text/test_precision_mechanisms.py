"""Precision mechanisms: who or what a word is said of when it names a surname, a first name,
a firm, a vets' institution, goods of a trade, a service, a work function or a parking
place. Per mechanism a near miss that must pass and a twin that must stay a finding. Fresh
sentences (in no corpus)."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "field", "labels"),
    [
        # a salutation and a first name, or a noun of the job's record, before a surname
        ("Herrn Peter Blind bitte Termin bestätigen", "bemerkungen", set()),
        ("Herr Klaus hat Krebs, bitte Termin verschieben", "bemerkungen", {"health"}),
        ("Rückruf Krebs wegen Terminverschiebung", "betreff", set()),
        ("Rückruf Imam Yilmaz", "betreff", {"religion"}),
        # a first name next to a surname in the name field
        ("Iris Wendland", "nachname", set()),
        ("Meier, Iris-Scan hinterlegt", "nachname", {"biometric_genetic", "name_misuse"}),
        # two capitalised words joined by "&" are a firm
        ("Werkstatt Jung & Fromm meldet Rückruf", "zusatzinfo", set()),
        ("Kd. hat Krebs & Diabetes", "zusatzinfo", {"health"}),
        # a term that names an institution itself is read as a place
        ("Fahrzeug steht vor der Freikirche", "bemerkungen", set()),
        ("Kd. ist in der Freikirche aktiv", "bemerkungen", {"religion"}),
        # a frameless term that names a venue or building itself is a place; an organisation
        # one belongs to stays a relation
        ("Kd. ist Barkeeper in einer Schwulenbar, nachts erreichbar", "bemerkungen", set()),
        ("Kd. ist Stammgast in einer Schwulenbar", "bemerkungen", {"sex_life"}),
        ("Wagen steht vor dem SPD-Bürgerbüro in der Hauptstraße", "bemerkungen", set()),
        ("Kd. ist Kassierer im CDU-Kreisverband", "bemerkungen", {"political"}),
        # a job head before "für" names whom the job serves
        ("Kd. ist Deutschlehrer für Geflüchtete an der VHS", "bemerkungen", set()),
        ("Kd. ist Lehrer und selbst Diabetiker", "bemerkungen", {"health"}),
        # an institution for animals
        ("Kd. fährt zur Pferdeklinik, bitte nachmittags", "bemerkungen", set()),
        ("Kd. ist in der Herzklinik", "bemerkungen", {"health"}),
        # "von" after a trade noun names goods
        ("Kundin ist Händlerin von Hörgeräten, tagsüber unterwegs", "bemerkungen", set()),
        (
            "Kd. braucht Batterien von seinem Hörgerät, bitte laut klingeln",
            "bemerkungen",
            {"health"},
        ),
        # a kind of person as the object of a verb of service
        ("Kundin betreut Demenzkranke in einer WG, Schicht bis 14 Uhr", "bemerkungen", set()),
        ("Kd. pflegt seine demenzkranke Mutter, bitte flexibel sein", "bemerkungen", {"health"}),
        # a verb of doing with a work function makes a workplace
        ("Kd. erledigt die Abrechnung im Klinikum, nur nachmittags", "bemerkungen", set()),
        ("Kd. macht die Reha in der Klinik bis Ende Mai", "bemerkungen", {"health"}),
        # parking at a doctor's is where the car stands
        ("Kundin hat beim Zahnarzt geparkt, Auto steht rechts", "bemerkungen", set()),
        ("Kd. ist beim Arzt, Auto parkt vor der Tür", "bemerkungen", {"health"}),
    ],
)
def test_precision_mechanisms(text: str, field: str, labels: set[str]) -> None:
    assert categories(text, field) == labels
