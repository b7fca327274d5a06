"""Who a health word is said of when the clause has no subject of its own: a verb-led clause
after a comma continues the subject of the clause before (not its object), and a preposition
of time before a treatment dates by the customer's treatment. Fresh sentences (in no corpus),
each with a near miss."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat Hund, ist blind",
        "Kunde hat eine Katze, ist aber selbst schwerhörig",
        "Herr Meier hat Garage, sitzt im Rollstuhl",
        "Kd. wohnt im 3. OG, ist gehbehindert",
        "Kundin hat Termin, isch blind",
    ],
)
def test_verb_led_clause_continues_the_person_subject(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Achtung Hund, ist blind",
        "Hund im Garten, ist aber blind",
        "Scheibe alt, ist blind",
        "Kamera hinter der Scheibe, ist blind",
        "Sensor verschmutzt, ist blind",
    ],
)
def test_verb_led_clause_after_an_animal_or_thing_is_said_of_it(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Termin nach der Dialyse",
        "erst nach der Reha wieder erreichbar",
        "Rückruf nach der Kur, also ab Juni",
        "Abholung nach der Dialyse, gegen 14 Uhr",
    ],
)
def test_time_after_a_treatment_is_the_customers_treatment(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Einfahrt nach der Dialyse links",
        "Werkstatt nach der Kurklinik rechts abbiegen",
        "Termin nach der Schicht",
        "Haus nach dem Kurpark",
    ],
)
def test_place_after_a_ward_or_time_after_work_is_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("customer's fingerprint was scanned for the contract", "biometric_genetic"),
        ("customer provided a fingerprint for verification", "biometric_genetic"),
        ("customer has a doctor's appointment in the morning", "health"),
        ("client has a hospital appointment on Tuesday, call after 3", "health"),
    ],
)
def test_english_person_genitive_and_appointments(text: str, category: str) -> None:
    assert category in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "fingerprints on the glass, please clean",
        "lots of fingerprints on the inside of the windscreen",
        "customer has an appointment at the workshop",
    ],
)
def test_english_fingerprints_on_glass_and_workshop_appointments_are_clean(text: str) -> None:
    assert not categories(text, "bemerkungen") & {"health", "biometric_genetic"}


@pytest.mark.parametrize(
    "text",
    [
        "Kd. ist halbblind",
        "Kundin ist stocktaub, bitte klopfen",
        "Kd. altersdement, Tochter regelt alles",
        "Sohn ist lernbehindert",
        "Kd. ist nachtblind, Termin nur tagsüber",
    ],
)
def test_health_adjective_heads_its_compound(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Scheibe ist am Rand halbblind",
        "halbblinde Scheibe tauschen",
        "viel Feinstaub auf der Scheibe",
        "Brieftaube auf dem Dach",
        "Mitarbeiter ist betriebsblind",
        "Bombardement von Anrufen",
    ],
)
def test_adjective_compound_of_a_thing_or_another_word_is_no_health(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kundin hört auf dem rechten Ohr kaum was",
        "Kd. hört auf einem Ohr nichts",
        "Kd. sieht aufm rechten Aug fast nix mehr",
        "Kd. hört mit dem linken Ohr schlecht",
    ],
)
def test_perception_with_its_organ_is_a_persons_sense(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hört auf dem Beifahrersitz ein Pfeifen",
        "Sensor hört auf dem Kanal nichts",
        "Kd. hört im Auto links nix mehr vom Radio",
    ],
)
def test_perception_without_an_organ_is_no_sense_finding(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. lässt sich operieren, Termin danach",
        "Kd. lässt sich nächste Woche am Knie operieren",
        "Kundin lässt sich die Gallenblase entfernen",
        "Kd. lässt sich die Augen lasern",
        "Kd. muss nachoperiert werden",
    ],
)
def test_causative_treatment_makes_the_subject_the_patient(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. lässt sich die Scheibe tauschen",
        "Kd. lässt sich die Folie entfernen",
        "Kd. lässt sich die Kamera neu kalibrieren",
        "Kd. lässt sich beraten",
    ],
)
def test_causative_work_on_a_thing_is_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. is in da Reha bis Ende Monat",
        "Kd. liegt in da Klinik",
        "Kd. hat an Pflegedienst",
        "Kd. braucht an Rollstuhl",
        "Kd. kriegt a Baby",
        "Kd. liegt im künstlichen Koma",
    ],
)
def test_spoken_articles_da_and_an(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat an der Klinik geparkt",
        "Auto steht vor da Klinik",
        "Kd. arbeitet in da Klinik als Pfleger",
        "Kd. bekommt ein Kind-Sitz-Adapter",
        "Das Koma-Konzert am Freitag fällt aus",
    ],
)
def test_spoken_articles_keep_places_and_things_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. macht Ausbildung zum Physiotherapeuten",
        "Kd. macht eine Umschulung zur Ergotherapeutin",
        "Kd. hat sich über den Preis krank gelacht",
    ],
)
def test_training_for_a_job_and_laughing_idiom_are_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. muss zum Physiotherapeuten, Termin Di",
        "Kd. hat nach der Ausbildung zum Koch einen Schlaganfall gehabt",
    ],
)
def test_visits_and_illness_beside_a_training_stay_findings(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    ["Motor hat Fieber, Überhitzung", "Wagen hat Herzrhythmusstörungen, sagt Kd. lachend"],
)
def test_a_condition_a_thing_has_is_a_figure_of_speech(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text", ["Fahrzeug steht, Kd. hat Fieber", "Fahrzeug hat Kd. mit Rollator gebracht"]
)
def test_a_condition_of_the_person_beside_a_car_stays_one(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize("text", ["Roth (Gips)", "Lenz / Krücken", "Koch - Reha"])
def test_short_health_remark_after_the_name(text: str) -> None:
    assert "health" in categories(text, "nachname")


@pytest.mark.parametrize("text", ["Gips", "Meier-Gips", "Krank"])
def test_health_word_as_the_name_itself_is_clean(text: str) -> None:
    assert "health" not in categories(text, "nachname")


def test_material_word_outside_the_name_field_is_clean() -> None:
    assert "health" not in categories("Kd. liefert Gips, Lager hinten", "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. kann keine Treppen mehr steigen",
        "Kd. kann den rechten Arm nicht heben",
        "Kd. kann seit dem Sturz kaum noch laufen",
        "Kd. kann das Bein nicht belasten",
        "Kd. ist nach dem Sturz noch wackelig auf den Beinen",
        "Kd. ist auf Hilfe angewiesen",
    ],
)
def test_bodily_ability_denied_with_a_modal(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. kann die Scheibe nicht heben, bitte zu zweit kommen",
        "Kd. kann das Auto nicht bewegen, Batterie leer",
        "Kd. kann keine Kosten tragen",
        "Leiter steht schief, kann nicht stehen bleiben",
        "Kd. kann nicht kommen, Termin verschieben",
    ],
)
def test_denied_act_on_a_load_or_an_appointment_is_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize("text", ["Kd. geht zur Gesprächstherapie", "Kd. ist in Schmerztherapie"])
def test_therapy_compound_is_a_treatment(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Karosserie macht vorher die Werkstatt 'Autotherapie Schulte', danach unser Einbau",
        "Lacktherapie für den Kotflügel angeboten",
    ],
)
def test_therapy_for_a_car_is_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kunde musste bei der Schlüsselübergabe seinen Daumen scannen lassen",
        "Kd. hat zur Identifikation ein Foto von seinem Gesicht geschickt",
        "voice ID of the client stored",
    ],
)
def test_capture_of_a_body_part_and_a_face_photo_are_biometric(text: str) -> None:
    assert "biometric_genetic" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat die Hand am Griff, Monteur scannt den Barcode",
        "Foto von der Scheibe geschickt",
        "Kd. hat das Gesicht verzogen, als er den Preis hörte",
    ],
)
def test_scans_of_things_and_faces_pulled_are_clean(text: str) -> None:
    assert "biometric_genetic" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat Impftermin",
        "Kd. hat Augenarzt-Termin",
        "Kd. hat Wurzelbehandlung, Backe dick",
        "Kd. hat Narkose bekommen, darf nicht fahren",
        "Kd. liegt auf Station",
    ],
)
def test_appointment_named_by_its_treatment_and_procedures(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Auto hat Werkstatttermin am Montag",
        "Kd. hat TÜV-Termin",
        "Tierarzttermin mit dem Hund, daher erst ab 15 Uhr",
        "Die Kliniktermine für den Fuhrpark koordiniert Herr Lenz",
    ],
)
def test_appointments_of_cars_animals_and_firms_are_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. kränkelt seit Wochen",
        "Kd. is grad ned so gut beieinander",
        "Kd. hat Probleme mit dem Laufen",
        "Kd. hat Pillen gegen Angst",
        "Kd. bekommt schlecht Luft",
    ],
)
def test_everyday_words_for_being_unwell(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Alle Unterlagen liegen beieinander",
        "Kd. hat Probleme mit dem Laufwerk",
        "Spray gegen Beschlag hilft nicht",
        "Die Firma kränkelt, Auftragslage schlecht",
        "Der Motor kränkelt seit Wochen",
    ],
)
def test_everyday_words_said_of_things_and_firms_are_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Motor läuft wie ein Asthmatiker",
        "Die Tür quietscht wie eine alte Rheumatikerin",
        "Die Karre ist ein Pflegefall",
    ],
)
def test_comparisons_and_car_slang_are_no_ones_health(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text", ["Kd. ist Asthmatiker wie sein Vater", "Kd. hat Asthma, keucht wie eine Dampflok"]
)
def test_a_condition_beside_a_comparison_stays_one(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat Diagnose Krebs bekommen",
        "Verdacht Borreliose, Kd. beim Arzt",
        "Kd. hat Anschlussheilbehandlung",
    ],
)
def test_a_diagnosed_condition_and_follow_up_rehabilitation(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text", ["Firma Krebs & Söhne liefert", "Diagnose Steinschlag", "Fahrzeug am Reha-Parkplatz"]
)
def test_a_firm_named_so_and_a_car_diagnosis_are_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize("text", ["Kd. musste ins Heim", "Mutter der Kundin ist seit Mai im Heim"])
def test_living_in_a_home_is_a_care_stay(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize("text", ["Kd. kommt heute heim", "Kd. wohnt im Heimatort"])
def test_going_home_is_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. kann nur vormittags, Frau ist an der Dialyse",
        "Kd. liest von den Lippen ab, bitte langsam sprechen",
        "Kd. ist clean seit 2 Jahren",
    ],
)
def test_on_dialysis_lip_reading_and_clean_of_drugs(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. ist an der Dialyse vorbeigefahren, dann links",
        "Die Scheibe ist clean seit der Reinigung",
        "Kd. liest vom Zettel ab",
    ],
)
def test_passing_a_ward_a_clean_glass_and_reading_a_note_are_clean(text: str) -> None:
    assert "health" not in categories(text, "bemerkungen")


@pytest.mark.parametrize(
    "text",
    ["Kd. hat Wehen bekommen, Termin fällt aus", "Bei der Kundin haben die Wehen eingesetzt"],
)
def test_labour_pains(text: str) -> None:
    assert "health" in categories(text, "bemerkungen")


def test_flags_blowing_in_the_wind_are_clean() -> None:
    assert "health" not in categories("Die Fahnen wehen im Wind vor dem Autohaus", "bemerkungen")
