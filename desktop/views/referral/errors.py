"""The errors of a referral view "Senden" found or the server refused: the message at each
field, the error summary above the form with links to the fields, and "Fehler: " in the window
title while the summary is shown (GOV.UK pattern)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from desktop.views.referral.fields import plain_label
from desktop.views.referral.layout import ReferralLayout
from desktop.widgets.checked_text import CheckedTextEdit
from desktop.widgets.field_edits import ValidatedLineEdit


class FieldErrors(QObject):
    """Shows and clears the errors on the widgets of ``fields``; ``host`` is the view whose
    window title carries the "Fehler: " prefix."""

    def __init__(
        self, fields: ReferralLayout, host: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._fields = fields
        self._host = host
        self._shown: list[tuple[str, str]] = []  # (field, text) in the summary now

    def clear(self) -> None:
        """Remove every field message, the summary and the title prefix."""
        fields = self._fields
        for name, widget in fields.inputs.items():
            if isinstance(widget, ValidatedLineEdit | CheckedTextEdit):
                widget.clear_message()
            elif name in fields.messages and not isinstance(widget, CheckedTextEdit):
                fields.messages[name].clear()
        fields.messages["consent"].clear()
        fields.error_summary.clear()
        self._shown = []
        self._set_error_title(False)

    def keep_only(self, still_wrong: set[str]) -> None:
        """After a change: the fields no longer in ``still_wrong`` lose their message and
        their summary line; no scrolling and no focus move (the form does not jump)."""
        fields = self._fields
        for name, _text in self._shown:
            if name in still_wrong:
                continue
            widget = fields.inputs.get(name)
            if isinstance(widget, CheckedTextEdit):
                if not widget.findings():
                    widget.clear_message()
            elif isinstance(widget, ValidatedLineEdit):
                widget.clear_message()
            elif name in fields.messages:
                fields.messages[name].clear()
        kept = [(name, text) for name, text in self._shown if name in still_wrong]
        if kept == self._shown:
            return
        self._shown = kept
        fields.error_summary.update_entries(
            [(name, self._summary_line(name, text)) for name, text in kept]
        )
        self._set_error_title(bool(kept))

    @Slot(list)
    def show(self, entries: list[tuple[str, str]]) -> None:
        """``[(field, text), …]`` at their fields and in the summary (scrolled into view)."""
        fields = self._fields
        for name, text in entries:
            widget = fields.inputs.get(name)
            if isinstance(widget, ValidatedLineEdit | CheckedTextEdit):
                if isinstance(widget, CheckedTextEdit) and widget.findings():
                    continue  # the finding message already says it
                widget.show_server_error(text)
            elif name in fields.messages:
                fields.messages[name].show_text(text, "error")
        self._shown = list(entries)
        self._set_error_title(True)
        fields.error_summary.show_errors(
            [(name, self._summary_line(name, text)) for name, text in entries]
        )
        fields.scroll_area.ensureWidgetVisible(fields.error_summary)

    def _summary_line(self, name: str, text: str) -> str:
        labels = {
            "repair_consent": self.tr("Einverständnis zur Reparatur"),
            "consent": self.tr("Einwilligung"),
            "freetext_consent": self.tr("Freitext"),
            "photos": self.tr("Schadenbilder"),
        }
        label = labels.get(name) or (plain_label(name) if name in self._fields.inputs else "")
        return f"{label}: {text}" if label else text

    def _set_error_title(self, error: bool) -> None:
        """Prefix the window title with "Fehler: " while the error summary is shown (GOV.UK);
        the rest of the title stays the shell's (it may change meanwhile, e.g. badges)."""
        window = self._host.window()
        if window is self._host:
            return
        title, prefix = window.windowTitle(), self.tr("Fehler: ")
        if error and not title.startswith(prefix):
            window.setWindowTitle(prefix + title)
        elif not error and title.startswith(prefix):
            window.setWindowTitle(title[len(prefix) :])

    @Slot(str)
    def focus_field(self, name: str) -> None:
        """Focus the field an error summary link points to."""
        fields = self._fields
        target = {"consent": fields.consent_gate.yes}.get(name) or fields.inputs.get(name)
        photos = fields.photos
        if name == "photos" and photos is not None and (undecided := photos.undecided()):
            tile = undecided[0]  # the first photo still waiting for the agent's decision
            target = tile.blur_button if tile.blur_button.isVisible() else tile.confirm
        if target is not None:
            fields.scroll_area.ensureWidgetVisible(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
