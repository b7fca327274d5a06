"""Which referral fields take free text: one list for the client's live check and the server's.

Every text field of the referral schema is in exactly one of two lists:

- :data:`FREE_TEXT_FIELDS`: anything may be typed, so the privacy text engine checks it on both
  sides (the client live while typing, the reference server again before storing; blocking
  findings refuse the referral with 422 ``privacy-violation``). Each entry names the engine's
  field profile and the rules the field exists for (an address in the Einsatzort), which are
  not findings there.
- :data:`FORMATTED_FIELDS`: a fixed format that leaves no room for words (second phone number,
  HSN, TSN, FIN, year of first registration); both sides refuse any other value.

``tests/unit/test_free_text_fields.py`` fails when a text field is added to the schema without
being placed in one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

from desktop.validation.phone import check_phone


class _HasRule(Protocol):
    @property
    def rule_id(self) -> str: ...


_F = TypeVar("_F", bound=_HasRule)


@dataclass(frozen=True, slots=True)
class FreeTextField:
    """How one free-text field is checked by the privacy text engine."""

    engine_field: str
    """The engine's field profile (``desktop.privacy.text.FIELDS``)."""
    ignore_rules: frozenset[str] = frozenset()
    """Rule ids that are the purpose of the field, not a finding in it."""

    def relevant(self, findings: Iterable[_F]) -> list[_F]:
        """``findings`` without those the field exists for."""
        return [f for f in findings if f.rule_id not in self.ignore_rules]


_LINE = "zusatzinfo"  # one-line free text gets the Zusatzinfo profile (Art. 9, identifiers)

FREE_TEXT_FIELDS: Mapping[str, FreeTextField] = {
    "nachname": FreeTextField("nachname"),
    "vorname": FreeTextField("nachname"),
    "ust_id": FreeTextField(_LINE),
    "schadennummer": FreeTextField(_LINE),
    "fahrzeug_hersteller": FreeTextField(_LINE),
    "fahrzeug_modell": FreeTextField(_LINE),
    "einsatzort": FreeTextField(_LINE, frozenset({"identifier.address"})),
    "zusatzinfo": FreeTextField("zusatzinfo"),
    "bemerkungen": FreeTextField("bemerkungen"),
}


def _pattern(regex: str) -> Callable[[str], bool]:
    compiled = re.compile(regex)
    return lambda value: compiled.fullmatch(value) is not None


def _phone(value: str) -> bool:
    return not check_phone(value).errors  # digits and separators only: no room for words


FORMATTED_FIELDS: Mapping[str, Callable[[str], bool]] = {
    "telefon2": _phone,
    "hsn": _pattern(r"\d{4}"),
    "tsn": _pattern(r"[A-Za-z0-9]{3}"),
    "fin": _pattern(r"[A-HJ-NPR-Za-hj-npr-z0-9]{17}"),
    "erstzulassung": _pattern(r"\d{4}"),
}


def matches_format(name: str, value: str) -> bool:
    """True when ``value`` has the fixed format of the formatted field ``name``."""
    return FORMATTED_FIELDS[name](value.strip())
