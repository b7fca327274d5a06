"""Everyday health said without a diagnosis, and its near misses: word formation (a body part
+ a complaint, "-krank"), symptoms, devices, treatment aimed at the body, care routines, a
doctor a person "has" on a day, drunkenness in everyday words, seizures, detox; and the frames
that keep a car, a lab or a strike clean. Fresh sentences (in no corpus)."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    "text",
    [
        "Kunde hat eine Schulterverletzung, Termin später",
        "Kundin hat Knieprobleme und braucht länger zur Tür",
        "Kd. hat einen Rippenbruch vom Sturz",
        "Kunde hat Schwindel und darf nicht Auto fahren",
        "Kd. hat starken Husten, bitte nicht vor Ort",
        "Kunde ist nierenkrank und erschöpft",
        "Kunde hat einen Stent bekommen",
        "Kunde bekommt eine Spritze ins Knie, Mittwoch nicht verfügbar",
        "Pflegedienst kommt täglich um 9, danach ist Kundin erreichbar",
        "Kunde ist geistig nicht mehr ganz fit, Tochter hat Vollmacht",
        "Kd. hat Mi Zahnarzt, bitte Di o. Do",
        "Kunde hat morgen Hausarzt, erst ab 14 Uhr",
        "Kd. is abends meistens blau, also vormittags anrufen",
        "Kunde riecht oft nach Alkohol",
        "Kunde hat Anfälle, bitte nicht allein lassen",
        "Kd. kommt gerade aus der Entgiftung, Bruder holt ab",
        "Kunde hat eine Platzwunde am Kopf",
        "kd wartet auf ein spenderherz, handy immer an",
        "Kundin steht auf der Liste für eine neue Leber",
        "kd liegt seit montag flach, frau ruft an",
        "Kd. darf nichts Schweres heben, Monteur bitte Scheibe reintragen",
        "Kd. hat sich was eingefangen, liegt im Bett",
        "kd hat termin in der onkologie, erst nachmittags",
        "Kd. ist in stationärer Behandlung",
        "Kd. hört nix, bitte Sturm klingeln",
        "kd sieht nimmer gut, unterlagen bitte groß drucken",
    ],
)
def test_everyday_health_is_flagged(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wischerarmbruch links, Ersatzteil bestellt",
        "Scheibe hat einen Bruch am unteren Rand",
        "Kunde hat Husten-Bonbons im Handschuhfach vergessen",
        "Pflegedienst Sonnenschein kommt mit dem Transporter zur Werkstatt",
        "Kunde hat einen Zahnarzt als Nachbarn, Parkplatz dort",
        "Kunde ist Zahnarzt, Termin in der Praxis",
        "Das Fahrzeug ist blau, Kennzeichen folgt",
        "Kunde ist voll und ganz zufrieden",
        "Kunde hat eine Fahne vom Fußballverein am Außenspiegel",
        "Kunde hat einen Wutanfall bekommen wegen der Rechnung",
        "Kunde hat Führerscheinentzug, Frau fährt",
        "Steinschlag auf der A3, niemand verletzt, nur Scheibe kaputt",
        "Unfall mit Wildschwein, keiner wurde verletzt",
        "Termin nach Streikende, Kd. macht bei der Arbeitsniederlegung im Klinikum mit",
        "Spaziergang gegen die Corona-Diktatur jeden Montag",
        "Obliegenheitsverletzung geprüft, kein Befund",
        "Scheibe liegt flach im Karton im Kofferraum",
        "Kd. braucht eine neue Scheibe, Riss 30 cm",
        "Kd. arbeitet in der Onkologie als Pflegerin, Schicht bis 14 Uhr",
        "Die Kamera sieht nix mehr nach dem Tausch",
        # goods of a trade: a bare noun after a verb of trade
        "Kd. verkauft Hörgeräte, Transporter mit Werbung",
        "Kunde liefert Sauerstoffflaschen an Kliniken aus, Transporter",
        "Kd. hat eine Praxis für Physiotherapie, Fahrzeug ist Firmenwagen",
    ],
)
def test_near_miss_is_not_health(text: str) -> None:
    assert "health" not in categories(text)


def test_a_lab_named_by_its_tests_is_a_workplace() -> None:
    assert categories("Kunde arbeitet im Labor für Abstammungsgutachten, Schicht bis 16") == set()
    assert "biometric_genetic" in categories("Kunde hat ein Abstammungsgutachten machen lassen")


def test_own_goods_after_a_verb_of_trade_stay_health() -> None:
    assert "health" in categories("Kunde verkauft seinen Rollstuhl, braucht ihn nicht mehr")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. sagt, das Problem ist erblich, schon beim Vorgänger-Modell",
        "Selfie-Stick im Handschuhfach vergessen",
    ],
)
def test_heredity_of_a_thing_and_a_selfie_stick_are_clean(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Kd. ist erblich vorbelastet, Mutter hatte dasselbe",
        "Abdruck des Zeigefingers des Kd. gescannt",
    ],
)
def test_heredity_and_capture_of_a_person_are_genetic_or_biometric(text: str) -> None:
    assert "biometric_genetic" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kunde hat Gallensteine, Termin später",
        "Kd. hatte eine Lungenembolie und ist noch schwach",
        "Kundin hat eine Schilddrüsenunterfunktion, schnell erschöpft",
        "Kd. hat Vorhofflimmern, bitte nicht aufregen",
        "Kunde hat sich eine Lebensmittelvergiftung geholt",
        "Kd. hat Verbrennungen am Arm",
    ],
)
def test_common_conditions_by_their_everyday_names_are_health(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Verbrennung im Motor unsauber, Werkstatt prüft",
        "Ablauf der Scheibenwaschanlage hat Verstopfung",
        "Das war eine kurzsichtige Planung der Werkstatt",
    ],
)
def test_a_condition_name_said_of_a_thing_is_clean(text: str) -> None:
    assert "health" not in categories(text)


def test_a_job_for_an_institution_is_on_its_behalf_while_a_treatment_stays_health() -> None:
    assert categories("Kunde fährt Blutkonserven für das Klinikum aus, Wagen im Einsatz") == set()
    assert "health" in categories("Kd. braucht das Auto für die Dialyse")


def test_a_sheltered_workshop_is_a_stay_unless_it_is_a_workplace() -> None:
    assert "health" in categories("Sohn des Kunden ist in einer Behindertenwerkstatt")
    assert categories("Kunde arbeitet als Hausmeister in einer Behindertenwerkstatt") == set()


def test_a_biometric_feature_of_a_named_person_is_biometric() -> None:
    assert "biometric_genetic" in categories("Freigabe per Gesichtserkennung des Kunden am Handy")
    assert categories("Fahrzeug mit Gesichtserkennung des Fahrers zur Müdigkeitswarnung") == set()


@pytest.mark.parametrize(
    "text", ["Kd. hat Alzeimer, Sohn regelt alles", "Kunde hat Arthrosse in den Knien"]
)
def test_one_typo_in_a_mid_length_health_word_is_health(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text", ["Schwager des Kunden holt den Wagen ab", "Kd. leitet das Operations-Team"]
)
def test_a_real_word_one_letter_from_a_health_word_is_no_typo(text: str) -> None:
    assert "health" not in categories(text)


@pytest.mark.parametrize("text", ["Hahn – Rücken kaputt", "Kd. Knie ist im Eimer, dauert"])
def test_a_joint_or_the_back_said_broken_is_health(text: str) -> None:
    field = "nachname" if "–" in text else "bemerkungen"
    assert "health" in categories(text, field)


def test_a_wiper_arm_said_broken_is_clean() -> None:
    assert categories("Wischerarm kaputt, Rückenlehne wackelt") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Kd. hat eine Behinderung, bitte Geduld",
        "Kd. kann wegen seiner Augen nicht mehr Auto fahren",
        "Kd. ist aus gesundheitlichen Gründen nicht erreichbar",
        "Kd. ist nicht mehr so fit, bitte Geduld",
        "Kd. kann sich nicht bücken",
        "Kd. hat ein Pflegebett im Wohnzimmer",
        "Kd. ist erwerbsgemindert",
        "Kd. hat einen Herzfehler",
    ],
)
def test_disability_condition_and_care_aids_are_health(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Verkehrsbehinderung auf der A7, Monteur kommt später",
        "Kunde meldet Behinderung durch die Baustelle",
        "Die Zahlen sind nicht belastbar",
        "Reinigungsmittel ist gesundheitlich unbedenklich",
        "Kd. ist nicht fit in Technik, bitte erklären",
        "Kd. hat Berufsunfähigkeitsversicherung bei uns",
        "Lenkrad zittert beim Bremsen",
    ],
)
def test_hindrance_data_and_products_are_not_health(text: str) -> None:
    assert "health" not in categories(text)


def test_weder_noch_denies_both_while_noch_alone_keeps_the_state() -> None:
    assert categories("Kd. ist weder krank noch verletzt, nur im Urlaub") == set()
    assert "health" in categories("Kd. ist noch krank, Termin nächste Woche")


@pytest.mark.parametrize(
    "text",
    [
        "Kd. ist Busfahrer, fährt die Linie zum Klinikum",
        "Kd. macht Nachtwache im Pflegeheim, tagsüber schläft er",
        "Kd. putzt im Krankenhaus, Termin nachmittags",
    ],
)
def test_a_route_to_or_work_at_an_institution_is_no_stay(text: str) -> None:
    assert "health" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. wurde zum Krankenhaus gebracht",
        "Fahrt zur Dialyse dreimal die Woche",
        "Kd. ist im Altenheim, Sohn kümmert sich",
    ],
)
def test_a_person_taken_to_or_staying_at_an_institution_is_health(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Der Golf ist da, der Patient hat einen langen Riss",
        "BMW X3 – Patient hat Steinschlag auf der Fahrerseite",
    ],
)
def test_a_bare_patient_after_a_named_car_is_the_car(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Kd. fährt einen Golf, ist Patient in der Reha",
        "Kd. fährt Golf. Patient der Klinik seit Montag",
    ],
)
def test_a_patient_who_is_no_clause_subject_or_in_a_new_sentence_is_a_person(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. ist Diabetesberater bei der AOK",
        "Kd. arbeitet in der Suchtberatung der Diakonie",
        "kd schafft in der klinik in der küche, schicht bis 14h",
    ],
)
def test_a_job_named_by_the_condition_it_deals_with_is_no_health(text: str) -> None:
    assert "health" not in categories(text)


def test_a_compound_of_a_condition_and_a_person_head_stays_health() -> None:
    assert "health" in categories("Kd. ist Diabetespatient, bitte pünktlich")
    assert "health" in categories("Kd. geht zur Suchtberatung, dienstags nicht erreichbar")


@pytest.mark.parametrize(
    "text",
    [
        "customer broke his leg",
        "customer has a heart condition",
        "customer is in a care home",
        "customer is not able to walk",
    ],
)
def test_english_health_in_everyday_words(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "customer is sick of waiting",
        "nobody was injured, only glass damage",
        "customer is not sick, just on holiday",
    ],
)
def test_english_idiom_and_denial_are_not_health(text: str) -> None:
    assert "health" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gesichtsbiometrie zur Legitimation genutzt",
        "Genprofil des Kunden erstellt",
        "Kd. hat Abdruck seines Daumens auf dem Formular hinterlassen",
        "Kd. hat ein Foto von sich mit dem Ausweis geschickt",
        "Kunde lässt sich per Face-ID identifizieren",
    ],
)
def test_biometric_word_formation_and_capture_are_biometric(text: str) -> None:
    assert "biometric_genetic" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Handy entsperrt per Face-ID, Kd. hat Fotos geschickt",
        "Passfoto für den Werksausweis ist bereits vorhanden",
        "Kd. schickt Foto der Scheibe zur Freigabe",
    ],
)
def test_a_device_feature_or_a_photo_of_no_one_is_not_biometric(text: str) -> None:
    assert "biometric_genetic" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Termin nicht mobil, sondern in der Filiale",
        "Reklamation in Behandlung, Kd. informiert",
        "Kd. hat einen Ausschlag am Lenkrad bemerkt",
    ],
)
def test_a_service_a_case_or_a_steering_wheel_is_not_health(text: str) -> None:
    assert "health" not in categories(text)


@pytest.mark.parametrize("text", ["Kd. ist nicht mobil, bitte abholen", "Kd. ist in Behandlung"])
def test_a_named_person_not_mobile_or_in_treatment_is_health(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. sieht schlecht durch den Riss, bitte bald tauschen",
        "Kd. hört schlecht wegen der Windgeräusche am Spiegel",
    ],
)
def test_a_perception_blamed_on_the_glass_or_the_noise_is_not_health(text: str) -> None:
    assert "health" not in categories(text)


@pytest.mark.parametrize(
    "text", ["Kd. sieht schlecht, bitte groß schreiben", "Kd. hört schlecht durch sein Hörgerät"]
)
def test_a_perception_of_the_person_stays_health(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. braucht Hilfe beim Treppensteigen",
        "Kd. wird von seiner Frau gepflegt",
        "Kd. pflegt seinen Vater, daher nur vormittags",
        "Kd. ist in Kurzzeitpflege bis 20.",
    ],
)
def test_care_a_person_needs_or_gives_a_relative_is_health(text: str) -> None:
    assert "health" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kd. braucht Hilfe beim Ausfüllen des Formulars",
        "Der Wagen wird regelmäßig gepflegt",
        "Kd. arbeitet in der Tagespflege als Betreuer",
    ],
)
def test_help_with_paperwork_car_care_and_care_jobs_are_not_health(text: str) -> None:
    assert "health" not in categories(text)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Pferdeanhänger am Fzg., Kd. muss vorher zur Tierklinik", "bemerkungen"),
        ("Iris Wendland", "nachname"),
        ("Kd. ist Techniker bei einem Hersteller von Hörgeräten", "bemerkungen"),
    ],
)
def test_an_animal_clinic_a_first_name_and_a_makers_goods_are_clean(text: str, field: str) -> None:
    assert categories(text, field) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Kdn. wohnt im Blindeninstitut, Betreuerin nimmt den Schlüssel an",
        "Kd. hat Mo/Mi/Fr Dialyse, sonst erreichbar",
    ],
)
def test_a_home_for_a_condition_group_and_weekday_shorthand_are_health(text: str) -> None:
    assert "health" in categories(text)


def test_a_place_named_by_a_condition_group_is_a_landmark() -> None:
    assert categories("Parkplatz an der Blindenschule, Einfahrt links") == set()


def test_a_job_head_ends_a_compound_only_for_health_and_biometric() -> None:
    assert categories("Kd. ist Behindertenbetreuer, Schicht bis 16") == set()
    assert "religion" in categories("Kunde ist Messdiener-Betreuer in der Kirche")
