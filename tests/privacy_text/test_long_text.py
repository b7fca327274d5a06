"""Long free text is analysed sentence by sentence; results must not depend on that."""

from __future__ import annotations

from desktop.privacy.text import check
from desktop.privacy.text.chunks import spans
from desktop.privacy.text.engine import get_engine

_SENTENCES = [
    "Bitte vor der Einfahrt parken, das Tor ist meist offen.",
    "Kd. ist schwerhörig und öffnet langsam.",
    "Termin am 14.05. ab 17 Uhr passt dem Kunden gut.",
    "Rückruf unter 0171 2345678 erbeten.",
    "Kd. Müller wohnt in der Lindenstr. 5, 50667 Köln.",
    "Er ist Mitglied der IG Metall und streikt morgen.",
]


def _long_text() -> str:
    return " ".join(f"{s[:-1]} (Hinweis {i})." for i, s in enumerate(_SENTENCES * 6))


def test_pieces_cover_the_text_and_keep_abbreviations() -> None:
    text = _long_text()
    pieces = spans(text)
    assert len(pieces) > 10
    assert all(text[a:b].strip() for a, b in pieces)
    joined = "".join(text[a:b] for a, b in pieces)
    assert joined.replace(" ", "") == text.replace(" ", "")
    assert not any(text[a:b].endswith(("Kd.", "Lindenstr.", "14.05.")) for a, b in pieces)


def test_findings_in_long_text_point_at_the_typed_words() -> None:
    text = _long_text()
    findings = check(text, "beschreibung")
    words = {(f.category, text[f.start : f.end]) for f in findings}
    assert ("health", "schwerhörig") in words
    assert ("identifier", "0171 2345678") in words
    assert ("identifier", "Lindenstr. 5, 50667 Köln") in words
    assert {f.category for f in findings} >= {"health", "identifier", "union"}
    assert [f.start for f in findings] == sorted(f.start for f in findings)


def test_results_do_not_depend_on_the_sentence_cache() -> None:
    text = _long_text()
    warm = check(text, "zusatzinfo")
    get_engine().clear_cache()
    assert check(text, "zusatzinfo") == warm


def test_editing_one_sentence_updates_its_findings() -> None:
    text = _long_text()
    before = check(text, "beschreibung")
    edited = text.replace("schwerhörig", "pünktlich", 1)
    after = check(edited, "beschreibung")
    health_before = [f for f in before if f.category == "health"]
    health_after = [f for f in after if f.category == "health"]
    assert len(health_after) == len(health_before) - 1


def test_length_warning_covers_the_whole_text() -> None:
    text = _long_text()
    length = [f for f in check(text, "zusatzinfo") if f.category == "length"]
    assert len(length) == 1
    assert length[0].end == len(text)
