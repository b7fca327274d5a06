"""Who a judgement or an Art. 9 fact is said of (issue 13, ninth round): "Kd." names no
gender, the dialect copula ("is", "isch") links a person to an attribute, a comparison ("stur
wie ein Bock") is said of the person, a thing noun said of a person by a copula and an article
is a metaphor, and a salutation ("Liebe Frau Schmidt,") judges no one. Fresh sentences (in no
corpus): each mechanism with a sentence that must be flagged and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # "Kd." alone says no gender: a partner of either gender tells nothing
        ("Kd. kommt mit Ehemann, Termin Freitag", set()),
        ("Kd. hat einen Ehemann, bitte mit ihm abstimmen", set()),
        ("Kd. lebt mit Lebensgefährten, Termin Mo", set()),
        # ... unless a word of the note or a possessive gives the person's gender
        ("Kd. (männlich), Lebensgefährte Tobias holt den Schlüssel ab", {"sex_life"}),
        ("Kd. (weiblich), Lebensgefährte Tobias holt den Schlüssel ab", set()),
        ("Kd. kommt mit seinem Lebensgefährten Jonas", {"sex_life"}),
        ("Kd. kommt mit ihrem Lebensgefährten Jonas", set()),
        ("Herr Brandt, Kd. lebt mit Ehemann, bitte beide anschreiben", {"sex_life"}),
        ("Kd. holt mit ihrer Frau ab", {"sex_life"}),
        ("Kd. holt mit ihrem Mann ab", set()),
        # a pronoun after a partner noun may point to the partner
        ("Kd. kommt mit Ehemann, er hat den Zweitschlüssel", set()),
    ],
)
def test_kd_names_no_gender(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("kd is türk, versteht nicht alles am telefon", {"ethnic_origin"}),
        ("kundin isch türkisch, tochter übersetzt", {"ethnic_origin"}),
        ("der isch a Russ, bitte langsam sprechen", {"ethnic_origin"}),
        ("der is dumm wie ein Stück Brot", {"judgement"}),
        ("Frau Türk ruft zurück", set()),
        ("bei frau türk angerufen, ruft zurück", set()),
        ("kd is heute in der türkei im urlaub", set()),
    ],
)
def test_dialect_copula(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kd. stur wie ein Bock, will nur Originalglas", {"judgement"}),
        ("Kunde ist stur wie ein Esel", {"judgement"}),
        ("Kd. is a richtige Zwiderwurzn, bitte Geduld mitbringen", {"judgement"}),
        ("Der Kunde ist ein alter Korinthenkacker, prüft jede Rechnung", {"judgement"}),
        ("Kundin ist eine Klatschbase, erzählt alles weiter", {"judgement"}),
        ("Herr Maier hat nicht mehr alle Nadeln an der Tanne", {"judgement"}),
        ("Kundin hat nicht alle Kekse in der Dose", {"judgement"}),
        ("Scheibe ist stur wie ein Bock verklebt, lässt sich kaum lösen", set()),
        ("Kd. hat nicht alle Unterlagen im Ordner, reicht nach", set()),
        ("Der Monteur hat nicht alle Teile im Wagen, Nachlieferung Dienstag", set()),
        ("Kd. hat Sack mit Altglas im Kofferraum, bitte nicht umwerfen", set()),
        ("Steinschlag groß wie ein Euro, Fahrerseite", set()),
    ],
)
def test_comparisons_and_metaphors_of_a_person(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Liebe Frau Schmidt, bitte um Rückruf wegen Termin", set()),
        ("Lieber Herr Yilmaz, der Termin steht.", set()),
        ("Hallo liebe Frau Berg, Auto ist fertig", set()),
        ("Kundin ist eine liebe Frau, bitte Geduld", {"judgement"}),
    ],
)
def test_a_salutation_judges_no_one(text: str, labels: set[str]) -> None:
    assert categories(text, "beschreibung") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a thing or place before "vom"/"von der" makes the organisation its owner
        ("Fzg. ist der Kleinbus vom Kirchenchor, Fahrer wechselt", set()),
        ("Auto parkt im Hinterhof vom Nachtclub, Kd. wohnt drüber", set()),
        ("Kd. ist Mitglied vom Kirchenchor", {"religion"}),
        ("Kd. geht oft in den Nachtclub", {"sex_life"}),
        # the CSD as a date or a road closure is an event without the person
        ("Hagel am CSD-Samstag, Auto stand zuhause unterm Carport", set()),
        ("Straße vor dem Haus ist wegen des CSD-Umzugs gesperrt", set()),
        ("Kd. läuft beim CSD mit, Samstag geht nicht", {"sex_life"}),
        # a works-council election is no political one; standing for a party is
        ("Kd. kandidiert bei der Betriebsratswahl, Termin danach", set()),
        ("Kd. kandidiert bei der Kommunalwahl, Termin danach", {"political"}),
        ("Kd. tritt für die Linke im Gemeinderat an, Plakate im Kofferraum", {"political"}),
        ("Kd. tritt für die Firma beim Firmenlauf an", set()),
    ],
)
def test_organisations_events_and_elections(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # an emoji ends a clause: the verb after it is no act the adjective describes
        ("Kd. wieder zuckersüß am Telefon 😊 Termin steht", {"judgement"}),
        ("Scheibe kommt Dienstag 👍 Kd. zahlt zuverlässig", set()),
        # "einen Hau haben" and its siblings, at the end of a clause
        ("Kd. hat nen Hau, schreit rum wegen der SB", {"judgement"}),
        ("Kd. hat einen Hieb weg? nein: hat nen Hieb, ganz klar", {"judgement"}),
        ("Heckklappe hat nen Hau abbekommen, Delle", set()),
        # agent nouns and -ig adjectives of verbs of grumbling
        ("Obacht: der Herr is a rechter Bruddler, hat an allem was auszusetzen", {"judgement"}),
        ("Kd. isch a bissle bruddelig, ned persönlich nemma", {"judgement"}),
        ("Kundin ist etwas quengelig heute", {"judgement"}),
        ("Motor klingt brummig, Kd. kommt trotzdem", set()),
    ],
)
def test_manner_of_a_person(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


def test_a_fasting_month_in_any_case_form() -> None:
    text = "Kd. will trotzdem erst nach Ende seines Fastenmonats kommen"
    assert categories(text, "bemerkungen") == {"religion"}


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a steward or picket of a strike or rally takes part; the police on duty do not
        (
            "Freitag geht nicht, der Kunde ist beim ver.di-Warnstreik als Ordner eingeteilt",
            {"union"},
        ),
        ("Kd. war beim Streik, Termin verschoben", {"union"}),
        ("Kd. ist beim Warnstreik als Polizist im Einsatz", set()),
        ("Kd. ist beim Streik der Bahn hängen geblieben", set()),
        ("Kd. war beim Streik der Lokführer nicht betroffen", set()),
        ("Kd. steht vor dem Werkstor beim Streik", {"union"}),
        ("Kd. steht beim Streik im Stau", set()),
        # a protest walk with a dialect article
        ("Kd. geht jeden Montag bei de Spaziergänge gegen die Regierung mit", {"political"}),
        ("Kd. macht Spaziergang gegen Abend, danach Termin", set()),
    ],
)
def test_taking_part_in_a_strike_or_protest(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # the one a person marries is the partner; the possessive says whose
        ("Sie heiratet am 8. Juni ihre langjährige Freundin und braucht das Auto", {"sex_life"}),
        ("Kd. heiratet seinen Freund im Juni", {"sex_life"}),
        ("Kunde heiratet im Mai seine Freundin, Auto muss fertig sein", set()),
        ("Kd. heiratet am Samstag, Auto als Hochzeitsauto", set()),
        # a partner "nebenher" is an affair
        ("Kd. hat ne Freundin nebenher, nur aufs Handy anrufen", {"sex_life"}),
        ("Kd. macht nebenher Taxi, Freundin holt ab", set()),
    ],
)
def test_partners_by_marriage_and_affairs(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kd. besucht selbst den Integrationskurs an der VHS, nur nachmittags", {"ethnic_origin"}),
        ("Kd. hat Einbürgerungstest bestanden", {"ethnic_origin"}),
        ("Kd. ist Lehrerin im Integrationskurs an der VHS", set()),
        ("Kd. macht einen Deutschkurs, abends", set()),
        (
            "Kd. fliegt am 3. in die alte Heimat nach Ankara, vorher fertig machen",
            {"ethnic_origin"},
        ),
        ("Kd. zieht zurück in die alte Wohnung", set()),
    ],
)
def test_implied_migration(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kd. is ne Schlaftablette, dauert ewig bis er was sagt", {"judgement"}),
        ("Kd. is e richtige Nervensäge", {"judgement"}),
        ("Kd. is Rentner, hat tagsüber Zeit", set()),
        ("Kd. isch en Schreiner, kennt sich mit Werkzeug aus", set()),
        ("Kd. ist ein Stammkunde, bitte bevorzugt", set()),
        ("Kd. hat nicht alle Schlüssel im Kasten, Zweitschlüssel fehlt", set()),
    ],
)
def test_dialect_articles_before_a_metaphor(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # person nouns of the thesaurus synsets (Feigling, Langweiler, Klette, Genie, ...)
        ("Kd. ist ein Feigling, traut sich nicht ans Steuer", {"judgement"}),
        ("Kundin ist eine Tratschtante", {"judgement"}),
        ("Kd. ist ein Genie, hat den Fehler selbst gefunden", {"judgement"}),
        ("Kd. will genießen, Termin nach dem Urlaub", set()),
        ("Klette am Scheibenwischer hängen geblieben", set()),
        # an adjective compound keeps the judgement of its last part; "über-" makes an excess
        ("Kd. ist bauernschlau", {"judgement"}),
        ("Kunde strohdumm, versteht nix", {"judgement"}),
        ("Kundin ist übervorsichtig, will alles dreimal erklärt", {"judgement"}),
        ("Verfahren ist übergenau dokumentiert", set()),
        ("Die Scheibe ist überempfindlich gegen Kälte", set()),
        ("Kd. kauft Schlauch für den Garten", set()),
    ],
)
def test_person_nouns_and_adjective_compounds(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a rite after an indefinite article is someone else's
        ("Kd. fotografiert am Samstag auf einer Konfirmation, Termin Montag", set()),
        ("Kd. ist Caterer, liefert für eine Bar Mizwa", set()),
        ("Kd. hat am Sonntag Konfirmation, danach Termin", {"religion"}),
        ("Kd. feiert die Bar Mizwa seines Sohnes, Termin danach", {"religion"}),
        # an origin word before a job head names whom the job serves
        ("Kd. ist Flüchtlingshelfer, bringt Familie zum Amt", set()),
        ("Kd. ist Flüchtling, kam 2015", {"ethnic_origin"}),
        # a party or union as the genitive owner of a place or thing
        ("Büro der IG Metall hat Glasschaden an der Tür", set()),
        ("Kd. ist Mitglied der IG Metall", {"union"}),
        ("Kd. arbeitet im Auftrag der SPD als Wahlkampfhelfer", {"political"}),
        # a union's wage demonstration is no political one
        ("Kd. war auf der Tarifdemo der IG BCE", {"union"}),
    ],
)
def test_someone_elses_rite_and_owners(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a later clause that puts the person inside by "drin"/"dort" makes a landmark a visit
        ("Stein kam nachts, als das Fzg. vor dem Swingerclub stand – Kd. war drin", {"sex_life"}),
        ("Auto stand vor dem Bordell, Kunde war die ganze Nacht dort", {"sex_life"}),
        ("Auto stand vor dem Bordell, Kunde war nicht drin, nur geparkt", set()),
        ("Auto stand vor dem Swingerclub, Kd. arbeitet dort als Hausmeister", set()),
        # a night club is a venue like the others: a landmark, a workplace or a visit
        ("Auto stand vor dem Nachtclub, Kd. war im Kino nebenan", set()),
        ("Kd. ist Türsteher im Nachtclub", set()),
        ("Kd. geht oft in den Nachtclub", {"sex_life"}),
    ],
)
def test_venue_visits(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a person called an animal or a figure by a copula and an article
        ("Kd. ist ein harter Hund, verhandelt um jeden Euro", {"judgement"}),
        ("Kundin ist eine alte Hexe", {"judgement"}),
        ("Kundin ist ein echtes Goldstück", {"judgement"}),
        ("Kd. ist ein Hausdrache", {"judgement"}),
        ("Kd. ist mit Vorsicht zu genießen", {"judgement"}),
        ("Kd. hat einen Hund, bitte nicht klingeln", set()),
        ("Auto ist ein Diesel, Kd. tankt selbst", set()),
        ("Kd. ist Schäfer, hat 200 Schafe", set()),
        ("Angebot ist mit Vorsicht zu genießen", set()),
        ("Kd. sagt, das Auto ist ein Traum", set()),
    ],
)
def test_animal_and_figure_metaphors(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "field", "labels"),
    [
        ("Hoffmann (nervt)", "nachname", {"name_misuse", "judgement"}),
        ("Kd. nervt, ruft stündlich an", "bemerkungen", {"judgement"}),
        ("Kd. sagt, das Geräusch nervt", "bemerkungen", set()),
        ("Windgeräusch nervt seit dem Tausch", "bemerkungen", set()),
    ],
)
def test_a_verb_of_annoying_said_of_the_person(text: str, field: str, labels: set[str]) -> None:
    assert categories(text, field) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kd. motzt nur rum", {"judgement"}),
        ("Kunde schimpft am Telefon rum", {"judgement"}),
        ("Kd. meckerte rum wegen der SB", set()),
        ("Kd. fährt rum, kommt später", set()),
    ],
)
def test_complaining_as_a_habit(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # living with or married to a partner named by a noun: the genders decide
        ("Kunde hat sich von seiner Frau getrennt, lebt jetzt mit einem Mann", {"sex_life"}),
        ("Herr Wolf lebt mit seinem Mann in Kiel", {"sex_life"}),
        ("Kundin ist mit einer Frau verheiratet", {"sex_life"}),
        ("Kundin lebt mit einem Mann zusammen, Termin abends", set()),
        ("Kundin lebt mit ihrem Mann in Kiel", set()),
        ("Kd. lebt mit Partnerin, Termin abends", set()),
        # "etwas mit jemandem haben" ending its clause
        ("Kd. hatte was mit der Nachbarin, Ehefrau weiß nichts", {"sex_life"}),
        ("Kd. hat was mit dem Chef zu klären, kommt später", set()),
    ],
)
def test_partners_named_by_a_noun(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # after a verb of motion or position "rechts"/"links" is a direction
        ("Kd. fährt rechts ran, Warnblinker an", set()),
        ("Kunde biegt links ab und wartet", set()),
        ("Kd. ist sehr rechts, bitte vorsichtig", {"political"}),
        ("Kd. eher links", {"political"}),
    ],
)
def test_right_and_left_as_directions(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # an elliptic clause after a comma shares the person subject (Art. 9 categories too)
        ("Kd. spricht kaum Deutsch, ist erst seit 2 Monaten in Deutschland", {"ethnic_origin"}),
        ("Scheibe kam per Spedition, ist seit 2 Monaten in Deutschland im Lager", set()),
        # arriving from a country
        ("Kd. ist vor 5 Jahren aus Syrien gekommen", {"ethnic_origin"}),
        ("Kd. ist gestern aus Polen zurückgekommen", set()),
        ("Lieferung ist aus Tschechien gekommen, Kd. informiert", set()),
    ],
)
def test_arrival_and_shared_subjects(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Kd. hat nächste Woche seine Taufe", {"religion"}),
        ("Kunde lässt sich taufen, Termin danach", {"religion"}),
        ("Kd. tritt aus der Kirche aus", {"religion"}),
        ("Kd. ist sehr fromm", {"religion"}),
        ("Frau Fromm ruft zurück", set()),
        ("Kd. war auf einer Taufe", set()),
        ("Schiffstaufe im Hafen, Kd. kommt später", set()),
        ("Scheibe wurde getauscht", set()),
    ],
)
def test_rites_told_with_a_verb_and_piety(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels
