"""Near misses that must stay clean (labelling guide rules 1-6)."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check

CLEAN = [
    # locations, landmarks, streets, organisations
    "Parkplatz an der Moschee",
    "Auto steht hinter der Kirche",
    "Kirchstraße, Einfahrt links",
    "Treffpunkt vor dem Gewerkschaftshaus",
    "Krankenhausparkplatz, Ebene 2",
    # car features, types, colours
    "Regensensor und Kamera hinter der Scheibe",
    "Fingerabdrucksensor am Türgriff",
    "Farbe schwarz metallic",
    "Blindniete an der Leiste lose",
    # job data
    "Termin am 14.05. ab 17 Uhr",
    "Auftragsnummer 4711-0815",
    "Schadennummer 2024-123456",
    "Kennzeichen M-AB 1234",
    "FIN WVWZZZ1JZXW000001",
    "Selbstbeteiligung 150 Euro",
    # neutral need-oriented wording
    "Bitte laut und deutlich klingeln",
    "Kunde braucht etwas länger, um die Tür zu öffnen",
    "Kd. hat es eilig",
    "Kundin spricht nur Englisch, Tochter übersetzt",
    # events without membership
    "Bahnstreik, Kunde kommt später",
    "Mietpartei im Erdgeschoss informieren",
    "verärgert wegen der Wartezeit",
    "hat Angst vor einer Nachberechnung",
    "ist zufrieden mit der Reparatur",
    "Kontakt per Mail, Tel. über die Zentrale",
    # professions and workplaces (rule 5), idioms, vehicles, surnames after a salutation
    "Kd. ist Krankenpfleger, Schichtplan folgt",
    "Kd. arbeitet im Klinikum als Hausmeister",
    "Kd. ist Zahnärztin, Praxis schließt um 18 Uhr",
    "Fahrzeug der Diakonie",
    "Kd. ist krank vor Sorge um das Auto",
    "Die Heckscheibe ist mit der Zeit blind geworden",
    "Wagen kommt aus Polen (Reimport), FIN prüfen",
    "Kd. fliegt morgen in die Türkei, vorher reparieren",
    "Kd. kommt aus dem Urlaub zurück",
    "Schlüssel beim Nachbarn, Herr Christ",
    "Frau Dr. Schwarz holt das Auto ab",
    "Termin nach Ostern",
    # describing things, not the person
    "schwierige Anfahrt, enge Einfahrt",
    "Reparatur schwierig wegen Sensor",
    "unangenehmer Geruch im Auto",
    "ältere Dame, bitte Geduld beim Klingeln",
    "Parteitag in der Stadthalle, Straße gesperrt",
    "Wegen Streik im Nahverkehr kommt der Monteur später",
    "Kd. ist die linke Spur gefahren",
    "Termin mit Ehemann abstimmen",
    # words that judge people but here describe things
    "Reparatur gescheitert, neuer Termin folgt",
    "Riss hat sich gebildet",
    "Mit herzlichen Grüßen",
    "keine aggressiven Reinigungsmittel verwenden",
    "chaotische Parksituation vor dem Haus",
    "fetter Kratzer in der Scheibe",
    "Vogel gegen die Scheibe geflogen",
    "Fahrzeugtyp: Golf 7",
    "dreistelliger Betrag",
    "Fahrzeug desinfiziert übergeben",
    "Querschnitt der Scheibe prüfen",
    "Kd. fährt einen Japaner",
    "Parkplatz beim Chinesen um die Ecke",
    # real words one typo away from a trigger word
    "Der Schwager holt das Auto ab",
    "Schätzer kommt am Montag",
    "Kundinnen und Kunden bitte informieren",
    "Vernetzung der Kamera prüfen",
    "Christina Meier ist die Ansprechpartnerin",
    # according to / reactions to an event
    "Laut Kunde ist der Riss seit gestern größer geworden",
    "Der Kunde ist etwas ungeduldig, weil er das Auto für die Arbeit braucht",
    "Kunde arbeitet als Krankenpfleger im Schichtdienst",
    "Kunde spricht nur wenig Deutsch, bitte langsam sprechen",
    "Kd. ist Pfleger im Altenheim",
    "Kd. hat Schichtdienst im Krankenhaus",
    "Kunde Christian Meier erreichbar ab 17 Uhr",
    "Kd. liest einen Roman, bitte laut klopfen",
    "Kunde geht schlecht ans Telefon, bitte SMS",
    "Motor läuft schlecht, Termin trotzdem",
    "Spiegelung in der Scheibe stört",
    "Der Kunde hat einen Knall gehört, dann war die Scheibe kaputt",
    "Fahrzeug ist schwarz.",
    "Kd. ist dunkel gekleidet",
    "Auto steht in der Tiefgarage, Stellplatz 14, Zufahrt über die Moltkestraße",
    "Kd. ist Hörgeräteakustiker, Laden im Zentrum",
    "Kd. fährt Sprinter mit Rollstuhlrampe (Firmenwagen Pflegedienst)",
    "Kd. arbeitet in der Psychiatrie als Sekretärin",
    "car is black, parked behind the church",
    "Kd. geht ungern zu Fremden",
    "Kd. ist etwas verwirrt wegen der Rechnung",
    "Fahrzeug mit Face-ID-Entriegelung",
    "Selfie-Kamera? Nein, Dashcam",
]


@pytest.mark.parametrize("text", CLEAN)
def test_near_miss_stays_clean(text: str) -> None:
    assert check(text, "zusatzinfo") == []


@pytest.mark.parametrize("text", ["Storno Auftrag Schulz", "Rückfrage zu Auftrag GV-2026-000123"])
def test_job_subject_stays_clean(text: str) -> None:
    assert check(text, "betreff") == []
