"""Build ``resources/privacy/first_names.txt`` from the Berlin first-name statistics.

Usage::

    python tools/first_names_list.py CHECKOUT > resources/privacy/first_names.txt

Reads every ``data/cleaned/<year>/<district>.csv`` (columns ``vorname``, ``anzahl``) of a
checkout of github.com/berlinonline/haeufige-vornamen-berlin and keeps the single-word names
given at least ``MIN_COUNT`` times over all years and districts (first and further given names
alike, which is why older names such as Dieter or Monika are in it).
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

MIN_COUNT = 20

_HEADER = """\
# First names (read by desktop/privacy/text/identifiers.py: a full name in a Postkorb subject).
# Source: "Liste der häufigen Vornamen" of the Berlin registry offices, Landesamt für Bürger- und
# Ordnungsangelegenheiten (LABO), cleaned by BerlinOnline Stadtportal GmbH & Co. KG,
# github.com/berlinonline/haeufige-vornamen-berlin, data/cleaned/2012-2023,
# commit {commit}; licence CC BY 3.0 DE (https://creativecommons.org/licenses/by/3.0/de/).
# Derived with tools/first_names_list.py: single-word names given {min_count}+ times in all.
"""


def build(repo: Path) -> str:
    """The list text for a checkout (a work tree) of the source repository."""
    counts: Counter[str] = Counter()
    for path in sorted((repo / "data" / "cleaned").glob("*/*.csv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = (row.get("vorname") or "").strip()
                if name.isalpha() and len(name) > 2 and (row.get("anzahl") or "").isdigit():
                    counts[name] += int(row["anzahl"])
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT)
    return _HEADER.format(commit=commit or "?", min_count=MIN_COUNT) + "\n".join(names) + "\n"


if __name__ == "__main__":
    sys.stdout.write(build(Path(sys.argv[1])))
