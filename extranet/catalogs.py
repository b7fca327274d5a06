"""Catalogues (stable lowercase codes, German labels), consent text and limits for ``/config``.

Codes never change once published; labels may. The desktop client stores codes only.
"""

from __future__ import annotations

from typing import Any

_C = list[tuple[str, str]]

CATALOGS: dict[str, _C] = {
    "schadenart": [
        ("steinschlag", "Steinschlag / Einschlag"),
        ("riss", "Riss"),
        ("bruch", "Bruch / Scheibe zerstört"),
        ("mehrere_einschlaege", "Mehrere Einschläge"),
        ("unbekannt", "Unbekannt"),
    ],
    "anzahl_einschlaege": [
        ("1", "1"),
        ("2", "2"),
        ("3", "3"),
        ("4_oder_mehr", "4 oder mehr"),
    ],
    "scheibe": [
        ("front", "Frontscheibe"),
        ("seite_vl", "Seitenscheibe vorne links"),
        ("seite_vr", "Seitenscheibe vorne rechts"),
        ("seite_hl", "Seitenscheibe hinten links"),
        ("seite_hr", "Seitenscheibe hinten rechts"),
        ("dreieck", "Dreiecksfenster"),
        ("heck", "Heckscheibe"),
        ("dach", "Schiebe-/Panoramadach"),
        ("spiegel", "Außenspiegel"),
        ("scheinwerfer", "Scheinwerfer"),
    ],
    "schadengroesse": [
        ("kleiner_2euro", "Kleiner als eine 2-€-Münze"),
        ("groesser_2euro", "Größer als eine 2-€-Münze"),
        ("riss_unter_5cm", "Riss kürzer als 5 cm"),
        ("riss_ab_5cm", "Riss 5 cm oder länger"),
        ("unbekannt", "Unbekannt"),
    ],
    "lage": [
        ("sichtfeld", "Im Sichtfeld des Fahrers"),
        ("ausserhalb_sichtfeld", "Außerhalb des Sichtfelds"),
        ("randnah", "Weniger als 10 cm vom Rand"),
        ("unbekannt", "Unbekannt"),
    ],
    "ursache": [
        ("steinschlag", "Steinschlag"),
        ("riss_ohne_einschlag", "Riss ohne erkennbaren Einschlag"),
        ("unfall", "Unfall"),
        ("vandalismus", "Vandalismus / Einbruch"),
        ("sturm_hagel", "Sturm / Hagel"),
        ("sonstige", "Sonstige Ursache"),
    ],
    "deckung": [
        ("teilkasko", "Teilkasko"),
        ("vollkasko", "Vollkasko"),
        ("haftpflicht_selbstzahler", "Nur Haftpflicht / Selbstzahler"),
        ("unbekannt", "Unbekannt"),
    ],
    "werkstattbindung": [
        ("ja", "Ja (Werkstatt-/Select-Tarif)"),
        ("nein", "Nein"),
        ("unbekannt", "Unbekannt"),
    ],
    "selbstbeteiligung": [
        ("0", "Keine (0 €)"),
        ("150", "150 €"),
        ("300", "300 €"),
        ("500", "500 €"),
        ("1000", "1.000 €"),
        ("andere", "Anderer Betrag"),
        ("unbekannt", "Unbekannt"),
    ],
    "vorsteuerabzug": [
        ("ja", "Ja, vorsteuerabzugsberechtigt"),
        ("nein", "Nein"),
        ("unbekannt", "Unbekannt"),
    ],
    "schadenbild": [
        ("kuhauge", "Kuhauge"),
        ("stern", "Stern"),
        ("halbmond", "Halbmond"),
        ("kleeblatt", "Kleeblatt"),
        ("kombibruch", "Kombibruch"),
        ("unbekannt", "Unbekannt"),
    ],
    "assistenzsysteme": [
        ("frontkamera", "Frontkamera"),
        ("regen_lichtsensor", "Regen-/Lichtsensor"),
        ("head_up_display", "Head-up-Display"),
        ("scheibenheizung", "Scheibenheizung"),
        ("akustikglas", "Akustikglas"),
        ("unbekannt", "Unbekannt"),
    ],
    "service_wunsch": [
        ("service_center", "Im Service-Center"),
        ("mobil", "Mobiler Service vor Ort"),
        ("egal", "Egal"),
    ],
    "wunschtermin_fenster": [
        ("vormittags", "Vormittags"),
        ("nachmittags", "Nachmittags"),
        ("ganztaegig", "Ganztägig"),
    ],
    "zeitfenster": [
        ("8_12", "8–12 Uhr"),
        ("12_16", "12–16 Uhr"),
        ("16_20", "16–20 Uhr"),
    ],
    "anrede": [
        ("frau", "Frau"),
        ("herr", "Herr"),
        ("divers", "Divers / keine Anrede"),
    ],
    "versicherer": [
        ("allianz", "Allianz Versicherungs-AG"),
        ("axa", "AXA Versicherung AG"),
        ("debeka", "Debeka Allgemeine Versicherung AG"),
        ("devk", "DEVK Allgemeine Versicherungs-AG"),
        ("ergo", "ERGO Versicherung AG"),
        ("generali", "Generali Deutschland Versicherung AG"),
        ("gothaer", "Gothaer Allgemeine Versicherung AG"),
        ("hdi", "HDI Versicherung AG"),
        ("huk_coburg", "HUK-COBURG"),
        ("lvm", "LVM Landwirtschaftlicher Versicherungsverein Münster a.G."),
        ("provinzial", "Provinzial Versicherung AG"),
        ("r_und_v", "R+V Allgemeine Versicherung AG"),
        ("vhv", "VHV Allgemeine Versicherung AG"),
        ("wgv", "WGV-Versicherung AG"),
        ("wuerttembergische", "Württembergische Versicherung AG"),
        ("zurich", "Zurich Insurance Europe AG"),
        ("sonstige", "Anderer Versicherer"),
        ("unbekannt", "Unbekannt"),
    ],
}

