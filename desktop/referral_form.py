"""Qt-free model of a referral form: field catalogue, consent-filtered payload, send checks.

The wizards read and write one :class:`ReferralForm`; :func:`build_payload` produces exactly
the JSON that leaves the PC (the review page shows it verbatim) and :func:`send_errors` the
blocking problems that stop sending. Names are the API field names (API.md, REFERENCE §1.2).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import UTC, date, datetime
from typing import Any, Literal

from desktop.validation import MANDATORY_CHECKS, FieldResult
from desktop.validation.free_text import matches_format

Kind = Literal["quick", "complete"]
FieldType = Literal["code", "codes", "text", "line", "date", "bool"]

MANDATORY = ("nachname", "telefon", "kennzeichen", "versicherungsscheinnummer")
FREE_TEXT = frozenset({"zusatzinfo", "bemerkungen"})
MAX_DAMAGE_AGE_DAYS = 28


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One voluntary field: API name, widget type, catalogue, size limit."""

    name: str
    type: FieldType
    catalog: str | None = None
    max: int = 0


def _code(name: str, catalog: str | None = None) -> FieldSpec:
    return FieldSpec(name, "code", catalog or name)


VOLUNTARY: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        _code("anrede"),
        FieldSpec("vorname", "line", max=60),
        FieldSpec("telefon2", "line", max=40),
        _code("versicherer"),
        _code("deckung"),
        _code("werkstattbindung"),
        _code("selbstbeteiligung"),
        _code("vorsteuerabzug"),
        FieldSpec("ust_id", "line", max=20),
        FieldSpec("schadennummer", "line", max=40),
        FieldSpec("schadendatum", "date"),
        _code("ursache"),
        _code("scheibe"),
        _code("schadenart"),
        _code("anzahl_einschlaege"),
        _code("schadengroesse"),
        _code("lage"),
        _code("schadenbild"),
        FieldSpec("fahrzeug_hersteller", "line", max=40),
        FieldSpec("fahrzeug_modell", "line", max=60),
        FieldSpec("erstzulassung", "line", max=4),
        FieldSpec("hsn", "line", max=4),
        FieldSpec("tsn", "line", max=3),
        FieldSpec("fin", "line", max=17),
        FieldSpec("assistenzsysteme", "codes", "assistenzsysteme", 6),
        _code("service_wunsch"),
        FieldSpec("einsatzort", "line", max=200),
        FieldSpec("wunschtermin", "date"),
        _code("wunschtermin_fenster"),
        FieldSpec("zeitfenster", "codes", "zeitfenster", 3),
        FieldSpec("nicht_am_arbeitsplatz", "bool"),
        FieldSpec("zusatzinfo", "text", max=1000),
        FieldSpec("bemerkungen", "text", max=1000),
    )
}

# Sections of the complete referral in call-script order: (key, field names).
COMPLETE_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("person", ("anrede", "vorname", "telefon2")),
    (
        "schaden",
        (
            "schadenart",
            "scheibe",
            "anzahl_einschlaege",
            "schadengroesse",
            "lage",
            "schadenbild",
            "ursache",
            "schadendatum",
        ),
    ),
    (
        "fahrzeug",
        (
            "fahrzeug_hersteller",
            "fahrzeug_modell",
            "erstzulassung",
            "hsn",
            "tsn",
            "fin",
            "assistenzsysteme",
        ),
    ),
    (
        "versicherung",
        (
            "versicherer",
            "deckung",
            "werkstattbindung",
            "selbstbeteiligung",
            "vorsteuerabzug",
            "ust_id",
            "schadennummer",
        ),
    ),
    ("service", ("service_wunsch", "einsatzort", "wunschtermin", "wunschtermin_fenster")),
    ("erreichbarkeit", ("zeitfenster", "nicht_am_arbeitsplatz")),
    ("zusatzinfo", ("zusatzinfo",)),
)
QUICK_FIELDS: tuple[str, ...] = ("schadenart", "scheibe", "bemerkungen")


