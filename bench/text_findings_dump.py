"""Every finding of the privacy text engine on every corpus line, in every field.

Usage: ``python bench/text_findings_dump.py [OUT.txt] [CORPUS.jsonl ...]``

Prints (or writes to ``OUT.txt``) one line per corpus record and field: the corpus, the
record's id, the field and the ``repr`` of every finding ``check()`` returns. A change meant
to keep behaviour (a speed-up, a simplification) is checked by dumping before and after it
and comparing the two files with ``cmp``: any difference is a changed finding.

Default corpora: ``privacy_text*.jsonl`` from ``../shared/data`` beside the checkout (when
present), the repository's dev corpora ``tests/privacy_text/data/*.jsonl`` and the held-out
files ``bench/heldout/*.jsonl``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from desktop.privacy.text import FIELDS, check

_REPO = Path(__file__).resolve().parents[1]
_SHARED = _REPO.parent / "shared" / "data"


def _default_corpora() -> list[Path]:
    found = sorted(_SHARED.glob("privacy_text*.jsonl")) if _SHARED.is_dir() else []
    found.extend(sorted((_REPO / "tests" / "privacy_text" / "data").glob("*.jsonl")))
    found.extend(sorted((_REPO / "bench" / "heldout").glob("*.jsonl")))
    return found


def _label(path: Path) -> str:
    """The corpus as the dump names it: relative to the checkout (or its parent)."""
    resolved = path.absolute()
    for base, prefix in ((_REPO, ""), (_REPO.parent, "../")):
        if resolved.is_relative_to(base):
            return prefix + resolved.relative_to(base).as_posix()
    return path.name


def dump_lines(corpora: list[Path]) -> Iterator[str]:
    """One line per record and field (fields in sorted order)."""
    for path in corpora:
        label = _label(path)
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            for field in sorted(FIELDS):
                found = [repr(finding) for finding in check(record["text"], field)]
                yield f"{label}\t{record.get('id')}\t{field}\t{found}\n"


def main(argv: list[str]) -> int:
    """Write the dump and print how many lines it has."""
    out_path = Path(argv[0]) if argv and not argv[0].endswith(".jsonl") else None
    corpora = [Path(a) for a in argv[1 if out_path else 0 :]] or _default_corpora()
    out: TextIO = out_path.open("w", encoding="utf-8") if out_path else sys.stdout
    count = 0
    try:
        for text in dump_lines(corpora):
            out.write(text)
            count += 1
    finally:
        if out_path:
            out.close()
    print(f"{count} lines (records x fields) from {len(corpora)} corpora", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
