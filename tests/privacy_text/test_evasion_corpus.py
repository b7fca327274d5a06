"""The labelled evasion and identifier sentences of ``data/evasions_dev.jsonl`` (two thirds of
a corpus written for these rules; the held-out third lives in ``bench/heldout`` and is never
read by a test): every line gets exactly its gold categories, and every finding of an evasion
underlines the characters as typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.privacy.text import check

_DATA = Path(__file__).resolve().parent / "data" / "evasions_dev.jsonl"
_RECORDS = [json.loads(line) for line in _DATA.read_text("utf-8").splitlines() if line.strip()]


def test_the_corpus_is_big_and_has_clean_lines() -> None:
    assert len(_RECORDS) >= 100
    clean = [r for r in _RECORDS if not r["labels"]]
    assert len(clean) >= 40  # job data that must stay quiet


@pytest.mark.parametrize("record", _RECORDS, ids=[r["id"] for r in _RECORDS])
def test_line_gets_its_gold_categories(record: dict[str, object]) -> None:
    text, field = str(record["text"]), str(record["field"])
    found = {f.category for f in check(text, field) if f.category != "length"}
    assert found == set(record["labels"])  # type: ignore[call-overload]
    for finding in check(text, field):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end].strip()  # never an empty or blank underline
