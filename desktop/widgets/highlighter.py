"""Spell-checker-style underlines for privacy findings in a QTextDocument."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.privacy.text import Finding
from desktop.widgets.theme import dark_theme

# Categories about the text as a whole: the inline message says it, nothing is underlined
# (a ``length`` span covers everything past the limit and grows with every keystroke).
UNMARKED = frozenset({"length"})

_COLOURS = {"block": QColor(196, 30, 30), "warn": QColor(204, 120, 0), "info": QColor(40, 90, 200)}
_COLOURS_DARK = {
    "block": QColor(255, 110, 110),
    "warn": QColor(255, 190, 90),
    "info": QColor(130, 170, 255),
}


def _format(severity: str, dark: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    colours = _COLOURS_DARK if dark else _COLOURS
    fmt.setUnderlineColor(colours.get(severity, colours["info"]))
    if severity == "block":  # readable with the theme's own text colour
        fmt.setBackground(QColor(96, 32, 32) if dark else QColor(255, 228, 228))
    return fmt


class FindingHighlighter(QSyntaxHighlighter):
    """Underlines the exact characters of each finding (offsets into the whole document).

    ``set_findings`` re-highlights only the blocks whose spans changed; ``shift`` keeps the
    spans aligned with edits made before the next (debounced) check.
    """

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent or document)
        self.setDocument(document)
        self._spans: list[tuple[int, int, str]] = []
        dark = dark_theme()
        self._formats = {key: _format(key, dark) for key in _COLOURS}

    @property
    def spans(self) -> list[tuple[int, int, str]]:
        """Current (start, end, severity) spans."""
        return list(self._spans)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Replace the underlined spans and repaint the affected blocks only."""
        new = sorted(
            (f.start, f.end, f.severity)
            for f in findings
            if f.end > f.start and f.category not in UNMARKED
        )
        if new == self._spans:
            return
        touched = {s for s, _, _ in self._spans} | {s for s, _, _ in new}
        touched |= {e - 1 for _, e, _ in self._spans} | {e - 1 for _, e, _ in new}
        self._spans = new
        document = self.document()
        blocks = {document.findBlock(pos).blockNumber() for pos in touched}
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def shift(self, position: int, removed: int, added: int) -> None:
        """Move spans after an edit; spans touched by the edit are dropped until re-check."""
        delta = added - removed
        kept: list[tuple[int, int, str]] = []
        for start, end, severity in self._spans:
            if end <= position:
                kept.append((start, end, severity))
            elif start >= position + removed:
                kept.append((start + delta, end + delta, severity))
        self._spans = kept

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        """Apply the underline formats that fall into this block."""
        block = self.currentBlock()
        begin, length = block.position(), len(text)
        for start, end, severity in self._spans:
            lo, hi = max(start, begin), min(end, begin + length)
            if lo < hi:
                self.setFormat(
                    lo - begin, hi - lo, self._formats.get(severity, self._formats["info"])
                )
