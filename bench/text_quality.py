"""Quality of the privacy text engine on the labelled corpora, each scored on its own.

Usage: ``python bench/text_quality.py [CORPUS.jsonl ...] [--errors]``

For every corpus: per-category precision/recall/F1 (line level, multi-label: a line counts as
predicted for a category when ``check()`` reports at least one finding of that category;
``length`` is ignored because the corpora do not label it), the macro-F1 over the categories
present in the corpus, and the share of clean lines (``labels == []``) with any finding.
``--errors`` also lists the ids of wrong lines with expected and predicted categories (never
the text) -- for the dev corpora only: held-out files are never listed line by line.

Default corpora (``$GV_TEXT_CORPUS`` replaces them): ``privacy_text_dev.jsonl`` and
``privacy_text_dev2.jsonl`` from ``../shared/data`` beside the checkout, the repository's dev
corpora ``tests/privacy_text/data/*.jsonl`` and every ``bench/heldout/*.jsonl`` (held out:
written before the rules were changed, never tuned on), and those held-out files pooled.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from desktop.privacy.text import check

_REPO = Path(__file__).resolve().parents[1]
_SHARED = _REPO.parent / "shared" / "data"
_HELDOUT = _REPO / "bench" / "heldout"


def _default_corpora() -> list[Path]:
    env = os.environ.get("GV_TEXT_CORPUS")
    if env:
        return [Path(env)]
    found = [_SHARED / "privacy_text_dev.jsonl", _SHARED / "privacy_text_dev2.jsonl"]
    found.extend(sorted((_REPO / "tests" / "privacy_text" / "data").glob("*.jsonl")))
    found.extend(sorted(_HELDOUT.glob("*.jsonl")))
    return [p for p in found if p.exists()]


def _load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _predict(record: dict[str, object]) -> set[str]:
    findings = check(str(record["text"]), str(record["field"]))
    return {f.category for f in findings if f.category != "length"}


def score(path: Path, *, show_errors: bool = False) -> tuple[float, float]:
    """Print the figures of one corpus; return (macro-F1, share of clean lines flagged)."""
    held_out = path.parent == _HELDOUT
    return _score(_load(path), path.name, held_out=held_out, show_errors=show_errors)


def _score(
    records: list[dict[str, object]], name: str, *, held_out: bool, show_errors: bool
) -> tuple[float, float]:
    gold = [set(map(str, r["labels"])) for r in records]  # type: ignore[call-overload]
    pred = [_predict(r) for r in records]
    categories = sorted(set().union(*gold))
    print(f"corpus: {name} ({len(records)} lines){' [held out]' if held_out else ''}")
    print(
        f"{'category':<18}{'support':>8}{'TP':>5}{'FP':>5}{'FN':>5}{'prec':>8}{'rec':>8}{'F1':>8}"
    )
    f1s = []
    for cat in categories:
        tp = sum(cat in g and cat in p for g, p in zip(gold, pred, strict=True))
        fp = sum(cat not in g and cat in p for g, p in zip(gold, pred, strict=True))
        fn = sum(cat in g and cat not in p for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        print(f"{cat:<18}{tp + fn:>8}{tp:>5}{fp:>5}{fn:>5}{prec:>8.3f}{rec:>8.3f}{f1:>8.3f}")
    extra = sorted(set().union(*pred) - set(categories))
    for cat in extra:
        fp = sum(cat in p for p in pred)
        print(f"{cat:<18}{0:>8}{0:>5}{fp:>5}{0:>5}  (not labelled in corpus)")
    clean = [p for g, p in zip(gold, pred, strict=True) if not g]
    flagged = sum(bool(p) for p in clean)
    exact = sum(g == p for g, p in zip(gold, pred, strict=True))
    macro = sum(f1s) / len(f1s) if f1s else 1.0
    share = flagged / len(clean) if clean else 0.0
    print(f"macro-F1: {macro:.3f} over {len(f1s)} categories (goal >= 0.95)")
    print(f"clean lines flagged: {flagged}/{len(clean)} = {share:.1%} (goal <= 2%)")
    print(f"lines with exactly the gold label set: {exact}/{len(records)}")
    if show_errors and not held_out:
        for record, g, p in zip(records, gold, pred, strict=True):
            if g != p:
                print(f"  {record['id']} [{record['field']}] gold={sorted(g)} pred={sorted(p)}")
    print()
    return macro, share


def main(argv: list[str]) -> int:
    """Print the figures of every corpus and a summary; ``argv`` without the program name."""
    show_errors = "--errors" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or _default_corpora()
    if not paths:
        print("no corpus found (pass a .jsonl path or set GV_TEXT_CORPUS)")
        return 1
    results = [(path.name, *score(path, show_errors=show_errors)) for path in paths]
    held = [path for path in paths if path.parent == _HELDOUT]
    if len(held) > 1:
        pooled = [record for path in held for record in _load(path)]
        name = f"pooled held-out ({len(pooled)})"
        results.append((name, *_score(pooled, name, held_out=True, show_errors=False)))
    print(f"{'corpus':<32}{'macro-F1':>10}{'clean flagged':>15}")
    for name, macro, share in results:
        print(f"{name:<32}{macro:>10.3f}{share:>15.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
