"""German texts for privacy findings (by category, optional rule_id overrides) and for
validation issues (by code). All strings go through Qt's translation system.

The privacy engine and the validators return codes only; this is the one place where they
become sentences. Unknown codes fall back to a neutral sentence, never to the code itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_T = Callable[[], str]
_CATEGORY: dict[str, _T] = {
    "health": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Gesundheitsangaben gehören nicht in die Vermittlung. Beschreiben Sie nur, was "
        "vor Ort zu tun ist (z. B. „Bitte laut und deutlich klingeln“).",
    ),
    "ethnic_origin": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Angaben zu Herkunft, Hautfarbe oder Staatsangehörigkeit sind besondere Daten und "
        "dürfen hier nicht stehen. Falls es um die Verständigung geht: „Kunde spricht wenig "
        "Deutsch, bitte einfache Sprache“.",
    ),
    "religion": lambda: QCoreApplication.translate(
        "FindingTexts", "Angaben zur Religion oder Weltanschauung dürfen hier nicht stehen."
    ),
    "political": lambda: QCoreApplication.translate(
        "FindingTexts", "Politische Meinungen oder Aktivitäten dürfen hier nicht stehen."
    ),
    "union": lambda: QCoreApplication.translate(
        "FindingTexts", "Angaben zur Gewerkschaftszugehörigkeit dürfen hier nicht stehen."
    ),
    "sex_life": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Angaben zum Sexualleben, zur sexuellen Orientierung oder Identität dürfen hier "
        "nicht stehen.",
    ),
    "biometric_genetic": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Biometrische oder genetische Angaben (z. B. Fingerabdruck, Gentest, Erbkrankheit) "
        "dürfen hier nicht stehen.",
    ),
    "judgement": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Bewertungen der Person gehören nicht in die Vermittlung – der Kunde kann sie nach "
        "Art. 15 DSGVO lesen.",
    ),
    "contact": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Kontaktdaten gehören in die Pflichtfelder, nicht in den Freitext.",
    ),
    "identifier": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Ausweis-, Konto- oder ähnliche Nummern werden für die Vermittlung nicht gebraucht.",
    ),
    "person": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Angaben über weitere Personen werden für die Vermittlung nicht gebraucht.",
    ),
    "name_misuse": lambda: QCoreApplication.translate(
        "FindingTexts", "Ins Namensfeld gehört nur der Nachname, keine Eigenschaften der Person."
    ),
    "length": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Langer Text: Umfangreiche Angaben nur auf ausdrücklichen Wunsch des Kunden. "
        "Bitte bestätigen Sie das.",
    ),
}

# Older category names (placeholder engine) map to the issue-3 names.
_ALIASES = {
    "ethnicity": "ethnic_origin",
    "politics": "political",
    "sexual": "sex_life",
}

CATEGORIES = frozenset(_CATEGORY)
"""Every category with its own German text (the issue-3 list plus contact/person)."""

_RULE: dict[str, _T] = {
    "health.hearing": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Schwerhörigkeit ist eine Gesundheitsangabe. Schreiben Sie stattdessen, was zu tun "
        "ist: „Bitte laut und deutlich klingeln“.",
    ),
    "health.mobility": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Gehbehinderung ist eine Gesundheitsangabe. Schreiben Sie stattdessen: „Kunde braucht "
        "etwas länger, um die Tür zu öffnen“.",
    ),
    "health.vision": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Sehschwäche ist eine Gesundheitsangabe. Schreiben Sie stattdessen, was zu tun ist: "
        "„Bitte Unterlagen telefonisch erläutern“.",
    ),
    "judgement.positive": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Auch freundliche Bewertungen der Person gehören nicht in die Vermittlung. "
        "Beschreiben Sie nur das Anliegen.",
    ),
    "identifier.iban": lambda: QCoreApplication.translate(
        "FindingTexts", "Bankverbindungen werden für die Vermittlung nicht gebraucht."
    ),
    "identifier.bank_account": lambda: QCoreApplication.translate(
        "FindingTexts", "Bankverbindungen werden für die Vermittlung nicht gebraucht."
    ),
    "identifier.credit_card": lambda: QCoreApplication.translate(
        "FindingTexts", "Kreditkartennummern gehören nie in die Vermittlung."
    ),
    "identifier.email": lambda: QCoreApplication.translate(
        "FindingTexts",
        "E-Mail-Adressen werden für die Vermittlung nicht gebraucht – der Kunde wird "
        "telefonisch kontaktiert.",
    ),
    "identifier.phone": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Telefonnummern gehören in das Feld Telefon (oder die zweite Telefonnummer), nicht "
        "in den Freitext.",
    ),
    "identifier.birth_date": lambda: QCoreApplication.translate(
        "FindingTexts", "Das Geburtsdatum wird für die Vermittlung nicht gebraucht."
    ),
    "identifier.address": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Die Wohnanschrift wird nicht gebraucht. Für den mobilen Service gibt es das Feld "
        "Einsatzort.",
    ),
    "identifier.id_document": lambda: QCoreApplication.translate(
        "FindingTexts", "Ausweis- oder Passnummern werden für die Vermittlung nicht gebraucht."
    ),
    "identifier.tax_id": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Steuer-ID wird für die Vermittlung nicht gebraucht."
    ),
    "identifier.full_name": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Vor- und Nachname werden im Postkorb nicht gebraucht: Die Vermittlungsnummer "
        "bezeichnet den Auftrag, der Nachname allein genügt.",
    ),
    "name_misuse.digits": lambda: QCoreApplication.translate(
        "FindingTexts", "Ins Namensfeld gehört nur der Nachname, keine Ziffern oder Nummern."
    ),
    "name_misuse.brackets": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Ins Namensfeld gehört nur der Nachname, keine Anmerkungen in Klammern.",
    ),
}


# Postkorb texts (by rule_id or category) where the referral's sentence would not fit:
# a reply is not "die Vermittlung", and it has no Telefon or Einsatzort field.
_POSTBOX: dict[str, object] = {
    "health": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "Gesundheitsangaben gehören nicht in den Postkorb. Schreiben Sie nur, was für die "
        "Anfrage nötig ist.",
    ),
    "judgement": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "Bewertungen der Person gehören nicht in den Postkorb – der Kunde kann sie nach "
        "Art. 15 DSGVO lesen.",
    ),
    "judgement.positive": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "Auch freundliche Bewertungen der Person gehören nicht in den Postkorb. "
        "Beschreiben Sie nur das Anliegen.",
    ),
    "contact": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "Kontaktdaten werden im Postkorb nicht gebraucht – sie stehen schon in der Vermittlung.",
    ),
    "identifier": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "Ausweis-, Konto- oder ähnliche Nummern werden für die Anfrage nicht gebraucht.",
    ),
    "person": QT_TRANSLATE_NOOP(
        "FindingTexts", "Angaben über weitere Personen werden für die Anfrage nicht gebraucht."
    ),
    "identifier.iban": QT_TRANSLATE_NOOP(
        "FindingTexts", "Bankverbindungen werden für die Anfrage nicht gebraucht."
    ),
    "identifier.bank_account": QT_TRANSLATE_NOOP(
        "FindingTexts", "Bankverbindungen werden für die Anfrage nicht gebraucht."
    ),
    "identifier.credit_card": QT_TRANSLATE_NOOP(
        "FindingTexts", "Kreditkartennummern gehören nie in den Postkorb."
    ),
    "identifier.email": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "E-Mail-Adressen werden im Postkorb nicht gebraucht – die Vermittlungsnummer "
        "bezeichnet den Auftrag.",
    ),
    "identifier.phone": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "Telefonnummern werden im Postkorb nicht gebraucht – sie stehen schon in der Vermittlung.",
    ),
    "identifier.birth_date": QT_TRANSLATE_NOOP(
        "FindingTexts", "Das Geburtsdatum wird für die Anfrage nicht gebraucht."
    ),
    "identifier.address": QT_TRANSLATE_NOOP(
        "FindingTexts", "Die Wohnanschrift wird für die Anfrage nicht gebraucht."
    ),
    "identifier.id_document": QT_TRANSLATE_NOOP(
        "FindingTexts", "Ausweis- oder Passnummern werden für die Anfrage nicht gebraucht."
    ),
    "identifier.tax_id": QT_TRANSLATE_NOOP(
        "FindingTexts", "Die Steuer-ID wird für die Anfrage nicht gebraucht."
    ),
    "": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "Diese Angabe ist für die Anfrage wahrscheinlich nicht nötig. Bitte prüfen Sie sie.",
    ),
}

# Referral texts where the general table speaks of the Postkorb.
_REFERRAL: dict[str, object] = {
    "identifier.full_name": QT_TRANSLATE_NOOP(
        "FindingTexts",
        "Vor- und Nachname werden hier nicht gebraucht: Der Nachname steht schon im Feld Nachname.",
    ),
}


def finding_text(category: str, rule_id: str = "", place: str = "referral") -> str:
    """Plain-German reason for a privacy finding, worded for ``place``: "referral" (a
    referral field) or "postbox" (a Postkorb subject or reply)."""
    category = _ALIASES.get(category, category)
    own = _POSTBOX if place == "postbox" else _REFERRAL
    for key in (rule_id, category):
        if not key:
            continue
        if key in own:
            return QCoreApplication.translate("FindingTexts", str(own[key]))
        maker = (_RULE if key == rule_id else _CATEGORY).get(key)
        if maker is not None:
            return maker()
    if "" in own:
        return QCoreApplication.translate("FindingTexts", str(own[""]))
    return QCoreApplication.translate(
        "FindingTexts",
        "Diese Angabe ist für die Vermittlung wahrscheinlich nicht nötig. Bitte prüfen Sie sie.",
    )


def severity_prefix(severity: str) -> str:
    """Short lead-in so the state is never conveyed by colour alone."""
    if severity == "block":
        return QCoreApplication.translate("FindingTexts", "Nicht zulässig:")
    if severity == "warn":
        return QCoreApplication.translate("FindingTexts", "Bitte prüfen:")
    return QCoreApplication.translate("FindingTexts", "Hinweis:")


def dismiss_label(category: str) -> str:
    """Label of the dismiss button; for ``length`` it confirms the customer's wish."""
    if category == "length":
        return QCoreApplication.translate("FindingTexts", "Kunde wünscht das ausdrücklich")
    return QCoreApplication.translate("FindingTexts", "Kein Problem (Fehlalarm)")


