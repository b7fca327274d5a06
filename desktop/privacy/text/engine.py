"""The recognizer registry and the engine that runs it per field.

In the spirit of Presidio's ``RecognizerRegistry``: every recognizer has a name, the file
``resources/privacy/fields.toml`` says explicitly which recognizers run on which field (and the
length limits), and the engine runs them in that order on one normalised copy of the text.
Everything is loaded once, on the first ``check()``.
"""

from __future__ import annotations

import threading
import tomllib
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from pathlib import Path

from desktop.paths import resource_path
from desktop.privacy.text import chunks
from desktop.privacy.text.identifiers import IdentifierRecognizer
from desktop.privacy.text.lexicon import SEPARATOR
from desktop.privacy.text.model import SEVERITY, Finding
from desktop.privacy.text.names import NameFieldRecognizer
from desktop.privacy.text.normalize import normalize
from desktop.privacy.text.recognizer import Context, Recognizer
from desktop.privacy.text.special import SpecialCategoryRecognizer

__all__ = ["Context", "Engine", "Recognizer", "SpecialCategoryRecognizer", "get_engine"]


class LengthRecognizer:
    """``length`` warning past the per-field limit in ``fields.toml`` (notice §1.2.3)."""

    name = "length"

    def analyze(self, ctx: Context) -> list[Finding]:
        """One finding covering the text beyond the limit."""
        return self.findings(ctx.text, ctx.field, ctx.settings)

    @staticmethod
    def findings(text: str, field: str, settings: dict[str, object]) -> list[Finding]:
        """The check itself (needs no normalised text)."""
        limit = settings.get("max_length")
        if not isinstance(limit, int) or len(text.strip()) <= limit:
            return []
        return [Finding("length", limit, len(text), SEVERITY["length"], f"length.{field}", None)]


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    """Sort, drop exact duplicates and same-category findings nested in a wider one."""
    if len(findings) < 2:
        return list(findings)  # most sentences: nothing to sort or drop
    ordered = sorted(
        set(findings), key=lambda f: (f.start, -(f.end - f.start), f.category, f.rule_id)
    )
    kept: list[Finding] = []
    # Every kept finding starts at or before the current one, so a kept finding of the same
    # category contains it exactly when it reaches at least as far.
    reach: dict[str, int] = {}
    for finding in ordered:
        if reach.get(finding.category, -1) >= finding.end:
            continue
        kept.append(finding)
        reach[finding.category] = finding.end
    return kept


_CACHE_SIZE = 2048
_Entry = tuple[int, tuple[Finding, ...]]  # (base, findings): offsets relative to base


