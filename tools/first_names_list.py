"""Build ``resources/privacy/first_names.txt`` from the Berlin first-name statistics.

Usage::

    python tools/first_names_list.py CHECKOUT > resources/privacy/first_names.txt
    python tools/first_names_list.py --genders CHECKOUT > resources/privacy/first_name_genders.txt

Reads every ``data/cleaned/<year>/<district>.csv`` (columns ``vorname``, ``anzahl``) of a
checkout of github.com/berlinonline/haeufige-vornamen-berlin and keeps the single-word names
given at least ``MIN_COUNT_NAMES`` times over all years and districts (first and further given names
alike, which is why older names such as Dieter or Monika are in it).

``--genders`` writes the names whose registrations (column ``geschlecht``) are at least
``GENDER_SHARE`` one sex, judged by the first given names (column ``position`` 1) where there
are ``MIN_FIRST`` of them, else by all given names: "Jonas m", "Anna w" (not "Kim", "Sascha";
not "Maria", a boy's second given name as often).
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

MIN_COUNT = 20  # the gender list: enough registrations to judge the sex
# The first-name list: names given 10+ times, so that names of older customers that are rare
# among today's babies are in it (Torben, Annegret, Silke, Peggy); the ordinary words among
# them are in identifiers.toml [full_name] not_first_names.
MIN_COUNT_NAMES = 10
MIN_FIRST = 10
GENDER_SHARE = 0.95

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
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT_NAMES)
    header = _HEADER.format(commit=commit or "?", min_count=MIN_COUNT_NAMES)
    return header + "\n".join(names) + "\n"


_GENDER_HEADER = """\
# First names with the sex they are given to (read by desktop/privacy/text/grammar.py: a
# partner named by a first name of the person's own gender). Source and licence as
# first_names.txt: github.com/berlinonline/haeufige-vornamen-berlin, data/cleaned/2012-2023,
# commit {commit}; licence CC BY 3.0 DE (https://creativecommons.org/licenses/by/3.0/de/).
# Derived with tools/first_names_list.py --genders: names given {min_count}+ times, {share}+ % to
# one sex (m/w).
"""


def _dominant(counts: Counter[str], minimum: int) -> str | None:
    total = sum(counts.values())
    if total < minimum:
        return None
    sex, count = counts.most_common(1)[0]
    return sex if count >= GENDER_SHARE * total else None


def build_genders(repo: Path) -> str:
    """The gendered list text for a checkout (a work tree) of the source repository."""
    every: dict[str, Counter[str]] = {}
    first: dict[str, Counter[str]] = {}
    for path in sorted((repo / "data" / "cleaned").glob("*/*.csv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = (row.get("vorname") or "").strip()
                count = row.get("anzahl") or ""
                sex = row.get("geschlecht") or ""
                if not (name.isalpha() and len(name) > 2 and count.isdigit() and sex in "mw"):
                    continue
                every.setdefault(name, Counter())[sex] += int(count)
                if row.get("position") == "1":
                    first.setdefault(name, Counter())[sex] += int(count)
    lines = []
    for name in sorted(every):
        if sum(every[name].values()) < MIN_COUNT:
            continue
        by_first = first.get(name, Counter())
        if sum(by_first.values()) >= MIN_FIRST:
            sex = _dominant(by_first, MIN_FIRST)
        else:
            sex = _dominant(every[name], MIN_COUNT)
        if sex:
            lines.append(f"{name} {sex}")
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    header = _GENDER_HEADER.format(
        commit=commit or "?", min_count=MIN_COUNT, share=round(GENDER_SHARE * 100)
    )
    return header + "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1] == "--genders":
        sys.stdout.write(build_genders(Path(sys.argv[2])))
    else:
        sys.stdout.write(build(Path(sys.argv[1])))
