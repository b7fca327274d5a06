"""Evasions are normalised, matched, and reported at the ORIGINAL offsets."""

from __future__ import annotations

import pytest

from desktop.privacy.text import check
from desktop.privacy.text.normalize import normalize


def _health(text: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in check(text, "zusatzinfo") if f.category == "health"]


@pytest.mark.parametrize(
    "word",
    [
        "schwerhörig",
        "SCHWERHÖRIG",
        "schwerhoerig",
        "Schwerhoerig",
        "schwer\u00adhörig",  # soft hyphen
        "schwer\u200bhö\u200crig",  # zero-width space / non-joiner
        "schwerho\u0308rig",  # combining diaeresis
        "s c h w e r h ö r i g",  # letter spacing
        "S-C-H-W-E-R-H-Ö-R-I-G",
        "schwer-hörig",
    ],
)
def test_evasion_is_found_at_original_offsets(word: str) -> None:
    prefix = "Bitte beachten: Kd. ist "
    text = prefix + word + ", danke."
    assert _health(text) == [(len(prefix), len(prefix) + len(word))]


def test_offsets_after_earlier_evasions_point_at_the_typed_word() -> None:
    text = "Gr\u00fc\u00dfe\u200b\u200b, Ku\u0308nde ist t a u b und Diabetiker"
    spans = [text[s:e] for s, e in _health(text)]
    assert any(span.endswith("t a u b") for span in spans)
    assert "Diabetiker" in spans


def test_offsets_after_umlaut_expansion() -> None:
    text = "Über Straße ÄÖÜ: Kunde ist gehörlos"
    assert [text[s:e] for s, e in _health(text)] == ["gehörlos"]


def test_normalize_maps_every_span_into_the_original() -> None:
    text = "A\u200bß\u00adC o\u0308 x"
    norm = normalize(text)
    assert norm.text == "assc oe x"
    for start in range(len(norm.text)):
        for end in range(start + 1, len(norm.text) + 1):
            s, e = norm.span(start, end)
            assert 0 <= s < e <= len(text)


def test_ordinary_spaced_text_is_not_collapsed_into_a_finding() -> None:
    assert check("Seite A B C D bitte prüfen", "zusatzinfo") == []


@pytest.mark.parametrize(
    ("text", "category", "typed"),
    [
        ("Kd. ist I G   M e t a l l, Termin später", "union", "I G   M e t a l l"),
        ("Kd. ist A f D - W ä h l e r", "political", "A f D - W ä h l e r"),
        ("Kd. s c h w e r   h ö r i g", "health", "s c h w e r   h ö r i g"),
    ],
)
def test_several_letter_spaced_words(text: str, category: str, typed: str) -> None:
    found = [f for f in check(text, "bemerkungen") if f.category == category]
    assert found
    start = text.index(typed)
    assert start <= found[0].start < found[0].end <= start + len(typed)


def test_abbreviations_with_dots_are_not_collapsed_into_words() -> None:
    assert normalize("Kd. u. Fr. Meier").text == "kd. u. fr. meier"
