"""The one-click rewording on the labelled corpora: how often it helps, and how fast it is.

Usage: ``python bench/rewording.py [CORPUS.jsonl ...]``

For every line with a finding (other than ``length``) the first finding is reworded with
``desktop.privacy.text.rewording.reword`` and the result is checked again. Printed per corpus:
lines with a finding, proposals (replace / delete / none), results that carry no finding at
all, results that still carry one (a finding elsewhere in the line, untouched by the clause),
and results the check would not accept (must be 0: every proposal is re-checked).

Speed: thread-CPU time of ``reword()`` as the widget calls it (the text was just checked, so
the engine's sentence cache holds it): p50/p99 over the corpus lines, and for a 2,000-character
note with the finding in its last sentence.
Default corpora: ``../shared/data/privacy_text_dev.jsonl`` and ``privacy_text_dev2.jsonl``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from desktop.privacy.text import check
from desktop.privacy.text.rewording import reword

_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_DEFAULTS = [_DATA / "privacy_text_dev.jsonl", _DATA / "privacy_text_dev2.jsonl"]
_LONG = (
    "Steinschlag vorne links, etwa münzgroß, Riss seit gestern länger geworden. "
    "Fahrzeug steht im Hinterhof, Einfahrt über die Seitenstraße, Tor ist meist offen. "
    "Bitte vor dem Termin kurz anrufen, Schlüssel liegt beim Hausmeister. "
) * 10


def _ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms"


def _corpus(path: Path) -> list[float]:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    times: list[float] = []
    for record in records:
        text, field = str(record["text"]), str(record["field"])
        found = [f for f in check(text, field) if f.category != "length"]
        if not found:
            continue
        counts["flagged"] += 1
        started = time.thread_time()
        result = reword(text, found[0], field)
        times.append(time.thread_time() - started)
        if result is None:
            counts["none"] += 1
            continue
        counts[result.kind] += 1
        after = [f for f in check(result.text, field) if f.category != "length"]
        if not after:
            counts["clean"] += 1
        elif len(after) < len(found):
            counts["fewer"] += 1
        else:
            counts["not fewer"] += 1
    print(
        f"{path.name}: {counts['flagged']} lines with a finding; proposals: "
        f"{counts['replace']} replace, {counts['delete']} delete, {counts['none']} none; "
        f"results: {counts['clean']} without any finding, {counts['fewer']} with a finding "
        f"left elsewhere, {counts['not fewer']} not fewer findings"
    )
    return times


def main(argv: list[str]) -> int:
    """Print the figures; ``argv`` without the program name."""
    paths = [Path(a) for a in argv] or [p for p in _DEFAULTS if p.exists()]
    check("Kunde ist schwerhörig", "zusatzinfo")  # load the lexicons
    times: list[float] = []
    for path in paths:
        times += _corpus(path)
    if times:
        print(f"reword() on corpus lines ({len(times)}): {_ms(times)} (thread CPU)")
    long_text = _LONG[: 2000 - 40] + "Die Kundin ist schwerhörig."
    long_times = []
    for _ in range(200):
        finding = next(f for f in check(long_text, "zusatzinfo") if f.category != "length")
        started = time.thread_time()
        result = reword(long_text, finding, "zusatzinfo")
        long_times.append(time.thread_time() - started)
        assert result is not None
    print(f"reword() on {len(long_text)} characters: {_ms(long_times)} (thread CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
