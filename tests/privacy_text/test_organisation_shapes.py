"""Political, religious and union relations of a person to an organisation recognised by its
shape, and activities that imply them (issue 13, tenth round). Fresh sentences (in no corpus):
each mechanism with a sentence that must be flagged and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.helpers.privacy_text import categories


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a local list, a voters' association, a "-partei" compound: by word formation, inside
        # a relation of the person
        ("Kd. sitzt für die Seniorenliste im Ortsrat, mittwochs Sitzung", {"political"}),
        ("Kundin ist Beisitzerin der Wählervereinigung Unser Tal", {"political"}),
        ("Herr Kaya engagiert sich bei der Gartenpartei", {"political"}),
        ("Kd. ist in einer Bürgerinitiative gegen den Mobilfunkmast aktiv", {"political"}),
        ("Kunde ist im Aktionsbündnis gegen die Umgehungsstraße", {"political"}),
        # a party to a tenancy or a contract, a waiting list, the organisation as a landmark
        ("Schlüssel ist bei der Mietpartei im Erdgeschoss", set()),
        ("Kd. ist bei der Vertragspartei nicht erreichbar", set()),
        ("Kd. steht auf der Warteliste beim Autohaus", set()),
        ("Wagen parkt vor dem Büro der Wählergemeinschaft", set()),
        # flyers handed out for a list; flyers found in the letter box
        ("Kd. verteilt samstags Flyer für die Wählergemeinschaft", {"political"}),
        ("Kunde hat Flyer der Bürgerinitiative im Briefkasten gefunden", set()),
        # campaigning implied by an action; a poll worker is a civic duty
        ("Kunde ist am Samstag beim Straßenwahlkampf, erst Montag erreichbar", {"political"}),
        ("Kundin steht im Haustürwahlkampf, abends zurückrufen", {"political"}),
        ("Kd. klebt Plakate für die Landratswahl", {"political"}),
        ("Kd. ist unterwegs für seine Partei", {"political"}),
        ("Kunde hilft bei der Landtagswahl im Wahllokal", set()),
        # a council seat; the seat of a car
        ("Kundin hat einen Sitz im Kreistag", {"political"}),
        ("Kd. hat den Sitz im Auto ganz nach hinten gestellt", set()),
        # a petition or a referendum drive started or signed; a signed job form
        ("Kd. hat eine Petition gegen die Grundsteuer gestartet", {"political"}),
        ("Kundin unterschreibt das Bürgerbegehren gegen das Gewerbegebiet", {"political"}),
        ("Kd. hat die Auftragsbestätigung unterschrieben und eingereicht", set()),
        # the person at a campaign or protest in shorthand; an event met on the road
        ("Kundin bei der Mahnwache, Rückruf ab 18 Uhr", {"political"}),
        ("Umleitung wegen Mahnwache am Markt, Termin später", set()),
        # a journey to a protest named by a compound
        ("Kd. fährt am Samstag mit dem Bus zur Friedensdemo nach Bonn", {"political"}),
        # the dialect copula inside the party relation
        ("kd isch bei de grüne aktiv", {"political"}),
        # standing for office in English
        ("customer is running for town council, call after 6", {"political"}),
        # the sovereign-citizen claim of a state before 1913 law
        ("Kd. legt Ausweis nach RuStAG 1913 vor", {"political"}),
        # a name on the ballot; a name on a call-back list
        ("Kundin steht diesmal selbst auf dem Wahlzettel", {"political"}),
        ("Kd. steht auf der Liste für Rückrufe", set()),
        # a protest walk or signatures "gegen" a plan; an evening walk, a birthday card
        ("Kd. geht montags spazieren gegen die Corona-Politik", {"political"}),
        ("Kd. geht abends spazieren, gegen 19 Uhr erreichbar", set()),
        ("Kunde sammelt Unterschriften gegen das neue Baugebiet", {"political"}),
        ("Kd. sammelt Unterschriften für die Geburtstagskarte", set()),
        # at a party congress as a delegate's trip or as work there
        ("Kundin fährt am Wochenende zum Parteitag", {"political"}),
        ("Kd. ist Kameramann beim Parteitag", set()),
        # support of a party: its supporters, standing close to it, its poster at home
        ("Kundin ist Anhängerin der Linken", {"political"}),
        ("Kd. ist Anhänger der Idee, die Scheibe zu tauschen", set()),
        ("Kd. fährt den Anhänger der Grünen zum Stadtfest", set()),
        ("Kd. steht seit Jahren der CSU nahe", {"political"}),
        ("Kd. ist eher FDP-nah", {"political"}),
        ("Kd. wohnt nah am Bahnhof", set()),
        ("Kd. hat ein Grünen-Plakat am Gartenzaun", {"political"}),
        ("Plakat der SPD an der Laterne hat den Lack zerkratzt", set()),
        # political work and a seat told with "Mitglied"; a club
        ("Kd. macht nebenbei Lokalpolitik", {"political"}),
        ("Kunde engagiert sich seit Jahren politisch", {"political"}),
        ("Kd. ist Mitglied im Bundestag", {"political"}),
        ("Kd. ist Mitglied im Kegelverein", set()),
        # a speaker of a list or a party; a speaker at a town fair
        ("Kd. stand als Rednerin der Bürgerliste auf der Bühne", {"political"}),
        ("Kd. war Redner der Linken beim Sommerfest", {"political"}),
        ("Kd. war Redner beim Stadtfest", set()),
        # a church council is no political office
        ("Kunde ist im Gemeinderat der Pfarrgemeinde St. Paul", {"religion"}),
        ("Kd. wartet am Gemeinderat-Eingang im Rathaus", set()),
    ],
)
def test_political_organisations_and_activities(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # a religious community by its shape, with a relation of the person
        ("Kd. ist Kassierer im Moscheeverein", {"religion"}),
        ("Kundin ist aktiv im alevitischen Kulturverein", {"religion"}),
        ("Kunde ist Mitglied der Synagogengemeinde", {"religion"}),
        ("Kd. ist Schriftführer der Kolpingsfamilie", {"religion"}),
        ("Kundin singt im Kirchenchor St. Michael", {"religion"}),
        # the community as an owner, a landmark or an employer
        ("Transporter gehört dem Moscheeverein, Rechnung an den Verein", set()),
        ("Parkplatz der Synagogengemeinde, Einfahrt rechts", set()),
        ("Kd. ist Hausmeister im Moscheeverein", set()),
        ("Das Grundstück gehört der Kirche, Tor bitte schließen", set()),
        # a parish named after a saint; the church as a meeting point
        ("Kd. leitet die Jugendgruppe der Gemeinde St. Peter", {"religion"}),
        ("Treffpunkt an der Kirche St. Marien, Monteur kommt um 9", set()),
        # going to a service, in English; a training
        ("customer attends mass on Sundays", {"religion"}),
        ("customer attends a training on Monday", set()),
        # membership told with "angehören" / "gehören zu"
        ("Kunde gehört der Neuapostolischen Kirche an", {"religion"}),
        # an office of a church named by a compound; the municipality's office
        ("Kundin ist Kirchenvorsteherin, sonntags keine Termine", {"religion"}),
        ("Kd. ist Gemeindevorsteher in Unterdorf", set()),
        # a rite of the person's child told with its verb; a boat christened
        ("Kd. lässt am Samstag seine Tochter in St. Anna taufen", {"religion"}),
        ("Kunde lässt sein Boot auf den Namen Greta taufen", set()),
        # leaving the church told verb first
        ("Kunde ist letztes Jahr ausgetreten aus der Kirche", {"religion"}),
        # living in a monastery; working there; churchgoers as a crowd
        ("Kundin lebt seit Jahren im Kloster", {"religion"}),
        ("kd arbeitet als koch im kloster, auto an der pforte", set()),
        ("Kd. ist regelmäßiger Kirchgänger", {"religion"}),
        ("sonntags früh stellen Kirchgänger die Einfahrt zu", set()),
    ],
)
def test_religious_communities_and_rites(text: str, labels: set[str]) -> None:
    assert categories(text) == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # going to a strike; a union compound with a union head; the composer
        ("Kd. geht morgen zum Warnstreik, Termin Donnerstag", {"union"}),
        ("Kd. hat den Verdi-Ausweis dabei", {"union"}),
        ("Kundin hört gern Verdi-Arien im Auto", set()),
        # going to strike with a singular verb; the staff of a firm as an event
        ("Kundin geht morgen streiken, Rückruf Freitag", {"union"}),
        ("Die Fahrer gehen streiken, Lieferung später", set()),
        # a benefit of union membership; legal cover from a motoring club
        ("Kundin bekommt Rechtsschutz von der Gewerkschaft", {"union"}),
        ("Kd. hat Rechtsschutz über den ADAC", set()),
        # "Fr" after a preposition of time is Friday, not "Frau"
        ("Kd. bis Fr Streikposten, Termin Samstag", {"union"}),
        ("Termin mit Fr Krebs bestätigt", set()),
    ],
)
def test_union_actions_and_compounds(text: str, labels: set[str]) -> None:
    assert categories(text) == labels
