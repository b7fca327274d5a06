"""Readable review of a referral payload for the broker ("Prüfen und senden").

:func:`readable_review` renders exactly the fields of the payload that leaves the PC (see
:func:`desktop.referral_form.build_payload`) as plain German text: the form's labels, catalogue
codes as their catalogue labels from ``GET /config``, grouped into mandatory data, voluntary
data (with consent) and the number of cleaned photos. Nothing is added that is not sent and
nothing sent is left out; the exact JSON stays available in the technical view. Each photo is
listed with its state (metadata removed, regions made unrecognisable, a decision missing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.referral_form import MANDATORY, VOLUNTARY
from desktop.views.referral.fields import plain_label

_INDENT = "    "


def _catalog_label(catalogs: Mapping[str, Any], catalog: str, code: str) -> str:
    for entry in catalogs.get(catalog) or []:
        if isinstance(entry, Mapping) and str(entry.get("code")) == code and entry.get("label"):
            return str(entry["label"])
    return code  # unknown to this config: the code itself is what is sent


def _date_text(value: str) -> str:
    try:
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    except ValueError:
        return value


def _time_text(value: str) -> str:
    """ISO UTC time as local German date and time ("06.12.2026, 14:05 Uhr")."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return value
    return (
        QCoreApplication.translate("ReferralReview", "%1, %2 Uhr")
        .replace("%1", moment.strftime("%d.%m.%Y"))
        .replace("%2", moment.strftime("%H:%M"))
    )


def _yes_no(value: object) -> str:
    return (
        QCoreApplication.translate("ReferralReview", "ja")
        if value
        else QCoreApplication.translate("ReferralReview", "nein")
    )


def _value_text(name: str, value: Any, catalogs: Mapping[str, Any]) -> str:
    spec = VOLUNTARY.get(name)
    if spec is None:
        return str(value)
    if spec.type == "code":
        return _catalog_label(catalogs, spec.catalog or name, str(value))
    if spec.type == "codes":
        codes: Sequence[Any] = value if isinstance(value, list | tuple) else [value]
        return ", ".join(_catalog_label(catalogs, spec.catalog or name, str(c)) for c in codes)
    if spec.type == "date":
        return _date_text(str(value))
    if spec.type == "bool":
        return _yes_no(value)
    return str(value)


def _line(label: str, value: str) -> str:
    """``label: value``; a multi-line value starts on its own line, indented."""
    if "\n" in value:
        body = "\n".join(_INDENT * 2 + part for part in value.splitlines())
        return f"{_INDENT}{label}:\n{body}"
    return f"{_INDENT}{label}: {value}"


def _empty(value: str) -> str:
    return value if value.strip() else QCoreApplication.translate("ReferralReview", "(leer)")


def readable_review(
    payload: Mapping[str, Any],
    catalogs: Mapping[str, Any] | None,
    photo_count: int = 0,
    photo_states: Sequence[str] = (),
) -> str:
    """The payload as a broker reads it; every field that leaves the PC, nothing else.

    ``photo_states`` are the photos' state lines in order ("Metadaten entfernt,
    2 Gesichter unkenntlich gemacht", "1 Person markiert – Entscheidung fehlt" …); without them
    only the count is shown.
    """
    catalogs = catalogs or {}
    kind = (
        QCoreApplication.translate("ReferralReview", "Schnellvermittlung")
        if payload.get("kind") == "quick"
        else QCoreApplication.translate("ReferralReview", "Komplettvermittlung")
    )
    lines = [
        kind,  # the client_ref (a UUID) is technical: never shown
        "",
        QCoreApplication.translate("ReferralReview", "Pflichtangaben"),
        _line(plain_label("servicenummer"), _empty(str(payload.get("servicenummer", "")))),
    ]
    for name in MANDATORY:
        lines.append(_line(plain_label(name), _empty(str(payload.get(name, "")))))
    lines.append(
        _line(
            QCoreApplication.translate(
                "ReferralReview", "Einverständnis mit Reparatur oder Austausch"
            ),
            _yes_no(payload.get("repair_consent")),
        )
    )
    lines += [
        "",
        QCoreApplication.translate("ReferralReview", "Freiwillige Angaben (mit Einwilligung)"),
    ]
    consent = payload.get("consent") or {}
    voluntary: Mapping[str, Any] = payload.get("voluntary") or {}
    if consent.get("granted") is True:
        given = QCoreApplication.translate("ReferralReview", "erteilt am %1").replace(
            "%1", _time_text(str(consent.get("captured_at")))
        )
        version = consent.get("text_version")
        if version:
            given += " " + QCoreApplication.translate(
                "ReferralReview", "(Einwilligungstext %1)"
            ).replace("%1", str(version))
        lines.append(_line(QCoreApplication.translate("ReferralReview", "Einwilligung"), given))
        if not voluntary:
            lines.append(
                _INDENT
                + QCoreApplication.translate(
                    "ReferralReview", "Keine freiwilligen Angaben eingetragen."
                )
            )
    else:
        lines.append(
            _line(
                QCoreApplication.translate("ReferralReview", "Einwilligung"),
                QCoreApplication.translate("ReferralReview", "nicht erteilt"),
            )
        )
        if not voluntary:
            lines.append(
                _INDENT
                + QCoreApplication.translate(
                    "ReferralReview", "Keine freiwilligen Angaben – die Einwilligung fehlt."
                )
            )
    for name, value in voluntary.items():  # the wizard's order (its tab chain)
        lines.append(_line(plain_label(name), _value_text(name, value, catalogs)))
    if photo_count and photo_states:
        count = QCoreApplication.translate("ReferralReview", "Schadenbilder: %n", None, photo_count)
        lines += ["", count]
        for number, state in enumerate(photo_states, start=1):
            label = QCoreApplication.translate("ReferralReview", "Bild %1").replace(
                "%1", str(number)
            )
            lines.append(_line(label, state))
    elif photo_count:
        lines += [
            "",
            QCoreApplication.translate(
                "ReferralReview", "Schadenbilder: %n (Metadaten entfernt)", None, photo_count
            ),
        ]
    return "\n".join(lines)


__all__ = ["readable_review"]
