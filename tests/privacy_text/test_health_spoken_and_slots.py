"""Health said in spoken forms and by what a person holds or receives: Upper German
participles without "ge-" ("brochen", "umgfalln"), a fall or collapse said of a person, a place
held for a person in a treatment ("Reha-Platz"), the idioms of pregnancy and the sick note,
genetic counselling, and a truncated compound that names an insurer. Fresh sentences (in no
corpus), each with a near miss."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat sich's Bein brochen, kommt später",
        "Kunde hat sich den Arm brochen",
        "Kd. hat sich in den Finger gschnitten",
        "Kd. is gestern umgfalln, Termin verschieben",
        "der Opa is gstürzt, Kd. kümmert sich",
        "Oma ist umgefallen, Kd. fährt zu ihr",
        "Kd. ist beim Einkaufen zusammengebrochen",
    ],
)
def test_spoken_participles_and_falls_of_a_person(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Der Clip is brochen, Monteur bringt neuen mit",
        "Halterung war schon brochen, Scheibe neu bestellen",
        "Schild ist umgefallen und hat die Scheibe getroffen",
        "Kd. sagt, das Netz ist zusammengebrochen",
        "Kd. hat sich's überlegt, will doch tauschen",
        "Kd. hat Termin abgebrochen, ruft neu an",
    ],
)
def test_spoken_participles_said_of_things_stay_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat einen Reha-Platz bekommen, erst ab Mai erreichbar",
        "Mutter hat endlich einen Pflegeplatz bekommen",
        "Kd. wartet auf einen Therapieplatz, Termin egal",
        "Kd. sucht Heimplatz für Vater, viel unterwegs",
        "Kd. hat Dialyseplatz in Kiel, nur vormittags",
    ],
)
def test_a_place_held_for_a_person_in_a_treatment(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Fahrzeug steht auf dem Behindertenparkplatz vor Haus 3",
        "Wagen steht auf dem Parkplatz der Reha",
        "Kd. hat einen Stellplatz hinter dem Pflegeheim",
        "Kd. sucht einen Kitaplatz, daher nur vormittags",
        "Kd. hat einen Parkplatz in der Tiefgarage bekommen",
    ],
)
def test_squares_car_parks_and_other_places_stay_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. ist in anderen Umständen",
        "Kd. hat gelben Schein bis Mittwoch",
        "Kd. hat krankes Kind zu Hause, Termin verschieben",
        "Kd. kommt gerade von der Physio",
        "Kd. nicht erreichbar – Termin in humangenetischer Beratung",
    ],
)
def test_idioms_and_implied_treatment(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Unter anderen Umständen hätten wir den Termin gehalten",
        "Kd. hat den gelben Zettel ausgefüllt",
        "Kranken- und Pflegekasse zahlt nichts",
        "Kd. kommt gerade von der Arbeit",
        "Kd. arbeitet in der humangenetischen Beratung als Sekretärin",
        "Kd. bildet Blindenführhunde aus, Hund im Kofferraum ist in Ausbildung",
    ],
)
def test_near_misses_of_idioms_stay_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


def test_a_driver_assistance_system_is_no_full_name() -> None:
    assert "identifier" not in categories(
        "Lane Assist ohne Funktion – Kamera sieht nichts", "betreff"
    )
    assert "identifier" in categories("Rückruf an Lena Meier wegen Termin", "betreff")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat Schenkelhalsbruch, Tochter fährt",
        "Kd. hat Gedächtnisprobleme, bitte alles schriftlich",
        "Kd. hat Reizdarm, Termin nicht zu lang",
        "Kd. hat Endometriose, nächste Woche Klinik",
        "Kd. hat morgen Weisheitszahn-OP",
        "Kd. hat KHK, bitte Rücksicht",
        "Kd. hat Hep C, Handschuhe bitte",
        "Kd. DM Typ 2, Pause einplanen",
        "Kd. hat Angstzustände beim Autofahren",
        "Kd. mit Unterarmgehstützen, Termin ebenerdig",
        "Kd. mit Beatmungsgerät zu Hause",
        "Kd. wurde am Auge gelasert, darf 2 Wochen nicht fahren",
    ],
)
def test_everyday_conditions_by_their_icd_names(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Glasbruch an der Heckscheibe",
        "Blattläuse auf dem Lack, bitte vorher waschen",
        "Pferd hat Kolik, Kd. beim Tierarzt",
        "Rechnung an die Hep AG",
        "Kd. bringt Scheibe Typ 2 mit",
        "Sanitätshaus liefert Beatmungsgeräte aus",
    ],
)
def test_near_misses_of_condition_names_stay_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Fahrzeughalter ist gehbehindert, Sohn bringt den Wagen",
        "Kfz-Halterin ist blind, Tochter fährt",
        "Hundehalter hat sich das Bein gebrochen",
    ],
)
def test_a_keeper_of_a_vehicle_or_animal_is_a_person(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Teil krank geliefert – Sensorhalter gebrochen",
        "Spiegelhalter ist gebrochen, neuer bestellt",
        "Kennzeichenhalter blind vom Streusalz",
    ],
)
def test_a_holder_is_a_thing(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


def test_a_cause_of_worry_is_no_complaint_of_a_person() -> None:
    text = "Die Lieferkette macht uns Kopfschmerzen, Scheibe kommt erst KW 14"
    assert "health" not in categories(text, "bemerkungen")
    assert "health" in categories("Kd. hat seit dem Unfall Kopfschmerzen", "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hod si an Fuaß brochn",
        "Kd. hod Zucker, bitte Pause",
        "Kd. hot's mim Herz",
    ],
)
def test_bavarian_forms_of_having_and_breaking(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


def test_bavarian_having_of_goods_stays_clean() -> None:
    assert "health" not in categories("Kd. hod Zucker für die Firma dabei", "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Tante von Kd. ist schwer krank",
        "Schwager von Kd. ist schwer krank, Termin später",
        "Lebensgefährtin von Kd. ist schwer krank",
    ],
)
def test_a_relative_is_a_person_whose_health_counts(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


def test_a_relative_who_brings_the_car_reveals_nothing() -> None:
    assert categories("Der Cousin bringt das Auto, Kd. ist im Urlaub", "bemerkungen") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat's an der Pumpe",
        "Kd. hat Wasser in den Beinen",
        "Kd. sieht nur noch auf einem Auge",
        "Kd. ist seit dem Unfall auf Hilfe angewiesen",
    ],
)
def test_everyday_paraphrases_of_a_condition(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    ["Wagen hat was an der Pumpe, Wasserpumpe defekt", "Kd. ist auf das Auto angewiesen"],
)
def test_their_near_misses_stay_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")
