"""Every entry of the reviewable rule files compiles and does what its syntax says.

The reference server re-checks free text with this engine, so a broken regex in a lexicon
file would break the server: each entry is compiled on its own here, and every plain word or
phrase must find itself when typed.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from desktop.paths import resource_path
from desktop.privacy.text.lexicon import Matcher, Rule, _kind, _regex_source, parse_file
from desktop.privacy.text.model import CATEGORIES
from desktop.privacy.text.normalize import normalize

ROOT = resource_path("privacy")
LEXICONS = sorted((ROOT / "lexicon").glob("*.txt"))
_REGEX_SYNTAX = re.compile(r"[|\\?{}^$+\[\]]")
RULE_FILES = [
    *LEXICONS,
    ROOT / "clean.txt",
    ROOT / "animals.txt",
    ROOT / "names.txt",
    ROOT / "fuzzy_stop.txt",
]


def _entries(path: Path) -> list[tuple[Rule, str]]:
    if path.name == "fuzzy_stop.txt":  # plain word list without sections
        return []
    return parse_file(path)


def test_there_are_lexicons_for_every_art9_category() -> None:
    names = {p.stem for p in LEXICONS}
    assert {"health", "ethnic_origin", "political", "religion", "union", "sex_life"} <= names
    assert {"biometric_genetic", "judgement"} <= names


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_every_entry_compiles(path: Path) -> None:
    broken = []
    for _rule, entry in _entries(path):
        if _kind(entry) is None:
            try:
                re.compile(_regex_source(entry))
            except re.error as exc:
                broken.append(f"{entry!r}: {exc}")
    assert broken == []


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_plain_entries_contain_no_regex_syntax(path: Path) -> None:
    """Regex syntax in an entry without ``re:`` would be matched literally (never)."""
    suspicious = [e for _r, e in _entries(path) if _kind(e) is not None and _REGEX_SYNTAX.search(e)]
    assert suspicious == []


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_sections_name_known_categories(path: Path) -> None:
    rules = {rule for rule, _entry in parse_file(path)}
    assert rules
    assert {r.category for r in rules} <= set(CATEGORIES)
    assert all(re.fullmatch(r"[a-z_]+\.[a-z0-9_]+", r.rule_id) for r in rules)


@pytest.mark.parametrize("path", LEXICONS, ids=lambda p: p.name)
def test_every_plain_entry_finds_itself(path: Path) -> None:
    pairs = parse_file(path)
    matcher = Matcher(pairs)
    missed = []
    for rule, entry in pairs:
        if _kind(entry) is None:
            continue
        word = entry.strip("*")
        # "word~" is an adjective with its endings: the word and a declined form
        forms = [word[:-1], word[:-1] + "en"] if word.endswith("~") else [word]
        for typed in forms:
            norm = normalize(f"x {typed} x")
            hits = [h for h in matcher.find(norm.text) if h.rule == rule]
            start, end = norm.span(
                min((h.start for h in hits), default=0), max((h.end for h in hits), default=0)
            )
            if not hits or norm.original[start:end].strip() != typed.strip():
                missed.append(entry)
    assert missed == []


def test_identifier_context_lists_are_lists_of_words() -> None:
    with (ROOT / "identifiers.toml").open("rb") as fh:
        config = tomllib.load(fh)
    assert {"job", "phone", "id_document", "tax", "bank"} <= set(config)
    for words in config.values():
        assert words
        assert all(isinstance(w, str) and w == w.lower() for w in words)
