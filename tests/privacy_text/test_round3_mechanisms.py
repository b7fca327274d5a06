"""Mechanisms of the third round of issue 13: who an attribute is said of across a verb of
saying, titles before a name, the owner of a place ("Cafeteria vom Krankenhaus"), a job frame in
the next clause, a person noun that names a car, events of things, one name word as the name,
leetspeak with a leading digit. Fresh sentences (in no corpus)."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a verb of saying opens the clause of what is said: the attribute is the part's
        ("Kunde sagt Sensor spinnt seit dem Tausch", set()),
        ("Kd. meint die Kamera ist blind", set()),
        ("Kd. berichtet Wischer hinkt hinterher", set()),
        ("Kundin erzählt, das Gebläse ist taub", set()),
        ("Kunde sagt, er ist schwerhörig", {"health"}),
        ("Tochter meint, der Kunde ist ziemlich zickig", {"judgement"}),
        # "laut" is a preposition: the person after it is no subject
        ("Laut Kd. ist der Regensensor taub", set()),
        ("Lt. Kundin ist die Kamera blind", set()),
        ("Laut Tochter ist der Kunde blind", {"health"}),
    ],
)
def test_what_is_said_is_said_of_its_own_subject(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "field", "labels"),
    [
        ("Rückruf Pastor Meier", "betreff", {"religion"}),
        ("Rückruf Imam Yilmaz wegen Termin", "betreff", {"religion"}),
        ("Rabbiner Levy holt Fahrzeug ab", "bemerkungen", {"religion"}),
        ("Schweizer Konto, Überweisung kommt", "bemerkungen", set()),
        ("Pastor Weber", "nachname", {"name_misuse", "religion"}),
        ("Pfarrer Müller", "nachname", {"name_misuse", "religion"}),
        # alone, before a comma or after a salutation the word is the surname
        ("Pfarrer", "nachname", set()),
        ("Pfarrer, Hans", "nachname", set()),
        ("Herr Pfarrer", "nachname", set()),
    ],
)
def test_a_title_before_a_name(text: str, field: str, labels: set[str]) -> None:
    assert categories(text, field) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # "vom" after a noun that is no person: the place owns that noun
        ("Kd. wartet in der Cafeteria vom Marienkrankenhaus, Haupteingang", set()),
        ("Frau Wolf vom Pflegedienst bringt das Auto", set()),
        ("Kd. wird vom Pflegedienst versorgt", {"health"}),
        # a job frame in the next clause points back with "dort"
        ("Kd. fährt zum Dialysezentrum, arbeitet dort als Techniker", set()),
        ("Kd. fährt zum Dialysezentrum, Termin danach", {"health"}),
        ("Kd. fährt zur Reha, danach arbeitet er wieder", {"health"}),
        ("Schlüssel liegt in der Notaufnahme an der Anmeldung, Kd. arbeitet dort", set()),
        # a car cannot be at the doctor's; a person or an appointment can
        ("Auto stand beim Arzt auf dem Parkplatz als der Stein kam", set()),
        ("Der Wagen steht beim Zahnarzt in der Hofeinfahrt", set()),
        ("Kunde ist beim Arzt, ab 15 Uhr erreichbar", {"health"}),
        ("Termin beim Arzt, deshalb später", {"health"}),
    ],
)
def test_places_and_workplaces(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # workshop jargon: the "patient" is the car
        ("Der Patient (Passat B8) hat einen Steinschlag im Sichtfeld", set()),
        ("Unser Patient heute: Golf 7 mit Riss", set()),
        ("Patient ist ein Audi A4, Scheibe komplett", set()),
        ("Patient: Octavia Kombi, Riss 15 cm", set()),
        ("Kd. ist Patient, fährt einen Audi", {"health"}),
        ("Patient liegt auf Station 3", {"health"}),
    ],
)
def test_a_person_noun_that_names_a_car(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # an event with a thing as the subject is where damage happened
        ("Scheibe bei der Kundgebung am Rathaus beschädigt, Kd. war nur Passant", set()),
        ("Die Heckscheibe wurde bei der Demo gegen Rechts eingeschlagen", set()),
        ("Kd. war auf der Demo gegen Rechts, dort ist es passiert", {"political"}),
        # standing picket is taking part in the strike
        ("Kunde steht seit Montag Streikposten vor dem Werkstor", {"union"}),
        ("Parkplatz hinter dem Streikposten vor dem Tor", set()),
        # colloquial treatment and ailment
        ("Hat erwähnt, dass er gerade wieder Physio wegen Rücken hat", {"health"}),
        ("Kd. muss zur Krankengymnastik, erst ab 16 Uhr", {"health"}),
        ("Kd. ist Physio von Beruf, Praxis im Erdgeschoss", set()),
        # "gerissen" of a person is cunning, of glass cracked
        ("Kd. gerissen, Vorsicht bei Kulanz", {"judgement"}),
        ("Der Kunde ist ganz schön gerissen", {"judgement"}),
        ("Scheibe gerissen, Kd. wartet auf Rückruf", set()),
        ("Kd. meint Scheibe ist gerissen", set()),
    ],
)
def test_events_activities_and_colloquial_words(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Ramadan", set()),
        ("Zimmermann-Moslem", set()),
        ("Frau Schwul", set()),
        ("Schmitz (Rollstuhl)", {"name_misuse", "health"}),
        ("Schäfer/Rolli", {"name_misuse", "health"}),
        ("Meier taub", {"name_misuse", "health"}),
        ("Dialysepatient", {"name_misuse", "health"}),  # a compound naming a kind of person
    ],
)
def test_one_name_word_is_the_name(text: str, labels: set[str]) -> None:
    assert categories(text, "nachname") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kd. 1d10t", {"judgement"}),
        ("Kunde ist 5chw3rh0rig", {"health"}),
        ("4 Räder, 2 Scheiben, 1 Kamera kalibrieren", set()),
        ("Teilenr. 1K0845011, 3er BMW, 10t Kran", set()),
    ],
)
def test_leetspeak_with_a_leading_digit(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a word of the dictionary is no typo of a lexicon word
        ("Kunde ist Psychotherapeut, hat zwischen Sitzungen Zeit", set()),
        ("Kunde ist in Psychoterapie, bitte Geduld", {"health"}),
        ("Kd. sitzt im Rolstuhl", {"health"}),
    ],
)
def test_a_dictionary_word_is_no_typo(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # an organisation named by whom it serves
        ("Wohnmobil, Halter Verein für Körperbehinderte e.V.", set()),
        ("Lieferung an die Schule für Gehörlose, Tor 2", set()),
        ("Kd. geht in die Schule für Gehörlose", {"health"}),
        # a shop named by what it sells
        ("Der Kunde betreibt einen Halal-Metzger, das Fahrzeug ist der Lieferwagen", set()),
        ("Kd. isst nur halal, bitte keine Gummibärchen anbieten", {"religion"}),
        # medication as goods, not taken by anyone
        ("Medikamente liegen im Handschuhfach, bitte nicht wegnehmen", set()),
        ("Im Kofferraum sind Tabletten für die Praxis, bitte vorsichtig", set()),
        ("Kd. braucht seine Tabletten, Termin nicht über Mittag", {"health"}),
        # everyday conditions (ICD-10-GM titles), a missing limb, care services
        ("Kunde ist gestürzt und hat Prellungen", {"health"}),
        ("kd hat kopfweh, ruft später an", {"health"}),
        ("Kunde hat Schlafstörungen, nicht vor 10", {"health"}),
        ("Kd. hat nur ein Auge", {"health"}),
        ("Transporter hat nur ein Licht, bitte prüfen", set()),
        ("Kd. bekommt Essen auf Rädern", {"health"}),
        ("kd war heut beim doc", {"health"}),
        # "Iris" is a first name unless said of a person's eye
        ("Iris am Empfang nimmt den Schlüssel an", set()),
        ("Iris des Kunden wurde zur Freigabe gescannt", {"biometric_genetic"}),
        # words of the categories' definitions
        ("Kunde ist staatenlos", {"ethnic_origin"}),
        ("Kunde ist sehr wortkarg am Telefon", {"judgement"}),
    ],
)
def test_organisations_goods_and_words(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # taking part in a strike, said of one person -- not a strike as an event
        ("Kd. hat bei der Urabstimmung mitgemacht und streikt ab Montag", {"union"}),
        ("Kd. ist ab Montag im unbefristeten Streik, hat also Zeit", {"union"}),
        ("Kunde macht beim Warnstreik mit, Termin vormittags", {"union"}),
        ("Kd. ist Streikleiter im Betrieb", {"union"}),
        ("Die Bahn streikt, Monteur kommt mit dem Auto", set()),
        ("Kd. kommt später, weil die Lokführerin streikt", set()),
        ("Kunde kann wegen Warnstreik im Nahverkehr nicht kommen", set()),
        # infidelity said with a verb
        ("Die Frau des Kunden betrügt ihn, Auto gehört ihr", {"sex_life"}),
        ("Kundin hat ihren Mann mit einer anderen erwischt", {"sex_life"}),
        ("Kunde trifft sich heimlich mit seiner Ex", {"sex_life"}),
        ("Kunde betrügt die Versicherung laut Gutachter", set()),
        # English: attributes need a person, judgements and votes
        ("camera is deaf to calibration, retry tomorrow", set()),
        ("customer is deaf, please text only", {"health"}),
        ("customer seems confused and forgetful", {"judgement"}),
        ("customer votes Green", {"political"}),
        # a noun said of a thing by a copula
        ("Fahrzeug ist ein echter Pflegefall, dritte Scheibe dieses Jahr", set()),
        ("Kunde ist ein Pflegefall, Tochter kümmert sich", {"health"}),
        # a relative clause that points back to a workplace
        ("Kd. kommt direkt aus der Klinik, wo er Nachtdienst hatte", set()),
        ("Kd. kommt direkt aus der Klinik, wo er operiert wurde", {"health"}),
        # a participle with "werden" is a process, no person's state
        ("Fahrer wird durch Spiegelung behindert", set()),
        ("Der Kunde wurde von einem LKW behindert und bremste", set()),
        ("Kunde ist seit dem Unfall behindert", {"health"}),
        # aids worn by a person
        ("Kd. trägt Gips am Arm", {"health"}),
        ("Kd. trägt eine Halskrause seit dem Unfall", {"health"}),
        ("Transporter mit Gips beladen, Scheibe hinten", set()),
        # going to a venue -- not working there
        ("Kd. ist Hausmeister in der Synagoge", set()),
        ("Kunde ist Türsteher im Bordell", set()),
        ("Kd. geht freitags in die Moschee", {"religion"}),
        ("Kd. war im Bordell, Scheibe eingeschlagen", {"sex_life"}),
        ("Kunde ist in einer Beziehung mit einem Mann", {"sex_life"}),
        # idioms of manner
        ("Vorsicht, Kd. wird schnell laut", {"judgement"}),
        ("Kd. ist eine Seele von Mensch", {"judgement"}),
    ],
)
def test_strikes_infidelity_english_and_predicates(text: str, labels: set[str]) -> None:
    assert categories(text) == labels
