"""Validation of the mandatory referral fields (pure Python, shared by client and server).

Each check returns the canonical value and a tuple of issues; an ``error`` issue blocks
sending, ``warning`` and ``hint`` never do. Issue codes are stable (``plate.unknown-district``,
``phone.unlikely``, ...) and map to German UI text in ``desktop/widgets/field_edits.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.validation.districts import district_place, is_known_district, register_districts
from desktop.validation.names import check_surname
from desktop.validation.phone import check_phone, display_phone
from desktop.validation.plate import check_plate
from desktop.validation.policy import check_policy_number, normalise_policy_number
from desktop.validation.result import FieldResult, Issue, Severity

__all__ = [
    "MANDATORY_CHECKS",
    "FieldResult",
    "Issue",
    "Severity",
    "check_phone",
    "check_plate",
    "check_policy_number",
    "check_surname",
    "display_phone",
    "district_place",
    "is_known_district",
    "normalise_policy_number",
    "register_districts",
]

MANDATORY_CHECKS: dict[str, Callable[[str], FieldResult]] = {
    "nachname": check_surname,
    "telefon": check_phone,
    "kennzeichen": check_plate,
    "versicherungsscheinnummer": check_policy_number,
}
