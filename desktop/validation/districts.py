"""German district codes (Unterscheidungszeichen) from ``resources/validation``.

The list ships as a data file (codes + first place name, CC0 source, see the README there);
the server may add codes through ``/config`` (``register_districts``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from desktop.paths import resource_path

DISTRICT_FILE: Final = "validation/unterscheidungszeichen.tsv"
_extra: dict[str, str] = {}


@lru_cache(maxsize=1)
def _load() -> MappingProxyType[str, str]:
    table: dict[str, str] = {}
    text = resource_path(DISTRICT_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, place = line.partition("\t")
        table[unicodedata.normalize("NFC", code.strip().upper())] = place.strip()
    return MappingProxyType(table)


def district_place(code: str) -> str | None:
    """The place a district code stands for, or None if the code is unknown."""
    key = unicodedata.normalize("NFC", code.strip().upper())
    return _extra.get(key) or _load().get(key)


def is_known_district(code: str) -> bool:
    """True if ``code`` is in the shipped list or was registered from the server."""
    return district_place(code) is not None


def register_districts(entries: Iterable[tuple[str, str]]) -> None:
    """Add codes the server knows (e.g. from ``/config``); unknown ones stay warnings only."""
    for code, place in entries:
        key = unicodedata.normalize("NFC", code.strip().upper())
        if 1 <= len(key) <= 3 and key.isalpha():
            _extra[key] = place