def fields_for(kind: Kind) -> tuple[str, ...]:
    """Voluntary field names of a wizard, in tab order."""
    if kind == "quick":
        return QUICK_FIELDS
    return tuple(name for _, names in COMPLETE_SECTIONS for name in names)


@dataclass(frozen=True, slots=True)
class PhotoUpload:
    """A cleaned photo ready for upload (same fields as the outbox's ``PendingImage``).

    ``review`` is what the agent decided about its flags (:mod:`desktop.privacy.photo_review`),
    declared to the server on upload; ``meta`` describes the tile (never sent).
    """

    image_id: str
    data: bytes
    media_type: str
    review: str = "none"
    meta: Mapping[str, Any] | None = None  # what the tile showed (kept in the outbox)


@dataclass(frozen=True, slots=True)
class FormError:
    """A blocking problem at one field (``code`` maps to German text)."""

    field: str
    code: str
    params: Mapping[str, str] = dc_field(default_factory=dict)


@dataclass(slots=True)
class ReferralForm:
    """What the agent entered; raw values, nothing filtered yet."""

    kind: Kind
    servicenummer: str = ""
    client_ref: str = dc_field(default_factory=lambda: str(uuid.uuid4()))
    mandatory: dict[str, str] = dc_field(default_factory=dict)
    repair_consent: bool = False
    consent: bool | None = None
    consent_text_version: str | None = None
    consent_captured_at: str | None = None
    freetext_consent: bool = False
    voluntary: dict[str, Any] = dc_field(default_factory=dict)

    def set_consent(self, granted: bool, text_version: str | None) -> None:
        """Record the answer to the consent question with the time it was given."""
        self.consent = granted
        self.consent_text_version = text_version if granted else None
        self.consent_captured_at = now_iso() if granted else None


def now_iso() -> str:
    """Current UTC time, ISO 8601 with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def is_empty(value: Any) -> bool:
    """True for values that carry no information (None, "", [], False)."""
    if value is None or value is False:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | dict | set):
        return not value
    return False


def mandatory_results(form: ReferralForm) -> dict[str, FieldResult]:
    """Validation result of each mandatory field."""
    return {name: MANDATORY_CHECKS[name](form.mandatory.get(name, "")) for name in MANDATORY}


def voluntary_values(form: ReferralForm) -> dict[str, Any]:
    """The voluntary values that may leave the PC: only with consent, free text only with
    the customer's explicit wish, only fields of this wizard, empty values dropped."""
    if form.consent is not True:
        return {}
    allowed = set(fields_for(form.kind))
    out: dict[str, Any] = {}
    for name, value in form.voluntary.items():
        if name not in allowed or name not in VOLUNTARY or is_empty(value):
            continue
        if name in FREE_TEXT and not form.freetext_consent:
            continue
        out[name] = _clean(VOLUNTARY[name], value)
    return out


def _clean(spec: FieldSpec, value: Any) -> Any:
    if spec.type in ("text", "line", "date"):
        return str(value).strip()
    if spec.type == "codes":
        return sorted({str(v) for v in value})
    if spec.type == "bool":
        return bool(value)
    return str(value)


def build_payload(form: ReferralForm) -> dict[str, Any]:
    """The exact ``POST /referrals`` body (consent-filtered, canonical mandatory values)."""
    results = mandatory_results(form)
    payload: dict[str, Any] = {
        "client_ref": form.client_ref,
        "kind": form.kind,
        "servicenummer": form.servicenummer,
    }
    for name in MANDATORY:
        canonical = results[name].canonical
        payload[name] = canonical if canonical is not None else form.mandatory.get(name, "").strip()
    payload["repair_consent"] = form.repair_consent
    if form.consent is True:
        payload["consent"] = {
            "granted": True,
            "text_version": form.consent_text_version,
            "captured_at": form.consent_captured_at,
        }
    else:
        payload["consent"] = {"granted": False}
    payload["voluntary"] = voluntary_values(form)
    return payload