# Voluntary referral fields: name → (type, catalogue or None, max length / max items).
# Types: "code" (one catalogue code), "codes" (list of codes), "text", "date" (YYYY-MM-DD),
# "bool". Only these keys are accepted under ``voluntary``.
VOLUNTARY_FIELDS: dict[str, tuple[str, str | None, int]] = {
    "anrede": ("code", "anrede", 0),
    "vorname": ("text", None, 60),
    "telefon2": ("text", None, 40),
    "versicherer": ("code", "versicherer", 0),
    "deckung": ("code", "deckung", 0),
    "werkstattbindung": ("code", "werkstattbindung", 0),
    "selbstbeteiligung": ("code", "selbstbeteiligung", 0),
    "vorsteuerabzug": ("code", "vorsteuerabzug", 0),
    "ust_id": ("text", None, 20),
    "schadennummer": ("text", None, 40),
    "schadendatum": ("date", None, 0),
    "ursache": ("code", "ursache", 0),
    "scheibe": ("code", "scheibe", 0),
    "schadenart": ("code", "schadenart", 0),
    "anzahl_einschlaege": ("code", "anzahl_einschlaege", 0),
    "schadengroesse": ("code", "schadengroesse", 0),
    "lage": ("code", "lage", 0),
    "schadenbild": ("code", "schadenbild", 0),
    "fahrzeug_hersteller": ("text", None, 40),
    "fahrzeug_modell": ("text", None, 60),
    "erstzulassung": ("text", None, 4),
    "hsn": ("text", None, 4),
    "tsn": ("text", None, 3),
    "fin": ("text", None, 17),
    "assistenzsysteme": ("codes", "assistenzsysteme", 6),
    "service_wunsch": ("code", "service_wunsch", 0),
    "einsatzort": ("text", None, 200),
    "wunschtermin": ("date", None, 0),
    "wunschtermin_fenster": ("code", "wunschtermin_fenster", 0),
    "zeitfenster": ("codes", "zeitfenster", 3),
    "nicht_am_arbeitsplatz": ("bool", None, 0),
    "zusatzinfo": ("text", None, 1000),
    "bemerkungen": ("text", None, 1000),
}

# Which "text" fields are free text (privacy-checked) and which have a fixed format is listed
# once for client and server in desktop.validation.free_text.

# The glass company's display name: the client shows this one name in every sentence that
# names the company (consent check box, review, Datenschutz page).
COMPANY_NAME = "CARGLASS"

CONSENT_TEXT_VERSION = "2026-01"
# "{company}" stands for COMPANY_NAME (filled in by consent_text()).
CONSENT_TEXT = (
    "Bevor ich Ihren Auftrag weiterleite, eine kurze Frage: Für die Vermittlung brauche ich "
    "nur Ihren Nachnamen, Ihre Telefonnummer, das Kennzeichen und die Versicherungsschein"
    "nummer. Ich würde {company} gern zusätzlich freiwillige Angaben zum Schaden, zu Ihrer "
    "Versicherung und zu Ihren Terminwünschen übermitteln – gegebenenfalls auch Fotos des "
    "Schadens und kurze Hinweise für den Termin. Diese Angaben dienen nur dazu, Ihren "
    "Reparatur- oder Austauschauftrag schnell und unkompliziert zu vermitteln und zu "
    "bearbeiten. Sind Sie damit einverstanden? Sie können diese Einwilligung jederzeit für "
    "die Zukunft widerrufen; die Vermittlung selbst hängt nicht davon ab."
)


def consent_text() -> str:
    """The consent text as read out to the customer, naming the company."""
    return CONSENT_TEXT.replace("{company}", COMPANY_NAME)


LIMITS: dict[str, Any] = {
    "max_images": 10,
    "max_image_bytes": 15_000_000,
    # Checked on the header's declared size before decoding; as many as the client's photo
    # pipeline accepts (a 108 MP phone photo fits), far fewer than a decompression bomb.
    "max_image_pixels": 120_000_000,
    "image_types": ["image/jpeg", "image/png"],
}

DRAFT_RETENTION_DAYS = 7

# Clearly fictitious: the demo server must never show the real data-protection officer.
PRIVACY_CONTACT: dict[str, str] = {
    "name": "Erika Beispiel (Demo-Datenschutzkontakt)",
    "organisation": "Beispiel Datenschutz GmbH (fiktiv)",
    "address": "Musterstraße 1, 00000 Beispielstadt (fiktive Anschrift)",
    "phone": "+49 000 0000555",
    "email": "datenschutz@example.org",
}


def catalogs_payload() -> dict[str, list[dict[str, str]]]:
    """Catalogues as ``{"name": [{"code", "label"}]}``."""
    return {
        name: [{"code": code, "label": label} for code, label in entries]
        for name, entries in CATALOGS.items()
    }


def voluntary_fields_payload() -> list[dict[str, Any]]:
    """The accepted voluntary fields (extension of ``/config``)."""
    return [
        {"name": name, "type": kind, "catalog": catalog, "max": limit}
        for name, (kind, catalog, limit) in VOLUNTARY_FIELDS.items()
    ]


def codes(catalog: str) -> frozenset[str]:
    """All codes of one catalogue."""
    return frozenset(code for code, _ in CATALOGS[catalog])
