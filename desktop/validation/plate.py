"""German licence plate (Kfz-Kennzeichen) check, canonical ``UZ-LL 1234S``.

Rules (REFERENCE §2.1): Unterscheidungszeichen 1–3 letters (umlauts allowed), Erkennungsnummer
1–2 letters without umlauts + 1–4 digits (no leading zero), optional E/H suffix, official
plates UZ + 1–6 digits. Separators are optional but without one after the district code the
split can be ambiguous (``DES123`` = DE-S 123 or D-ES 123): then the agent must type it.
The core (without suffix) must not exceed 8 characters; core + suffix > 8 is only a warning
because the sources disagree whether the suffix counts. Season months ("03-10") are printed on
the plate but are not part of the registration: they are stripped with a hint.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.validation.districts import district_place
from desktop.validation.result import FieldResult, Issue, required

MAX_CORE = 8
_SEP = r"[\s\-–‐]"
_SEASON = re.compile(rf"{_SEP}+\(?(?P<a>0?[1-9]|1[0-2])\s*[-–/.]\s*(?P<b>0?[1-9]|1[0-2])\)?\s*$")
_WITH_SEP = re.compile(rf"^(?P<uz>[A-ZÄÖÜ]{{1,3}})(?:{_SEP}+|:)(?P<rest>.+)$")
_REST = re.compile(rf"^(?P<let>[A-ZÄÖÜ]{{1,2}}){_SEP}*(?P<num>\d{{1,4}}){_SEP}*(?P<suf>[EH])?$")
_OFFICIAL = re.compile(rf"^(?P<uz>[A-ZÄÖÜ]{{1,3}}){_SEP}+(?P<num>\d(?:{_SEP}?\d){{0,5}})$")
_COMPACT = re.compile(r"^(?P<letters>[A-ZÄÖÜ]{2,5})(?P<num>\d{1,4})(?P<suf>[EH])?$")


@dataclass(frozen=True, slots=True)
class _Parts:
    uz: str
    letters: str
    number: str
    suffix: str


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).strip().upper()
    return re.sub(r"\s+", " ", text)


def _strip_season(text: str) -> tuple[str, Issue | None]:
    match = _SEASON.search(text)
    if match is None or not re.search(r"\d", text[: match.start()]):
        return text, None
    months = f"{int(match['a']):02d}-{int(match['b']):02d}"
    return text[: match.start()].rstrip(), Issue(
        "plate.season-stripped", "hint", {"months": months}
    )


def _compact_splits(text: str) -> list[_Parts]:
    """All syntactically possible splits of a plate typed without separator."""
    match = _COMPACT.match(text)
    if match is None:
        return []
    letters, splits = match["letters"], []
    for cut in range(1, 4):
        uz, ll = letters[:cut], letters[cut:]
        if 1 <= len(ll) <= 2 and not any(ch in "ÄÖÜ" for ch in ll):
            splits.append(_Parts(uz, ll, match["num"], match["suf"] or ""))
    return splits


def _canonical(parts: _Parts) -> str:
    return f"{parts.uz}-{parts.letters} {parts.number}{parts.suffix}"


def _parse_regular(text: str) -> tuple[_Parts | None, list[Issue]]:
    with_sep = _WITH_SEP.match(text)
    if with_sep is not None:
        rest = _REST.match(with_sep["rest"].strip())
        if rest is None and with_sep["rest"][:1].isdigit():
            return _parse_compact(text)  # "BAB 1234": separator after the letters
        if rest is None:
            return None, [Issue("plate.invalid", "error")]
        if any(ch in "ÄÖÜ" for ch in rest["let"]):
            return None, [Issue("plate.umlaut-in-letters", "error")]
        return _Parts(with_sep["uz"], rest["let"], rest["num"], rest["suf"] or ""), []
    return _parse_compact(text)


def _parse_compact(text: str) -> tuple[_Parts | None, list[Issue]]:
    splits = _compact_splits(re.sub(_SEP, "", text))
    if not splits:
        return None, [Issue("plate.invalid", "error")]
    known = [p for p in splits if district_place(p.uz) is not None]
    if not known:
        # No known district marks where the letters split: never guess one the agent did
        # not type ("QQQQQ 1" is not "QQQ-QQ 1"); the agent types the hyphen.
        return None, [Issue("plate.split-needed", "error")]
    if len(known) > 1:
        options = " / ".join(_canonical(p) for p in known)
        return None, [Issue("plate.ambiguous", "error", {"options": options})]
    return known[0], []


def _official(text: str) -> FieldResult | None:
    match = _OFFICIAL.match(text)
    if match is None:
        return None
    digits = re.sub(r"\D", "", match["num"])
    if digits.startswith("0"):
        return FieldResult(None, (Issue("plate.leading-zero", "error"),))
    issues: list[Issue] = [Issue("plate.official", "hint")]
    if district_place(match["uz"]) is None:
        issues.append(Issue("plate.unknown-district", "warning", {"code": match["uz"]}))
    if len(match["uz"]) + len(digits) > MAX_CORE:
        issues.append(
            Issue("plate.too-long", "error", {"length": str(len(match["uz"]) + len(digits))})
        )
        return FieldResult(None, tuple(issues))
    return FieldResult(f"{match['uz']}-{digits}", tuple(issues))


def check_plate(raw: str) -> FieldResult:
    """German licence plate, canonical ``UZ-LL 1234S`` (official plates ``UZ-123456``)."""
    missing = required(raw)
    if missing is not None:
        return missing
    text, season = _strip_season(_normalise(raw))
    leading: list[Issue] = [season] if season else []
    official = _official(text)
    if official is not None:
        return FieldResult(official.canonical, (*leading, *official.issues))
    parts, issues = _parse_regular(text)
    if parts is None:
        return FieldResult(None, (*leading, *issues))
    if parts.number.startswith("0"):
        return FieldResult(None, (*leading, Issue("plate.leading-zero", "error")))
    found = leading
    if district_place(parts.uz) is None:
        found.append(Issue("plate.unknown-district", "warning", {"code": parts.uz}))
    core = len(parts.uz) + len(parts.letters) + len(parts.number)
    if core > MAX_CORE:
        found.append(Issue("plate.too-long", "error", {"length": str(core)}))
        return FieldResult(None, tuple(found))
    if parts.suffix and core + 1 > MAX_CORE:
        found.append(Issue("plate.too-long-with-suffix", "warning", {"length": str(core + 1)}))
    return FieldResult(_canonical(parts), tuple(found))
