"""What every recognizer sees and implements: the per-check :class:`Context` and the
:class:`Recognizer` protocol (a module of its own, so that the engine imports the recognizers
and the recognizers import nothing of the engine)."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Protocol

from desktop.privacy.text.lexicon import Hit
from desktop.privacy.text.model import SEVERITY, Finding
from desktop.privacy.text.normalize import Normalized


@dataclass(slots=True)
class Context:
    """What recognizers see: the field, the original and normalised text, earlier findings."""

    field: str
    norm: Normalized
    settings: dict[str, object]
    findings: list[Finding] = dc_field(default_factory=list)

    @property
    def text(self) -> str:
        """The original text."""
        return self.norm.original

    def finding(self, hit: Hit) -> Finding:
        """Turn a normalised-text hit into a finding with original offsets."""
        start, end = self.norm.span(hit.start, hit.end)
        rule = hit.rule
        return Finding(
            rule.category, start, end, SEVERITY[rule.category], rule.rule_id, rule.suggestion
        )


class Recognizer(Protocol):
    """A named detector; ``analyze`` returns findings with original offsets."""

    name: str

    def analyze(self, ctx: Context) -> list[Finding]:
        """Findings for ``ctx`` (may read ``ctx.findings`` of earlier recognizers)."""
        ...


def read_list(path: Path) -> list[str]:
    """One entry per line, ``#`` comments, blank lines ignored."""
    lines = (raw.split(" #", 1)[0].strip() for raw in path.read_text("utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]