def review_text(payload: Mapping[str, Any]) -> str:
    """The payload as the review page shows it (pretty JSON, umlauts readable)."""
    return json.dumps(payload, indent=2, ensure_ascii=False)


def voluntary_format_error(name: str, value: Any, *, today: date | None = None) -> str | None:
    """Format problem code of one voluntary value, or None."""
    if is_empty(value):
        return None
    spec = VOLUNTARY.get(name)
    text = str(value).strip()
    if spec is not None and spec.type in ("text", "line") and spec.max and len(text) > spec.max:
        return "text.too-long"
    today = today or date.today()
    checks: dict[str, Callable[[], str | None]] = {
        "hsn": lambda: None if matches_format("hsn", text) else "hsn.invalid",
        "tsn": lambda: None if matches_format("tsn", text) else "tsn.invalid",
        "fin": lambda: None if matches_format("fin", text) else "fin.invalid",
        "erstzulassung": lambda: _year_error(text, today),
        "telefon2": lambda: _phone_error(text),
        "schadendatum": lambda: _date_error(text, today, past=True),
        "wunschtermin": lambda: _date_error(text, today, past=False),
    }
    check = checks.get(name)
    return check() if check else None


def _phone_error(text: str) -> str | None:
    errors = MANDATORY_CHECKS["telefon"](text).errors
    return errors[0].code if errors else None


def _year_error(text: str, today: date) -> str | None:
    if not text.isdigit() or not 1900 <= int(text) <= today.year:
        return "erstzulassung.invalid"
    return None


def _date_error(text: str, today: date, *, past: bool) -> str | None:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        return "date.invalid"
    if past and value > today:
        return "date.future"
    if not past and value < today:
        return "date.past"
    return None


def damage_is_old(value: str, *, today: date | None = None) -> bool:
    """Warning (never blocking): damage older than 28 days makes repair less likely."""
    try:
        return ((today or date.today()) - date.fromisoformat(value)).days > MAX_DAMAGE_AGE_DAYS
    except ValueError:
        return False


def send_errors(form: ReferralForm, *, privacy_blocked: Iterable[str] = ()) -> list[FormError]:
    """Everything that blocks sending, in form order (drives the error summary)."""
    errors: list[FormError] = []
    for name, result in mandatory_results(form).items():
        blocking = result.errors
        if blocking:
            errors.append(FormError(name, blocking[0].code, dict(blocking[0].params)))
    blocked = set(privacy_blocked)
    if "nachname" in blocked and not any(e.field == "nachname" for e in errors):
        errors.append(FormError("nachname", "privacy.blocked"))
    if not form.repair_consent:
        errors.append(FormError("repair_consent", "repair_consent.missing"))
    if form.consent is None:
        errors.append(FormError("consent", "consent.missing"))
    if form.consent is True:
        errors.extend(_voluntary_errors(form, blocked))
    return errors


def _voluntary_errors(form: ReferralForm, blocked: set[str]) -> list[FormError]:
    errors: list[FormError] = []
    names = fields_for(form.kind)
    has_free_text = any(not is_empty(form.voluntary.get(n)) for n in names if n in FREE_TEXT)
    if has_free_text and not form.freetext_consent:
        errors.append(FormError("freetext_consent", "freetext_consent.missing"))
    for name in names:
        code = voluntary_format_error(name, form.voluntary.get(name))
        if code is not None:
            errors.append(FormError(name, code))
        elif name in blocked and not is_empty(form.voluntary.get(name)):
            errors.append(FormError(name, "privacy.blocked"))
    return errors


def pointer_field(pointer: str) -> str:
    """Form field for a problem+json pointer (``/voluntary/zusatzinfo`` → ``zusatzinfo``)."""
    parts = [p for p in pointer.split("/") if p]
    if not parts:
        return ""
    if parts[0] in ("voluntary", "consent") and len(parts) > 1:
        return parts[1] if parts[0] == "voluntary" else "consent"
    return parts[0]
