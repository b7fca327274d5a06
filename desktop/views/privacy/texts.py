"""Texts of the "Datenschutz" page: the company's privacy notice in the app's own words.

Everything goes through Qt's translation system (context ``PrivacyPage``) and is plain text.
Sentences that name the glass company take its name as ``%1`` (``company``: the server's
``company_name`` or the neutral fallback of :func:`desktop.widgets.company.company_name`).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

SECTIONS = (
    "mandatory",
    "consent",
    "free_text",
    "photos",
    "usage_data",
    "postbox",
    "contact",
    "local_data",
)
_BULLET = "•"
# lupdate recognises calls named `translate(context, text)`
translate = QCoreApplication.translate


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"{_BULLET} {line}" for line in lines)


def _named(text: str, company: str) -> str:
    return text.replace("%1", company)


def intro(company: str) -> str:
    """The paragraph under the page title."""
    return _named(
        translate(
            "PrivacyPage",
            "Vermitteln Sie einen Auftrag nur, wenn die Kundin oder der Kunde mit Reparatur oder "
            "Austausch einverstanden ist, und geben Sie nur an, was für die Vermittlung wirklich "
            "nötig ist. Diese Seite fasst die Datenschutzhinweise für die Vermittlung an %1 "
            "zusammen und zeigt, was diese App auf Ihrem PC speichert.",
        ),
        company,
    )


def _mandatory() -> list[str]:
    return [
        translate(
            "PrivacyPage",
            "Pflichtfelder sind mit einem Sternchen (*) markiert. In der Schnell- und in der "
            "Komplettvermittlung sind das nur:",
        ),
        _bullets(
            [
                translate("PrivacyPage", "Nachname"),
                translate("PrivacyPage", "Telefon"),
                translate("PrivacyPage", "Kfz-Kennzeichen"),
                translate("PrivacyPage", "Versicherungsscheinnummer"),
            ]
        ),
        translate(
            "PrivacyPage",
            "Die Servicenummer ist ebenfalls Pflicht, wird aber automatisch eingetragen.",
        ),
        translate(
            "PrivacyPage",
            "Nutzen Sie jedes Pflichtfeld nur für seinen Zweck: Ins Feld „Nachname“ gehört "
            "nur der Name, keine Eigenschaften der Person.",
        ),
    ]


def _consent(company: str) -> list[str]:
    return [
        _named(
            translate(
                "PrivacyPage",
                "Alle anderen Angaben sind freiwillig. Fragen Sie vorher, ob die oder der "
                "Versicherte mit der Weitergabe an %1 zur schnellen Vermittlung und Bearbeitung "
                "einverstanden ist. Die App gibt die freiwilligen Felder erst frei, wenn Sie "
                "diese Einwilligung bestätigt haben.",
            ),
            company,
        ),
        _named(
            translate(
                "PrivacyPage",
                "Mit den Auswahlfeldern (zum Beispiel Fahrzeug, Schadenart oder Terminwunsch) "
                "kann %1 den Auftrag bearbeiten und den Kontakt mit der Kundin oder dem Kunden "
                "gut vorbereiten. Freiwillige Angaben müssen den Tatsachen entsprechen.",
            ),
            company,
        ),
        translate(
            "PrivacyPage",
            "„Zusatzinfo“ (Komplettvermittlung) und „Bemerkungen“ (Schnellvermittlung) sind "
            "die Ausnahme: Tragen Sie dort nur auf ausdrücklichen Wunsch der Kundin oder des "
            "Kunden etwas ein, und nur Besonderheiten, ohne die der Auftrag kaum sinnvoll "
            "bearbeitet werden kann – zum Beispiel besondere Gegebenheiten vor Ort bei einer "
            "mobilen Reparatur. Sagen Sie vorher, was Sie dort eintragen möchten, und holen Sie "
            "das Einverständnis dafür ein.",
        ),
    ]


def _free_text() -> list[str]:
    return [
        translate(
            "PrivacyPage",
            "In Freitextfeldern dürfen keine besonderen Arten personenbezogener Daten stehen:",
        ),
        _bullets(
            [
                translate("PrivacyPage", "rassische oder ethnische Herkunft"),
                translate("PrivacyPage", "politische Meinungen"),
                translate("PrivacyPage", "religiöse oder weltanschauliche Überzeugungen"),
                translate("PrivacyPage", "Gewerkschaftszugehörigkeit"),
                translate("PrivacyPage", "Gesundheit, Krankheiten oder Behinderungen"),
                translate("PrivacyPage", "Sexualleben oder sexuelle Orientierung"),
            ]
        ),
        translate(
            "PrivacyPage",
            "Ebenso wenig gehören Bewertungen der Person oder Angaben, die für den Auftrag "
            "nicht gebraucht werden, in die Vermittlung. Beschreiben Sie stattdessen neutral, "
            "was vor Ort zu tun ist:",
        ),
        _bullets(
            [
                translate(
                    "PrivacyPage",
                    "Statt „Kunde ist schwerhörig“: „Bitte laut und deutlich klingeln.“",
                ),
                translate(
                    "PrivacyPage",
                    "Statt „Kundin ist gehbehindert“: „Die Kundin braucht etwas länger, um die "
                    "Tür zu öffnen.“",
                ),
                translate(
                    "PrivacyPage",
                    "Statt „Kunde ist sehr schwierig“: nichts eintragen – Bewertungen gehören "
                    "nicht in die Vermittlung.",
                ),
            ]
        ),
        translate(
            "PrivacyPage",
            "Die App prüft diese Felder schon beim Tippen, markiert problematische Stellen und "
            "schlägt neutrale Formulierungen vor.",
        ),
    ]


def _photos() -> list[str]:
    return [
        translate(
            "PrivacyPage",
            "Schadenfotos helfen, Reparatur oder Austausch richtig einzuschätzen. Auf den "
            "Fotos dürfen keine Personen zu sehen sein und möglichst keine anderen "
            "personenbezogenen Daten – etwa ein Vertrag, ein Ausweis oder andere Dokumente auf "
            "dem Armaturenbrett.",
        ),
        translate(
            "PrivacyPage",
            "Digitalfotos enthalten oft Datum, Uhrzeit und je nach Kamera sogar den Ort der "
            "Aufnahme. Die App entfernt diese Metadaten vor dem Senden, zeigt Ihnen, was "
            "entfernt wurde, und markiert erkannte Gesichter und Personen, die Sie unkenntlich "
            "machen können.",
        ),
        translate(
            "PrivacyPage",
            "Fotos für die Vermittlung dürfen nur für die Abwicklung des Schadens verwendet "
            "werden – nie auf privaten Webseiten, in sozialen Netzwerken oder auf anderen "
            "Plattformen.",
        ),
    ]


def _usage_data(company: str) -> list[str]:
    return [
        _named(
            translate(
                "PrivacyPage",
                "Wer wann welchen Auftrag vermittelt hat, speichert %1 und berechnet daraus "
                "Ihre Prämien.",
            ),
            company,
        ),
        translate(
            "PrivacyPage",
            "Bei jeder Verbindung fallen technische Nutzungsdaten an, vor allem IP-Adresse, "
            "Uhrzeit und die verwendete Programmversion. Sie werden für den Betrieb und zum "
            "Aufdecken und Beheben von Störungen und Missbrauch gebraucht und in den "
            "Protokolldateien nach 7 Tagen gelöscht.",
        ),
        translate(
            "PrivacyPage",
            "Für die Anmeldung wird ein Sitzungs-Cookie verwendet, das nur während der Sitzung "
            "gilt. Diese App hält es ausschließlich im Arbeitsspeicher und verwirft es beim "
            "Abmelden und Beenden.",
        ),
    ]


def _postbox() -> list[str]:
    return [
        translate(
            "PrivacyPage",
            "„Mein Postkorb“ ist kein E-Mail-Dienst, sondern ein Ticket-System: für Fragen und "
            "Änderungen zu vermittelten Aufträgen.",
        ),
        translate(
            "PrivacyPage",
            "Schreiben Sie in „Betreff“ und „Beschreibung“ nur, was für die Anfrage nötig ist – "
            "keine besonderen Arten von Daten und keine Bewertungen der Person.",
        ),
        translate(
            "PrivacyPage",
            "Auskunftsrecht (Art. 15 DSGVO): Die betroffene Person kann erfahren, was über sie "
            "gespeichert ist – auch Ihre Postkorb-Einträge und woher sie stammen. Fragen Sie "
            "sich vor dem Senden: Wie wirkt dieser Text, wenn die Kundin oder der Kunde ihn "
            "liest?",
        ),
    ]


def _contact(company: str) -> list[str]:
    return [
        _named(
            translate(
                "PrivacyPage",
                "Bei Fragen zum Datenschutz erreichen Sie den Datenschutzbeauftragten für %1 "
                "jederzeit hier:",
            ),
            company,
        )
    ]


def _local_data() -> list[str]:
    return [translate("PrivacyPage", "Diese App speichert auf diesem PC nur das Nötigste:")]


def sections(company: str) -> list[tuple[str, str, list[str]]]:
    """(key, heading, paragraphs) of every section, in display order."""
    return [
        ("mandatory", translate("PrivacyPage", "Pflichtangaben"), _mandatory()),
        (
            "consent",
            translate("PrivacyPage", "Freiwillige Angaben nur mit Einwilligung"),
            _consent(company),
        ),
        ("free_text", translate("PrivacyPage", "Was nie eingetragen werden darf"), _free_text()),
        ("photos", translate("PrivacyPage", "Schadenfotos"), _photos()),
        (
            "usage_data",
            _named(translate("PrivacyPage", "Was %1 über Ihre Nutzung speichert"), company),
            _usage_data(company),
        ),
        ("postbox", translate("PrivacyPage", "Mein Postkorb und das Auskunftsrecht"), _postbox()),
        ("contact", translate("PrivacyPage", "Fragen zum Datenschutz"), _contact(company)),
        (
            "local_data",
            translate("PrivacyPage", "Was diese App auf diesem PC speichert"),
            _local_data(),
        ),
    ]


def contact_block(contact: Mapping[str, object]) -> str:
    """The data-protection contact from the server config as plain text lines.

    Args:
        contact: ``privacy_contact`` of ``GET /config`` (name, organisation, address, phone,
            email); missing or non-text values are left out.
    """
    lines: list[str] = []
    for key in ("name", "organisation", "address"):
        value = contact.get(key)
        if isinstance(value, str) and value.strip():
            lines.extend(part.strip() for part in value.splitlines() if part.strip())
    phone = contact.get("phone")
    if isinstance(phone, str) and phone.strip():
        lines.append(translate("PrivacyPage", "Telefon: %1").replace("%1", phone.strip()))
    email = contact.get("email")
    if isinstance(email, str) and email.strip():
        lines.append(translate("PrivacyPage", "E-Mail: %1").replace("%1", email.strip()))
    if not lines:
        return translate("PrivacyPage", "Kontaktdaten: nicht angegeben.")
    return "\n".join(lines)


def _days(days: int, one: str, many: str) -> str:
    # German and English plurals both differ only between 1 and the rest
    return one if days == 1 else many.replace("%1", str(days))


def local_facts(*, retention_days: int, log_days: int, memory_only: bool, location: str) -> str:
    """The bullet list "what this app stores on this PC"."""
    if memory_only:
        drafts = translate(
            "PrivacyPage",
            "Entwürfe: Auf diesem PC ist kein Schlüsselbund verfügbar. Entwürfe bleiben daher "
            "nur im Arbeitsspeicher und gehen beim Beenden verloren.",
        )
    else:
        drafts = translate(
            "PrivacyPage",
            "Entwürfe: verschlüsselt (AES-GCM); der Schlüssel liegt im Schlüsselbund des "
            "Betriebssystems.",
        )
    lines = [
        drafts,
        _days(
            retention_days,
            translate(
                "PrivacyPage", "Entwürfe werden nach einem Tag ohne Änderung automatisch gelöscht."
            ),
            translate(
                "PrivacyPage", "Entwürfe werden nach %1 Tagen ohne Änderung automatisch gelöscht."
            ),
        ),
        _outbox_and_postbox(memory_only),
        translate(
            "PrivacyPage",
            "Anmeldung: Das Sitzungs-Cookie liegt nur im Arbeitsspeicher. Ihr Passwort wird "
            "nie im Klartext gespeichert.",
        ),
        translate(
            "PrivacyPage",
            "Ohne Schlüsselbund merkt sich die App keine Anmeldung; sie fragt jedes Mal nach "
            "dem Passwort.",
        )
        if memory_only
        else translate(
            "PrivacyPage",
            "„Anmeldung merken“ legt Benutzername und Passwort im Schlüsselbund des "
            "Betriebssystems ab; ohne Schlüsselbund fragt die App jedes Mal nach dem Passwort.",
        ),
        translate(
            "PrivacyPage",
            "Protokolle: nur technische Angaben, ohne Namen, Telefonnummern, Kennzeichen oder "
            "Freitext.",
        ),
        _days(
            log_days,
            translate("PrivacyPage", "Protokolle werden nach einem Tag gelöscht."),
            translate("PrivacyPage", "Protokolle werden nach %1 Tagen gelöscht."),
        ),
        translate("PrivacyPage", "Speicherort: %1").replace("%1", location),
    ]
    return _bullets(lines)


def _outbox_and_postbox(memory_only: bool) -> str:
    """Where the Postausgang and the Postkorb copy are kept (the same database as the drafts)."""
    if memory_only:
        return translate(
            "PrivacyPage",
            "Postausgang und Postkorb: noch nicht übertragene Vermittlungen, Fotos und "
            "Nachrichten sowie die Kopie Ihres Postkorbs liegen ohne Schlüsselbund ebenfalls nur "
            "im Arbeitsspeicher und gehen beim Beenden verloren.",
        )
    return translate(
        "PrivacyPage",
        "Postausgang und Postkorb: noch nicht übertragene Vermittlungen, Fotos und Nachrichten "
        "(bis der Server den Empfang bestätigt hat) sowie die Kopie Ihres Postkorbs, "
        "verschlüsselt wie die Entwürfe.",
    )


def wipe_explanation() -> str:
    """What "Alle lokalen Daten löschen" removes (shown on the page and in the confirmation)."""
    return translate(
        "PrivacyPage",
        "„Alle lokalen Daten löschen“ entfernt Entwürfe, den Postausgang, zwischengespeicherte "
        "Postkorb-Einträge, die Daten des eingebauten Demo-Servers, den Schlüssel im "
        "Schlüsselbund und die Protokolle von diesem PC. "
        "Noch nicht gesendete Vermittlungen und Nachrichten gehen dabei verloren.",
    )
