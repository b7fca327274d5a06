"""The round-6 development corpus (written by three authors who never saw the checker) scores
F1 >= 0.95 in the identifier and name-field categories and in the Art. 9 categories of
origin, political opinion, belief, union and sex life (the other categories are below the
corpus goal for now, so the corpus is not yet in test_dev_corpora)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.privacy_text import categories

_CORPUS = Path(__file__).resolve().parent / "data" / "round6_dev.jsonl"


@pytest.mark.parametrize(
    "category",
    ["identifier", "name_misuse", "ethnic_origin", "political", "religion", "union", "sex_life"],
)
def test_round6_dev_category(category: str) -> None:
    lines = _CORPUS.read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    gold = [category in r["labels"] for r in records]
    pred = [category in categories(str(r["text"]), str(r["field"])) for r in records]
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    assert 2 * tp / (2 * tp + fp + fn) >= 0.95
