"""Keep the field being typed in where the agent sees it while messages come and go.

A message line appearing or going above the focused field (the hint of the field just left,
a finding whose check finished late, a line of the error summary) would push the field up or
down under the agent's eyes; one going below it at the end of a scrolled form would let the
scroll position snap back. :class:`ScrollAnchor` settles every pending layout just before the
window paints, measures where the focused field ended up and scrolls by the difference, so the
field stays at the same place on screen (like a browser's scroll anchoring). Messages take room
only while they exist, so nothing is reserved between the fields.

Where scrolling alone cannot do it, the content's top or bottom margin lends the room: at the
bottom (a form that fits the window, or one scrolled to its end) the blank space below the
last button grows and shrinks again as the agent scrolls up; at the top (a message above the
field went while the form was scrolled to its very top) the space stays only until the agent
moves to another field or scrolls, then it closes.

Scrolling by the agent (wheel, keys, scroll bar) or by the program (a field focused, the error
summary shown) is never undone: the anchor is then taken again where the field is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Slot
from PySide6.QtWidgets import QScrollArea, QWidget

__all__ = ["ScrollAnchor"]

# A layout change climbs one widget level per round of posted layout requests (field box,
# group, content, scroll area); requests posted while a round runs wait for the next one.
_LAYOUT_ROUNDS = 8


def _flush_layouts() -> None:
    """Apply every pending layout change now (nothing is painted in between)."""
    for _ in range(_LAYOUT_ROUNDS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


class ScrollAnchor(QObject):
    """Scroll anchoring for ``area`` (its content widget must have a layout).

    Args:
        area: The scroll area of the form.
        candidates: The widgets that can hold the focus (the form's tab chain): where each was
            painted is kept, since showing a message moves some of them at once, before the
            focus arrives.

    Call :meth:`focus_changed` after the focus moved (and the field was scrolled into view);
    call :meth:`watch_window` once the area is in its final window (e.g. on show).
    """

    def __init__(self, area: QScrollArea, candidates: Callable[[], Iterable[QWidget]]) -> None:
        super().__init__(area)
        self._area = area
        self._candidates = candidates
        self._painted: dict[QWidget, int] = {}  # content y of each candidate when last painted
        self._painted_state: tuple[int, ...] = ()
        content = area.widget()
        layout = content.layout() if content is not None else None
        assert layout is not None, "the scroll area's content needs a layout"
        self._layout = layout
        margins = layout.contentsMargins()
        self._base = (margins.left(), margins.top(), margins.right(), margins.bottom())
        self._top = 0  # lent room above the content (px)
        self._bottom = 0  # lent room below the content (px)
        self._anchor: QWidget | None = None
        self._seen_y = 0
        self._retake = False  # the next settle takes the anchor again instead of keeping it
        self._adjusting = False
        self._clamping = False
        self._window: QWidget | None = None
        bar = area.verticalScrollBar()
        bar.valueChanged.connect(self._on_value_changed)
        bar.rangeChanged.connect(self._on_range_changed)
        area.viewport().installEventFilter(self)

    # ---------------------------------------------------------------- inputs
    def watch_window(self) -> None:
        """Settle before each paint of the area's window (again after reparenting)."""
        window = self._area.window()
        if window is not self._window:
            if self._window is not None:
                self._window.removeEventFilter(self)
            self._window = window
            window.installEventFilter(self)

    def focus_changed(self, widget: QWidget | None) -> None:
        """The field being worked on is now ``widget`` (None: none in the area)."""
        content = self._area.widget()
        if widget is None or content is None or not content.isAncestorOf(widget):
            self._anchor = None
            return
        self._anchor = widget
        painted = self._painted.get(widget)
        bar = self._area.verticalScrollBar()
        # where the agent sees it: as painted, moved only by scrolling since then
        self._seen_y = self._y(widget) if painted is None else painted - bar.value()
        self._retake = False
        if self._top:
            self._retake = True  # another field: the room lent above closes now

    @Slot(int)
    def _on_value_changed(self, _value: int) -> None:
        if self._adjusting:
            return
        if self._clamping:  # the content shrank under the scroll position: repaired below
            self._clamping = False
            return
        self._retake = True  # scrolled by the agent or the program: never undone

    @Slot(int, int)
    def _on_range_changed(self, _low: int, high: int) -> None:
        self._clamping = self._area.verticalScrollBar().value() > high

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Settle before the window paints; a resized viewport takes the anchor again."""
        kind = event.type()
        if kind == QEvent.Type.UpdateRequest and watched is self._window:
            self._settle()
        elif kind == QEvent.Type.Resize and watched is self._area.viewport():
            self._retake = True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- work
    def _y(self, widget: QWidget) -> int:
        return widget.mapTo(self._area.viewport(), QPoint(0, 0)).y()

    def _settle(self) -> None:
        if self._adjusting or not self._area.isVisible():
            return
        _flush_layouts()
        bar = self._area.verticalScrollBar()
        anchor = self._anchor
        content = self._area.widget()
        if anchor is not None and (content is None or not content.isAncestorOf(anchor)):
            anchor = self._anchor = None
        value = bar.value()
        if anchor is None or self._retake or not anchor.isVisible():
            top, value = 0, max(0, value - self._top)  # nothing to hold: close the top room
        else:
            # the content's shift against the viewport must change by the anchor's move
            shift = self._top - value - (self._y(anchor) - self._seen_y)
            top, value = (shift, 0) if shift >= 0 else (0, -shift)
        self._apply(top, value)
        if anchor is not None:
            self._seen_y = self._y(anchor)
        if content is not None:
            self._remember_painted(content)
        self._retake = False
        self._clamping = False

    def _remember_painted(self, content: QWidget) -> None:
        """Where each candidate is painted (measured again only when the form changed)."""
        viewport = self._area.viewport()
        state = (
            self._natural_height(content),
            self._area.verticalScrollBar().value(),
            self._top,
            self._bottom,
            viewport.width(),
            viewport.height(),
        )
        if state == self._painted_state:
            return
        self._painted_state = state
        self._painted = {
            w: w.mapTo(content, QPoint(0, 0)).y()
            for w in self._candidates()
            if w.isVisible() and content.isAncestorOf(w)
        }

    def _natural_height(self, content: QWidget) -> int:
        """The content's height without lent room (as the scroll area sizes it)."""
        height = content.minimumSizeHint().height()
        if content.hasHeightForWidth():
            height = max(height, content.heightForWidth(content.width()))
        return height - self._top - self._bottom

    def _apply(self, top: int, value: int) -> None:
        """Lend ``top`` px above, as much as ``value`` needs below, and scroll to ``value``."""
        area, bar = self._area, self._area.verticalScrollBar()
        content = area.widget()
        if content is None:
            return
        natural = self._natural_height(content)
        bottom = max(0, value + area.viewport().height() - natural - top)
        self._adjusting = True
        try:
            if (top, bottom) != (self._top, self._bottom):
                self._top, self._bottom = top, bottom
                left, base_top, right, base_bottom = self._base
                self._layout.setContentsMargins(left, base_top + top, right, base_bottom + bottom)
                _flush_layouts()
            if bar.value() != value:
                bar.setValue(value)
        finally:
            self._adjusting = False
