"""The consent-filtered payload and the send checks of ``desktop.referral_form``."""

from __future__ import annotations

from datetime import date

from desktop.referral_form import (
    ReferralForm,
    build_payload,
    damage_is_old,
    pointer_field,
    send_errors,
    voluntary_format_error,
)


def _form(kind: str = "quick") -> ReferralForm:
    form = ReferralForm(kind=kind, servicenummer="SN-1")  # type: ignore[arg-type]
    form.mandatory = {
        "nachname": " Meier ",
        "telefon": "0221 1234567",
        "kennzeichen": "k ab123",
        "versicherungsscheinnummer": "VS-123/45",
    }
    form.repair_consent = True
    return form


def test_payload_has_canonical_mandatory_values() -> None:
    payload = build_payload(_form())
    assert payload["nachname"] == "Meier"
    assert payload["telefon"] == "+492211234567"
    assert payload["kennzeichen"] == "K-AB 123"
    assert payload["versicherungsscheinnummer"] == "VS12345"
    assert payload["servicenummer"] == "SN-1"
    assert payload["kind"] == "quick"


def test_without_consent_nothing_voluntary_leaves() -> None:
    form = _form()
    form.voluntary = {"schadenart": "riss", "bemerkungen": "Hinterhof"}
    form.set_consent(False, "2026-01")
    payload = build_payload(form)
    assert payload["voluntary"] == {}
    assert payload["consent"] == {"granted": False}


def test_consent_records_version_and_time() -> None:
    form = _form()
    form.voluntary = {"schadenart": "riss", "scheibe": "", "zusatzinfo": "not in quick"}
    form.set_consent(True, "2026-01")
    payload = build_payload(form)
    assert payload["voluntary"] == {"schadenart": "riss"}
    assert payload["consent"]["granted"] is True
    assert payload["consent"]["text_version"] == "2026-01"
    assert payload["consent"]["captured_at"].endswith("Z")


def test_free_text_needs_explicit_wish() -> None:
    form = _form()
    form.voluntary = {"bemerkungen": "Bitte laut klingeln"}
    form.set_consent(True, "2026-01")
    assert "bemerkungen" not in build_payload(form)["voluntary"]
    assert [e.field for e in send_errors(form)] == ["freetext_consent"]
    form.freetext_consent = True
    assert build_payload(form)["voluntary"] == {"bemerkungen": "Bitte laut klingeln"}
    assert send_errors(form) == []


def test_send_errors_in_form_order() -> None:
    form = ReferralForm(kind="quick")
    form.mandatory = {"kennzeichen": "DES123"}
    errors = send_errors(form)
    assert [e.field for e in errors] == [
        "nachname",
        "telefon",
        "kennzeichen",
        "versicherungsscheinnummer",
        "repair_consent",
        "consent",
    ]
    assert errors[2].code == "plate.ambiguous"


def test_privacy_blocked_field_blocks() -> None:
    form = _form()
    form.voluntary = {"bemerkungen": "x"}
    form.set_consent(True, "v")
    form.freetext_consent = True
    assert [e.code for e in send_errors(form, privacy_blocked={"bemerkungen"})] == [
        "privacy.blocked"
    ]


def test_voluntary_formats() -> None:
    today = date(2026, 11, 25)
    assert voluntary_format_error("hsn", "0603") is None
    assert voluntary_format_error("hsn", "06a3") == "hsn.invalid"
    assert voluntary_format_error("fin", "WVWZZZ1JZXW000001") is None
    assert voluntary_format_error("fin", "WVWZZZ1JZXW00000O") == "fin.invalid"
    assert voluntary_format_error("schadendatum", "2026-12-01", today=today) == "date.future"
    assert voluntary_format_error("erstzulassung", "1899", today=today) == "erstzulassung.invalid"
    assert voluntary_format_error("telefon2", "0221 1234567") is None
    assert voluntary_format_error("telefon2", "12") == "phone.too-short"  # impossible: blocks
    assert voluntary_format_error("telefon2", "+49 30123") is None  # unlikely: never blocks
    assert damage_is_old("2026-10-01", today=today)
    assert not damage_is_old("2026-11-20", today=today)


def test_pointer_field() -> None:
    assert pointer_field("/voluntary/zusatzinfo") == "zusatzinfo"
    assert pointer_field("/kennzeichen") == "kennzeichen"
    assert pointer_field("/consent/text_version") == "consent"


def test_every_issue_code_has_a_german_text() -> None:
    import re
    from pathlib import Path

    from desktop.widgets.finding_texts import issue_text

    root = Path(__file__).resolve().parents[2] / "desktop"
    validation = sorted((root / "validation").glob("*.py"))
    # free_text.py names privacy engine rule ids (what a field is for), not issue codes
    sources = [*(p for p in validation if p.name != "free_text.py"), root / "referral_form.py"]
    codes = {
        code
        for path in sources
        for code in re.findall(r'"([a-z_]+\.[a-z-]+)"', path.read_text(encoding="utf-8"))
        if not code.endswith((".py", ".tsv"))
    }
    assert len(codes) > 30
    fallback = issue_text("__no_such_code__")
    assert sorted(c for c in codes if issue_text(c) == fallback) == []


def test_every_privacy_category_has_its_own_german_text() -> None:
    from desktop.widgets.finding_texts import dismiss_label, finding_text

    categories = (
        "health",
        "ethnic_origin",
        "political",
        "religion",
        "union",
        "sex_life",
        "biometric_genetic",
        "judgement",
        "identifier",
        "name_misuse",
        "length",
    )
    fallback = finding_text("__no_such_category__")
    texts = {category: finding_text(category) for category in categories}
    assert [c for c, text in texts.items() if text == fallback] == []
    assert len(set(texts.values())) == len(categories)
    assert "ausdrücklich" in texts["length"]
    assert "ausdrücklich" in dismiss_label("length")