class Engine:
    """Runs the registered recognizers that ``fields.toml`` enables for a field."""

    def __init__(self, root: Path) -> None:
        with (root / "fields.toml").open("rb") as fh:
            config = tomllib.load(fh)
        special = SpecialCategoryRecognizer(root)
        recognizers: list[Recognizer] = [
            special,
            IdentifierRecognizer(root),
            NameFieldRecognizer(root, special),
            LengthRecognizer(),
        ]
        self.registry: dict[str, Recognizer] = {r.name: r for r in recognizers}
        self.fields: dict[str, dict[str, object]] = config["fields"]
        for name, settings in self.fields.items():
            unknown = set(settings["recognizers"]) - set(self.registry)
            if unknown:
                raise ValueError(f"fields.toml: {name}: unknown recognizers {sorted(unknown)}")
        self._cache: dict[tuple[str, str, tuple[str, ...]], _Entry] = {}
        self._cache_lock = threading.Lock()

    def check(self, text: str, field: str) -> list[Finding]:
        """All findings for ``text`` in ``field``, sorted by position.

        Free text is analysed sentence by sentence (see :mod:`desktop.privacy.text.chunks`)
        with a cache of recent sentences; the name field and the length check always see the
        whole text.
        """
        settings = self.fields[field]
        if not text.strip():
            return []
        names: list[str] = list(settings["recognizers"])  # type: ignore[call-overload]
        if field == "nachname":
            return self._analyze(text, field, tuple(names))
        local = tuple(n for n in names if n != "length")
        findings = LengthRecognizer.findings(text, field, settings) if "length" in names else []
        entries = []  # (offset, sentence) of every sentence that is not just white space
        for start, end in chunks.spans(text):
            piece = text[start:end]
            if piece and not piece.isspace():
                entries.append((start, piece))
        cache = self._cache
        known = [cache.get((piece, field, local)) for _start, piece in entries]
        missing = [piece for (_start, piece), k in zip(entries, known, strict=True) if k is None]
        batch = self._analyze_batch(missing, field, local) if len(missing) > 1 else {}
        for (start, piece), entry in zip(entries, known, strict=True):
            if entry is None:
                entry = batch.get(piece) or self._cached(piece, field, local)
            base, found = entry
            if not found:
                continue  # most sentences have no finding
            offset = start - base
            findings.extend((_shift(f, offset) for f in found) if offset else found)
        return _dedupe(findings)

    def _analyze_batch(
        self, pieces: list[str], field: str, names: tuple[str, ...]
    ) -> dict[str, _Entry]:
        """Analyse several sentences in one pass and cache each sentence's findings.

        The sentences are joined by :data:`SEPARATOR`, which no pattern matches across and
        which bounds every context window, so each sentence gets exactly the findings it gets
        on its own (tests/privacy_text/test_batch.py) at a fraction of the per-call cost.
        The findings keep their offsets in the joined text, with the sentence's start there.
        """
        pieces = list(dict.fromkeys(pieces))
        joined = SEPARATOR.join(pieces)
        if joined.count(SEPARATOR) != len(pieces) - 1:
            return {}  # a sentence holds the separator: analysed one by one
        starts = list(accumulate((len(p) + 1 for p in pieces[:-1]), initial=0))
        grouped: list[list[Finding]] = [[] for _ in pieces]
        for finding in self._run(joined, field, names):
            grouped[bisect_right(starts, finding.start) - 1].append(finding)
        out = {
            piece: (base, tuple(found) if len(found) < 2 else tuple(_dedupe(found)))
            for piece, base, found in zip(pieces, starts, grouped, strict=True)
        }
        with self._cache_lock:
            if len(self._cache) + len(pieces) > _CACHE_SIZE:
                self._cache.clear()
            for piece, entry in out.items():
                self._cache[(piece, field, names)] = entry
        return out

    def _analyze(self, text: str, field: str, names: tuple[str, ...]) -> list[Finding]:
        return _dedupe(self._run(text, field, names))

    def _run(self, text: str, field: str, names: tuple[str, ...]) -> list[Finding]:
        ctx = Context(field, normalize(text), self.fields[field])
        for name in names:
            ctx.findings.extend(self.registry[name].analyze(ctx))
        return ctx.findings

    def _cached(self, piece: str, field: str, names: tuple[str, ...]) -> _Entry:
        """``(base, findings)`` of one sentence; a finding's offset in it is ``start - base``."""
        key = (piece, field, names)
        found = self._cache.get(key)
        if found is None:
            found = (0, tuple(self._analyze(piece, field, names)))
            with self._cache_lock:
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.clear()
                self._cache[key] = found
        return found

    def clear_cache(self, *, words: bool = True) -> None:
        """Forget remembered sentences and (with ``words``) the fuzzy look-ups of words
        (benchmarks measure the uncached cost with it)."""
        with self._cache_lock:
            self._cache.clear()
        special = self.registry.get("special_categories")
        if words and isinstance(special, SpecialCategoryRecognizer):
            special.fuzzy.clear_cache()
            special.grammar.clear_cache()


def _shift(finding: Finding, offset: int) -> Finding:
    if not offset:
        return finding
    return Finding(
        finding.category,
        finding.start + offset,
        finding.end + offset,
        finding.severity,
        finding.rule_id,
        finding.suggestion,
    )


_ENGINE: Engine | None = None
_LOCK = threading.Lock()


def get_engine() -> Engine:
    """The process-wide engine, built on first use (thread-safe)."""
    global _ENGINE
    if _ENGINE is None:
        with _LOCK:
            if _ENGINE is None:
                _ENGINE = Engine(resource_path("privacy"))
    return _ENGINE
