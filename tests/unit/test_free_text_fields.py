"""Every text field of the referral schema is either privacy-checked free text or has a fixed
format, from the one list client and server share (``desktop.validation.free_text``)."""

from __future__ import annotations

from desktop.referral_form import VOLUNTARY
from desktop.validation import MANDATORY_CHECKS
from desktop.validation.free_text import FORMATTED_FIELDS, FREE_TEXT_FIELDS, matches_format
from extranet.catalogs import VOLUNTARY_FIELDS
from extranet.referral_rules import ReferralIn

# Top-level strings the server validates exactly (UUID, enum, equality with the account's).
_EXACT = {"client_ref", "kind", "servicenummer"}


def _server_text_fields() -> set[str]:
    return {name for name, (kind, _catalog, _max) in VOLUNTARY_FIELDS.items() if kind == "text"}


def _client_text_fields() -> set[str]:
    return {name for name, spec in VOLUNTARY.items() if spec.type in ("text", "line")}


def test_every_schema_text_field_is_listed_once() -> None:
    listed = set(FREE_TEXT_FIELDS) | set(FORMATTED_FIELDS)
    assert not set(FREE_TEXT_FIELDS) & set(FORMATTED_FIELDS)
    assert _server_text_fields() <= listed, _server_text_fields() - listed
    assert _client_text_fields() <= listed, _client_text_fields() - listed


def test_every_top_level_string_is_checked() -> None:
    strings = {name for name, info in ReferralIn.model_fields.items() if info.annotation is str}
    assert {"nachname", "telefon", "client_ref"} <= strings
    unchecked = strings - set(FREE_TEXT_FIELDS) - set(MANDATORY_CHECKS) - _EXACT
    assert not unchecked


def test_the_list_names_real_fields_and_engine_profiles() -> None:
    from desktop.privacy.text import FIELDS

    known = set(VOLUNTARY_FIELDS) | set(ReferralIn.model_fields)
    assert set(FREE_TEXT_FIELDS) <= known
    assert set(FORMATTED_FIELDS) <= known
    assert {rule.engine_field for rule in FREE_TEXT_FIELDS.values()} <= FIELDS


def test_the_client_and_the_server_schema_agree_on_text_fields() -> None:
    assert _client_text_fields() == _server_text_fields()


def test_formatted_fields_leave_no_room_for_words() -> None:
    good = {
        "telefon2": "+49 30 1234567",
        "hsn": "0603",
        "tsn": "BKF",
        "fin": "WVWZZZ1KZ6W000001",
        "erstzulassung": "2019",
    }
    assert set(good) == set(FORMATTED_FIELDS)
    for name, value in good.items():
        assert matches_format(name, value), name
        assert not matches_format(name, value + " Dialyse"), name
        assert not matches_format(name, "HIV+"), name
