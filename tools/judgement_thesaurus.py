"""Candidates for ``resources/privacy/lexicon/judgement_thesaurus.txt`` from OpenThesaurus.

Usage::

    python tools/judgement_thesaurus.py OPENTHESAURUS_TXT [MIN_SEEDS]

``OPENTHESAURUS_TXT`` is the text export of OpenThesaurus (LGPL 2.1+), e.g. the file
``/usr/share/openthesaurus-de/openthesaurus.txt`` of the Debian package
``openthesaurus-de-text``. Prints, most shared first, every one-word member of a synonym set
that holds at least ``MIN_SEEDS`` (default 2) of the single-word entries of
``lexicon/judgement.txt`` (the seeds) and is no seed itself. The list is a proposal: the
lexicon file keeps the words a reviewer judged to be said of a person's character or manner.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from desktop.privacy.text.lexicon import parse_file
from desktop.privacy.text.normalize import fold_term

_LEXICON = Path(__file__).resolve().parents[1] / "resources" / "privacy" / "lexicon"
_NOTE = re.compile(r"\([^)]*\)")


def seeds() -> set[str]:
    """Folded single-word entries of ``judgement.txt`` (without ``*`` and ``~``)."""
    entries = parse_file(_LEXICON / "judgement.txt")
    return {
        fold_term(entry.strip("*~"))
        for _rule, entry in entries
        if not entry.startswith("re:") and " " not in entry
    }


def _members(line: str) -> list[str]:
    """The one-word members of a synonym set, usage notes ("(ugs.)") removed."""
    words = (_NOTE.sub("", member).strip() for member in line.split(";"))
    return [w for w in words if w and " " not in w and "." not in w]


def candidates(path: Path, min_seeds: int) -> Counter[str]:
    """Non-seed members of the synonym sets with ``min_seeds`` seeds, by number of sets."""
    known = seeds()

    def is_seed(word: str) -> bool:
        folded = fold_term(word)
        return any(
            folded == seed
            or (len(seed) >= 6 and folded.startswith(seed) and len(folded) - len(seed) <= 3)
            for seed in known
        )

    found: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        members = _members(line)
        if len({fold_term(w) for w in members if is_seed(w)}) < min_seeds:
            continue
        found.update(w for w in members if not is_seed(w))
    return found


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    min_seeds = int(argv[2]) if len(argv) == 3 else 2
    for word, count in sorted(
        candidates(Path(argv[1]), min_seeds).items(), key=lambda i: (-i[1], i[0])
    ):
        print(count, word)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