def confirm_label(category: str) -> str:
    """Label of the button that confirms a dismissal (second step)."""
    if category == "length":
        return QCoreApplication.translate(
            "FindingTexts", "Ja, der Kunde wünscht diese Angaben ausdrücklich"
        )
    return QCoreApplication.translate("FindingTexts", "Ja, als Fehlalarm markieren")


_ISSUE: dict[str, _T] = {
    "required": lambda: QCoreApplication.translate("FindingTexts", "Bitte ausfüllen."),
    "name.too-long": lambda: QCoreApplication.translate(
        "FindingTexts", "Der Name ist zu lang (höchstens {max} Zeichen)."
    ),
    "name.no-letters": lambda: QCoreApplication.translate(
        "FindingTexts", "Der Name muss Buchstaben enthalten."
    ),
    "name.invalid-characters": lambda: QCoreApplication.translate(
        "FindingTexts", "Diese Zeichen gehören nicht in einen Namen: {chars}"
    ),
    "name.digits": lambda: QCoreApplication.translate(
        "FindingTexts", "Der Name enthält Ziffern – bitte prüfen."
    ),
    "name.too-many-words": lambda: QCoreApplication.translate(
        "FindingTexts", "Nur den Nachnamen eintragen, keine weiteren Angaben."
    ),
    "phone.invalid-characters": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Telefonnummer darf nur Ziffern, Leerzeichen und + ( ) / - enthalten."
    ),
    "phone.invalid": lambda: QCoreApplication.translate(
        "FindingTexts", "Das ist keine gültige Telefonnummer."
    ),
    "phone.too-short": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Telefonnummer ist zu kurz."
    ),
    "phone.too-long": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Telefonnummer ist zu lang."
    ),
    "phone.invalid-length": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Telefonnummer hat eine unmögliche Länge."
    ),
    "phone.invalid-country": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Ländervorwahl gibt es nicht."
    ),
    "phone.local-only": lambda: QCoreApplication.translate(
        "FindingTexts", "Vorwahl fehlt? Die Nummer ist so nur im Ortsnetz erreichbar."
    ),
    "phone.unlikely": lambda: QCoreApplication.translate(
        "FindingTexts", "Diese Nummer scheint nicht vergeben zu sein – bitte prüfen."
    ),
    "phone.short": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Nummer ist ungewöhnlich kurz – bitte prüfen."
    ),
    "phone.missing-plus": lambda: QCoreApplication.translate(
        "FindingTexts", "Meinten Sie {suggestion}?"
    ),
    "phone.foreign": lambda: QCoreApplication.translate(
        "FindingTexts", "Ausländische Nummer ({region})."
    ),
    "plate.invalid": lambda: QCoreApplication.translate(
        "FindingTexts", "So sieht kein deutsches Kennzeichen aus (Beispiel: M-AB 1234)."
    ),
    "plate.ambiguous": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Das Kennzeichen ist ohne Trennzeichen mehrdeutig ({options}). Bitte mit Bindestrich "
        "nach dem Ortskürzel eingeben.",
    ),
    "plate.split-needed": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Das Ortskürzel ist uns nicht bekannt, die Aufteilung daher unklar. Bitte mit "
        "Bindestrich nach dem Ortskürzel eingeben (z. B. M-AB 1234).",
    ),
    "plate.umlaut-in-letters": lambda: QCoreApplication.translate(
        "FindingTexts", "Nach dem Ortskürzel sind keine Umlaute erlaubt."
    ),
    "plate.leading-zero": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Zahl im Kennzeichen beginnt nie mit 0."
    ),
    "plate.too-long": lambda: QCoreApplication.translate(
        "FindingTexts", "Das Kennzeichen ist zu lang ({length} statt höchstens 8 Zeichen)."
    ),
    "plate.too-long-with-suffix": lambda: QCoreApplication.translate(
        "FindingTexts", "Mit E/H-Zusatz {length} Zeichen – bitte prüfen."
    ),
    "plate.unknown-district": lambda: QCoreApplication.translate(
        "FindingTexts", "Ortskürzel „{code}“ ist uns nicht bekannt – bitte prüfen."
    ),
    "plate.season-stripped": lambda: QCoreApplication.translate(
        "FindingTexts", "Saisonmonate ({months}) werden nicht übermittelt."
    ),
    "plate.official": lambda: QCoreApplication.translate(
        "FindingTexts", "Behördenkennzeichen (nur Ziffern)."
    ),
    "policy.sent-as": lambda: QCoreApplication.translate(
        "FindingTexts", "Wird ohne Trennzeichen übermittelt: {canonical}"
    ),
    "policy.invalid-characters": lambda: QCoreApplication.translate(
        "FindingTexts", "Diese Zeichen sind nicht erlaubt: {chars}"
    ),
    "policy.empty": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Versicherungsscheinnummer braucht Buchstaben oder Ziffern."
    ),
    "policy.too-long": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Nummer ist zu lang ({length} Zeichen, höchstens 20)."
    ),
    "policy.longer-than-gdv": lambda: QCoreApplication.translate(
        "FindingTexts", "Ungewöhnlich lang ({length} Zeichen) – bitte prüfen."
    ),
    "policy.letters-only": lambda: QCoreApplication.translate(
        "FindingTexts", "Nur Buchstaben – bitte prüfen."
    ),
    "policy.looks-like-evb": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Das sieht wie eine eVB-Nummer aus, nicht wie eine Versicherungsscheinnummer.",
    ),
    "consent.missing": lambda: QCoreApplication.translate(
        "FindingTexts", "Bitte fragen Sie die Einwilligung ab (Ja oder Nein)."
    ),
    "repair_consent.missing": lambda: QCoreApplication.translate(
        "FindingTexts", "Ohne Einverständnis zur Reparatur oder zum Austausch keine Vermittlung."
    ),
    "privacy.blocked": lambda: QCoreApplication.translate(
        "FindingTexts", "Bitte umformulieren: Der Text enthält unzulässige Angaben."
    ),
    "text.too-long": lambda: QCoreApplication.translate(
        "FindingTexts", "Die Angabe ist zu lang – bitte kürzen."
    ),
    "hsn.invalid": lambda: QCoreApplication.translate(
        "FindingTexts", "Die HSN hat genau 4 Ziffern (Fahrzeugschein Feld 2.1)."
    ),
    "tsn.invalid": lambda: QCoreApplication.translate(
        "FindingTexts", "Die TSN hat genau 3 Zeichen, Buchstaben oder Ziffern (Feld 2.2)."
    ),
    "fin.invalid": lambda: QCoreApplication.translate(
        "FindingTexts", "Die FIN hat 17 Zeichen, ohne I, O und Q (Fahrzeugschein Feld E)."
    ),
    "erstzulassung.invalid": lambda: QCoreApplication.translate(
        "FindingTexts", "Bitte das Jahr der Erstzulassung vierstellig angeben (ab 1900)."
    ),
    "date.invalid": lambda: QCoreApplication.translate(
        "FindingTexts", "Bitte ein gültiges Datum angeben."
    ),
    "date.future": lambda: QCoreApplication.translate(
        "FindingTexts", "Das Schadendatum liegt in der Zukunft."
    ),
    "date.past": lambda: QCoreApplication.translate(
        "FindingTexts", "Der Wunschtermin liegt in der Vergangenheit."
    ),
    "unknown-version": lambda: QCoreApplication.translate(
        "FindingTexts",
        "Der Einwilligungstext wurde geändert. Bitte lesen Sie die aktuelle Fassung vor und "
        "fragen Sie erneut.",
    ),
    "freetext_consent.missing": lambda: QCoreApplication.translate(
        "FindingTexts", "Freitext nur auf ausdrücklichen Wunsch des Kunden – bitte bestätigen."
    ),
}


def issue_text(code: str, params: Mapping[str, str] | None = None) -> str:
    """Plain-German message for a validation issue code."""
    maker = _ISSUE.get(code)
    if maker is None:
        return QCoreApplication.translate("FindingTexts", "Bitte prüfen Sie diese Angabe.")
    text = maker()
    try:
        return text.format(**(params or {}))
    except (KeyError, IndexError):
        return text
