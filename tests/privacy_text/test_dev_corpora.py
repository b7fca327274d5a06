"""Every development corpus in the repository (tests/privacy_text/data; the held-out thirds
live in bench/heldout) scores macro-F1 >= 0.95 with at most 2 % of its clean notes flagged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.privacy_text import categories

_DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(
    "corpus",
    [
        "own_dev",  # the broker notes written for issue 13
        "round2_dev",  # indirect judgements, implied categories, tricky clean notes
        "round3_dev",
        "round4_dev",
        "round5_dev",
        "round6_dev",  # three authors who never saw the checker
        "round8_dev",  # precision: mostly clean notes full of trigger words
        "round9_dev",  # precision, regional and implied wording, Postkorb and name fields
        "round10_dev",  # political, union and religious activity; precision; judgement, sex life
    ],
)
def test_dev_corpus_scores(corpus: str) -> None:
    lines = (_DATA / f"{corpus}.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    gold = [set(map(str, r["labels"])) for r in records]
    pred = [categories(str(r["text"]), str(r["field"])) for r in records]
    f1s = []
    for cat in sorted(set().union(*gold)):
        tp = sum(cat in g and cat in p for g, p in zip(gold, pred, strict=True))
        fp = sum(cat not in g and cat in p for g, p in zip(gold, pred, strict=True))
        fn = sum(cat in g and cat not in p for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0)
    clean = [p for g, p in zip(gold, pred, strict=True) if not g]
    assert sum(f1s) / len(f1s) >= 0.95
    assert sum(bool(p) for p in clean) / len(clean) <= 0.02
