"""Judgement, sex life and biometric data said in ways the earlier rounds missed (issue 13,
tenth round): traits from OpenThesaurus synsets, regional words, a group stereotype
("typisch Rentner"), behaviour compared with someone, compound heads of a kind of character
("Prachtkerl"), Wiktionary idioms of the mind; marriage to a person named by a first name of
the person's own gender, an affair with a married person, dating platforms; unlocking or
logging in with a biometric feature, an inherited disease. Fresh sentences (in no corpus):
each mechanism with a sentence that must be flagged and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # traits of OpenThesaurus synsets of judgement words, said of a person
        ("Kd. geschwätzig, Termin Mo.", {"judgement"}),
        ("Kundin war sehr schnippisch am Telefon.", {"judgement"}),
        ("Kunde ist ziemlich weltfremd.", {"judgement"}),
        # ... not of a thing, an animal or an act
        ("Lebhafter Verkehr vor der Werkstatt, bitte früh kommen.", set()),
        ("Motor läuft träge, Kunde vermutet Batterie.", set()),
        ("Hund ist bissig, bitte nicht aufs Grundstück.", set()),
        ("Kunde hat das Formular nachlässig ausgefüllt, bitte nachfragen.", set()),
        # regional words for a person's character
        ("Kd. ist a fies Möpp, aufpassen.", {"judgement"}),
        ("Der Kunde is a Liaba, kein Problem.", {"judgement"}),
        ("Frau Möpp ruft zurück.", set()),
        ("Kd. ist ein Knallkopp.", {"judgement"}),
        ("Kunde ist ein Hampelmann.", {"judgement"}),
        ("Kd. ist ja ein Genie, hat die Scheibe selbst geklebt.", {"judgement"}),
        ("Scheibe ist ein Genie-Produkt", set()),
        # telegraphic notes: an evaluating adjective makes the figure a judgement
        ("Kdn. ne echte Perle, Kaffee für den Monteur", {"judgement"}),
        ("Kd. ein alter Fuchs, handelt", {"judgement"}),
        ("Kd. ein Hund im Auto, bitte klingeln", set()),
        # the Bavarian "a bisserl" is "ein bisschen"
        ("Kd. a bisserl eigen, zahlt aber pünktlich", {"judgement"}),
        ("Frau Kasper ruft zurück", set()),
        ("Kunde hat den Lappen abgeben müssen", set()),
    ],
)
def test_trait_words(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a group stereotype said of the person
        ("Kunde typisch Rentner, hat Zeit ohne Ende.", {"judgement"}),
        ("Kd. ist typisch Beamter, alles nach Vorschrift.", {"judgement"}),
        ("Kundin ist so eine typische Lehrerin.", {"judgement"}),
        ("Kd. wie alle Rentner: hat Zeit und will alles erklärt", {"judgement"}),
        ("Kundin ist die typische Helikoptermutter", {"judgement"}),
        ("Kd. Klischee-Beamter", {"judgement"}),
        ("Kd. fährt typischen Firmenwagen", set()),
        ("Kd. fährt wie alle Rentner einen Golf.", set()),
        # ... "typisch" of a thing, a season or a price names no group of people
        ("Kunde hat typischen Steinschlag, Scheibe tauschen.", set()),
        ("Typisch Winter, Scheibe vereist.", set()),
        ("Preis ist typisch Rentnerpreis, Rabatt gewährt.", set()),
        # behaviour compared with someone
        ("Kunde benimmt sich wie ein kleines Kind.", {"judgement"}),
        ("Kd. führt sich auf wie ein Berserker.", {"judgement"}),
        ("Kundin ist wie ein kleines Kind.", {"judgement"}),
        ("Scheibe ist wie neu.", set()),
        ("Kunde ist wie vereinbart um 9 Uhr da.", set()),
        ("Kunde benimmt sich wie vereinbart.", set()),
    ],
)
def test_stereotype_and_comparison(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a compound whose head names a kind of character
        ("Kd. ist ein Prachtkerl.", {"judgement"}),
        ("Kunde ist ein Wendehals.", {"judgement"}),
        ("Kundin ist ein Herzensmensch.", {"judgement"}),
        ("Kunde ist eine Frohnatur.", {"judgement"}),
        ("Kunde ist ein Geschäftsmann aus Köln.", set()),
        ("Kunde ist ein Engel-Fan, hat Aufkleber am Auto.", set()),
        # idioms of the mind (German Wiktionary)
        ("Kundin hat das Pulver nicht erfunden.", {"judgement"}),
        ("Kd. ist ne Marke für sich.", {"judgement"}),
        ("Kunde ist nicht das hellste Licht.", {"judgement"}),
        ("Die Reparatur ist eine Nummer für sich, Sonderanfertigung.", set()),
    ],
)
def test_character_nouns_and_idioms(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # married to or together with a first name of the person's own gender
        ("Herr Lenz ist mit Thomas verheiratet.", {"sex_life"}),
        ("Frau Berger ist mit Sabine verheiratet.", {"sex_life"}),
        ("Herr Lenz ist mit Anna verheiratet.", set()),
        ("Frau Keller ist mit Peter verheiratet, er holt ab.", set()),
        # "zusammen" before more of the clause is "together"
        ("Herr Klein war mit Tom zusammen beim Termin, Sohn.", set()),
        ("Kunde ist mit Max zusammen zur Werkstatt gefahren.", set()),
        ("Herr Maier heiratet nächste Woche Anna.", set()),
        # an affair with a married person
        ("Kundin hat eine Beziehung mit einem verheirateten Mann.", {"sex_life"}),
        ("Kunde ist mit einem verheirateten Kollegen in Fahrgemeinschaft.", set()),
        # dating platforms used by the person
        ("Kundin nutzt Parship, will nicht dass Mann das erfährt.", {"sex_life"}),
        ("Kunde hat die Fahrerin über Lovoo kennengelernt.", {"sex_life"}),
        ("Kundin ist auf einer Singlebörse angemeldet.", {"sex_life"}),
        ("Kundin arbeitet bei Parship als Entwicklerin.", set()),
        ("Werbung von Parship auf der Heckscheibe.", set()),
        # more words of relationships and sex work
        ("Kd. lebt in offener Beziehung, beide Partner holen ab", {"sex_life"}),
        ("Kd. hat neben der Ehe eine Freundin", {"sex_life"}),
        ("Kd. besucht regelmäßig eine Domina", {"sex_life"}),
        ("Kd. bringt Domina-Wein mit", set()),
    ],
)
def test_sex_life_partners(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a person who unlocks or logs in with a biometric feature
        ("Kunde meldet sich mit Fingerabdruck im Kundenportal an.", {"biometric_genetic"}),
        ("Kd. entsperrt Tablet per Gesichtserkennung, Unterschrift darauf.", {"biometric_genetic"}),
        ("Kundin hat ihr Gesicht in der Banking-App registriert.", {"biometric_genetic"}),
        # ... a device or a car that does so names no one
        ("Fahrzeug wird per Fingerabdruck gestartet, Sensor im Lenkrad.", set()),
        ("Handy entsperrt per Face-ID nicht mehr, Kd. ruft später an.", set()),
        ("Fingerabdrücke auf der Scheibe, bitte reinigen.", set()),
        ("Kd. hat sich mit Gesicht am Terminal angemeldet", {"biometric_genetic"}),
        ("Ident per Gesichtserkennung erfolgreich", {"biometric_genetic"}),
        ("Kd. hat Augenscan am Schlüsseltresor", {"biometric_genetic"}),
        ("Entriegelung per Face-ID nach Tausch prüfen", set()),
        ("Kunde hat mit Gesicht zur Wand geparkt", set()),
        # an inherited disease or gene
        ("Kunde hat die Krankheit von seinem Vater geerbt.", {"biometric_genetic", "health"}),
        ("Kundin hat das Brustkrebs-Gen geerbt.", {"biometric_genetic", "health"}),
        ("Kunde hat das Auto von seinem Vater geerbt.", set()),
        ("Kunde hat den Wagen geerbt, Papiere folgen.", set()),
        # bare "DNA" needs a person; a DNA compound is a test or a trace
        ("DNA der Marke: Qualität.", set()),
        ("Kd. macht Ahnenforschung, hat eine DNA-Analyse bestellt.", {"biometric_genetic"}),
    ],
)
def test_biometric_and_genetic(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a lasting tendency of the person
        ("Kunde hat einen gewissen Hang zum Perfektionismus.", {"judgement"}),
        ("Kundin mit leichtem Hang zur Unpünktlichkeit.", {"judgement"}),
        ("Kd. hat Garage mit Hang zur Straße.", set()),
        ("Kunde hat einen Garten mit Hang zur Straße, Einfahrt steil.", set()),
        # a temper that flares at once, not a reaction with its reason
        ("Kunde rastet bei jeder Kleinigkeit aus.", {"judgement"}),
        ("Kd. flippt schnell aus, vorsichtig formulieren.", {"judgement"}),
        ("Kunde schrie sofort los, weil die Scheibe fehlte.", set()),
        ("Motor explodiert fast, so laut.", set()),
    ],
)
def test_disposition(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a wedding of two people of one gender, another person's included
        ("Kunde fährt zur Hochzeit seines Sohnes mit seinem Mann.", {"sex_life"}),
        ("Kundin plant Hochzeit mit ihrer Verlobten im Mai.", {"sex_life"}),
        ("Auf der Hochzeit waren zwei Bräute, Kd. war Trauzeuge.", {"sex_life"}),
        ("Termin nach der Hochzeit der Tochter mit ihrem Mann.", set()),
        ("Kunde fährt Brautauto für die Hochzeit seines Sohnes.", set()),
    ],
)
def test_same_sex_wedding(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # genetic counselling, a face photo, a person's DNA
        ("Kundin hat Termin in der Humangenetik, erst ab 14 Uhr.", {"biometric_genetic", "health"}),
        ("Gesichtsaufnahmen der Kundin für die App hochgeladen.", {"biometric_genetic"}),
        ("Kunde hat seine DNA testen lassen.", {"biometric_genetic"}),
        ("Qualität liegt in der DNA der Marke.", set()),
        ("Fahrmodus-Schalter 'DNA' ohne Belang, nur Frontscheibe.", set()),
        ("Kunde arbeitet als Laborant im DNA-Labor der Uni.", set()),
    ],
)
def test_genetic_and_face_words(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # reflexive idioms of arrogance (German Wiktionary)
        ("Kd. hält sich für was Besseres", {"judgement"}),
        ("Kd. hält sich für den Größten", {"judgement"}),
        ("Kunde ist sich zu fein für Smalltalk", {"judgement"}),
        ("Kundin spielt sich auf wie die Chefin", {"judgement"}),
        ("Kunde tut immer so wichtig", {"judgement"}),
        ("Kunde hält sich für versichert, bitte prüfen.", set()),
        ("Kunde hält sich für den Termin frei.", set()),
        ("Kunde hält sich für den ersten Termin bereit.", set()),
        ("Unfall spielt sich auf der Autobahn ab, Kd. meldet später.", set()),
        ("Kunde sagt, der Termin ist wichtig.", set()),
    ],
)
def test_self_regard(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a couple's state after the partner's first name: the name decides
        ("Herr Polat wohnt mit Freund Kevin zusammen", {"sex_life"}),
        ("Frau Roth wohnt mit Freundin Jana zusammen", {"sex_life"}),
        ("Frau Roth wohnt mit Freund Kevin zusammen", set()),
        ("Herr Sommer ist mit Jens zusammen.", {"sex_life"}),
        ("Herr Sommer ist mit Jens zusammen zur Werkstatt gefahren.", set()),
        # a partner named by a salutation: the salutation gives the partner's gender
        ("Herr Maier, Lebensgefährte Herr Schulz holt ab", {"sex_life"}),
        ("Frau Kaya, Lebensgefährte Herr Schulz holt ab", set()),
        ("Herr Maier, Ehefrau Frau Maier unterschreibt", set()),
        ("Herr Maier, Partner Herr Schulz (Kanzlei) ruft an", set()),
        # a romantic meeting -- "Date" alone is also an appointment
        ("Kundin hatte gestern ein Blind Date, Auto stand vor dem Lokal.", {"sex_life"}),
        ("Kd. hat ein Date mit dem Gutachter am Do um 9 auf dem Hof", set()),
        # fingerprints on a surface are a trace, stored on a device they identify
        ("Kd. hat Fingerabdrücke auf der neuen Scheibe reklamiert", set()),
        ("Kd. hat Fingerabdruck auf dem Handy hinterlegt", {"biometric_genetic"}),
        (
            "Kd. hat Fingerabdruck auf das Protokoll gesetzt statt Unterschrift",
            {"biometric_genetic"},
        ),
        ("Kundin hat sich bei der Bank per Stimme verifiziert", {"biometric_genetic"}),
        ("Kunde hat per Stimme bestätigt, Termin passt", set()),
    ],
)
def test_partner_state_and_traces(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # manners, humour, upbringing and heart of a person
        ("Kd. hat gute Manieren", {"judgement"}),
        ("Kunde mit viel Humor, ruft zurück", {"judgement"}),
        ("Kd. sehr gut erzogen", {"judgement"}),
        ("Kd. hat ein großes Herz", {"judgement"}),
        ("Kunde ist Gold wert", {"judgement"}),
        ("Kunde hat Humor-Aufkleber am Heck", set()),
        ("Die Info ist Gold wert, danke.", set()),
        ("Kd. hat seinen Hund gut erzogen", set()),
        # a metaphor or a kind of character before a hyphen names a thing
        ("Kunde ist eine Mimose", {"judgement"}),
        ("Kd. ist ein Kontrollfreak", {"judgement"}),
        ("Kunde ist ein Engel-Fan, hat Aufkleber am Auto.", set()),
    ],
)
def test_manners_and_heart(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a coordinating conjunction after the comma keeps the shared person subject
        ("Kd. kommt pünktlich, ist aber nett", {"judgement"}),
        ("Kd. ist Schwabe, aber großzügig", {"judgement"}),
        ("Motor läuft, aber laut", set()),
        ("Kunde hat angerufen, und freundlich nachgefragt", set()),
        ("Kunde meldet Schaden, aber kompliziert zu erreichen", set()),
    ],
)
def test_shared_subject_after_conjunction(text: str, labels: set[str]) -> None:
    assert categories(text, "bemerkungen") == labels
