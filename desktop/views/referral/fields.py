"""Widgets for the voluntary referral fields (catalogue drop-downs, lines, dates, multi-choice).

Every input's objectName is the API field name, its accessible name the visible label, and
each label has a mnemonic and a buddy. Values are read and written as plain data so the form
model (``desktop.referral_form``) stays Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from desktop.referral_form import VOLUNTARY, FieldSpec
from desktop.tasks import TaskRunner
from desktop.validation.free_text import FREE_TEXT_FIELDS
from desktop.widgets.checked_text import CheckedLineEdit, CheckedTextEdit

_NO_DATE = QDate(2000, 1, 1)


def field_label(name: str) -> str:
    """German label (with mnemonic) of a field."""
    labels: dict[str, Callable[[], str]] = {
        "nachname": lambda: QCoreApplication.translate("ReferralFields", "&Nachname *"),
        "telefon": lambda: QCoreApplication.translate("ReferralFields", "&Telefon *"),
        "kennzeichen": lambda: QCoreApplication.translate("ReferralFields", "&Kfz-Kennzeichen *"),
        "versicherungsscheinnummer": lambda: QCoreApplication.translate(
            "ReferralFields", "&Versicherungsscheinnummer *"
        ),
        "servicenummer": lambda: QCoreApplication.translate("ReferralFields", "Servicenummer"),
        "anrede": lambda: QCoreApplication.translate("ReferralFields", "Anre&de"),
        "vorname": lambda: QCoreApplication.translate("ReferralFields", "Vorna&me"),
        "telefon2": lambda: QCoreApplication.translate("ReferralFields", "Zweite Telefonnummer"),
        "versicherer": lambda: QCoreApplication.translate("ReferralFields", "Versic&herer"),
        "deckung": lambda: QCoreApplication.translate("ReferralFields", "Deckung"),
        "werkstattbindung": lambda: QCoreApplication.translate(
            "ReferralFields", "Werkstattbindung / Select-Tarif"
        ),
        "selbstbeteiligung": lambda: QCoreApplication.translate(
            "ReferralFields", "Selbstbeteiligung Teilkasko"
        ),
        "vorsteuerabzug": lambda: QCoreApplication.translate(
            "ReferralFields", "Vorsteuerabzugsberechtigt"
        ),
        "ust_id": lambda: QCoreApplication.translate("ReferralFields", "USt-IdNr."),
        "schadennummer": lambda: QCoreApplication.translate(
            "ReferralFields", "Schadennummer des Versicherers"
        ),
        "schadendatum": lambda: QCoreApplication.translate("ReferralFields", "Schadendatum"),
        "ursache": lambda: QCoreApplication.translate("ReferralFields", "Ursache"),
        "scheibe": lambda: QCoreApplication.translate("ReferralFields", "Betroffene Sche&ibe"),
        "schadenart": lambda: QCoreApplication.translate("ReferralFields", "Sch&adenart"),
        "anzahl_einschlaege": lambda: QCoreApplication.translate(
            "ReferralFields", "Anzahl Einschläge"
        ),
        "schadengroesse": lambda: QCoreApplication.translate("ReferralFields", "Schadengröße"),
        "lage": lambda: QCoreApplication.translate("ReferralFields", "Lage des Schadens"),
        "schadenbild": lambda: QCoreApplication.translate("ReferralFields", "Schadenbild"),
        "fahrzeug_hersteller": lambda: QCoreApplication.translate("ReferralFields", "Hersteller"),
        "fahrzeug_modell": lambda: QCoreApplication.translate("ReferralFields", "Modell"),
        "erstzulassung": lambda: QCoreApplication.translate(
            "ReferralFields", "Erstzulassung (Jahr)"
        ),
        "hsn": lambda: QCoreApplication.translate("ReferralFields", "HSN (Schlüsselnummer 2.1)"),
        "tsn": lambda: QCoreApplication.translate("ReferralFields", "TSN (Schlüsselnummer 2.2)"),
        "fin": lambda: QCoreApplication.translate("ReferralFields", "FIN"),
        "assistenzsysteme": lambda: QCoreApplication.translate(
            "ReferralFields", "Assistenzsysteme hinter der Scheibe"
        ),
        "service_wunsch": lambda: QCoreApplication.translate("ReferralFields", "Service-&Wunsch"),
        "einsatzort": lambda: QCoreApplication.translate(
            "ReferralFields", "Einsatzort (mobiler Service)"
        ),
        "wunschtermin": lambda: QCoreApplication.translate("ReferralFields", "Wunschtermin"),
        "wunschtermin_fenster": lambda: QCoreApplication.translate("ReferralFields", "Tageszeit"),
        "zeitfenster": lambda: QCoreApplication.translate("ReferralFields", "Erreichbarkeit"),
        "nicht_am_arbeitsplatz": lambda: QCoreApplication.translate(
            "ReferralFields", "Nicht am Arbeitsplatz anrufen"
        ),
        "zusatzinfo": lambda: QCoreApplication.translate("ReferralFields", "&Zusatzinfo"),
        "bemerkungen": lambda: QCoreApplication.translate("ReferralFields", "&Bemerkungen"),
    }
    maker = labels.get(name)
    return maker() if maker else name


def plain_label(name: str) -> str:
    """Label without mnemonic marker and asterisk (accessible name)."""
    return field_label(name).replace("&", "").replace(" *", "")


class MultiChoice(QWidget):
    """A row of check boxes for a multi-code catalogue (``<field>_<code>`` each)."""

    changed = Signal()

    COLUMNS = 3

    def __init__(
        self, name: str, entries: Sequence[Mapping[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        self._entries: list[tuple[str, str]] = []
        self.set_entries(entries)

    def _emit_changed(self, _checked: bool = False) -> None:
        self.changed.emit()

    def set_entries(self, entries: Sequence[Mapping[str, str]]) -> None:
        """(Re)build the boxes for a catalogue (keeps the checked codes that still exist)."""
        wanted = [(entry["code"], entry["label"]) for entry in entries]
        if wanted == self._entries:
            return
        keep = self.value()
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.setParent(None)
            box.deleteLater()
        self.boxes = {}
        self._entries = wanted
        for index, (code, label) in enumerate(wanted):
            box = QCheckBox(label, self)
            box.setObjectName(f"{self.objectName()}_{code}")
            box.setChecked(code in keep)
            box.toggled.connect(self._emit_changed)
            self._grid.addWidget(box, index // self.COLUMNS, index % self.COLUMNS)
            self.boxes[code] = box

    def value(self) -> list[str]:
        """Checked codes."""
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, codes: Sequence[str]) -> None:
        """Check exactly ``codes``."""
        for code, box in self.boxes.items():
            box.setChecked(code in codes)


class DateField(QDateEdit):
    """Date input where Tab moves to the next field, as everywhere else in the form.

    (QDateEdit's default Tab walks day → month → year first; the sections stay reachable
    with the arrow keys, and typing a separator moves on.)
    """

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt override)
        """Leave the widget instead of moving between date sections."""
        return QWidget.focusNextPrevChild(self, next)


def make_input(
    spec: FieldSpec,
    catalogs: Mapping[str, Sequence[Mapping[str, str]]],
    tasks: TaskRunner | None = None,
) -> QWidget:
    """Create the input widget for one voluntary field (``tasks`` checks long texts)."""
    if spec.type == "code":
        combo = QComboBox()
        combo.addItem(QCoreApplication.translate("ReferralFields", "– bitte wählen –"), None)
        for entry in catalogs.get(spec.catalog or spec.name, []):
            combo.addItem(entry["label"], entry["code"])
        widget: QWidget = combo
    elif spec.type == "codes":
        widget = MultiChoice(spec.name, catalogs.get(spec.catalog or spec.name, []))
    elif spec.type == "date":
        edit = DateField()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(" ")
        edit.setDate(_NO_DATE)
        widget = edit
    elif spec.type == "bool":
        widget = QCheckBox(plain_label(spec.name))
    elif spec.name in FREE_TEXT_FIELDS:  # checked like on the server, from the same list
        rule = FREE_TEXT_FIELDS[spec.name]
        editor = CheckedTextEdit if spec.type == "text" else CheckedLineEdit
        widget = editor(
            spec.name, engine_field=rule.engine_field, ignore_rules=rule.ignore_rules, tasks=tasks
        )
    else:
        line = QLineEdit()
        if spec.max:
            line.setMaxLength(spec.max)
        widget = line
    widget.setObjectName(spec.name)
    widget.setAccessibleName(plain_label(spec.name))
    widget.setProperty("catalog_name", spec.catalog or "")
    return widget


def populate(widget: QWidget, entries: Sequence[Mapping[str, str]]) -> None:
    """Refill a catalogue input from ``/config`` (keeps the selected code if still offered)."""
    if isinstance(widget, QComboBox):
        current = widget.currentData()
        widget.blockSignals(True)
        widget.clear()
        widget.addItem(QCoreApplication.translate("ReferralFields", "– bitte wählen –"), None)
        for entry in entries:
            widget.addItem(entry["label"], entry["code"])
        widget.setCurrentIndex(max(widget.findData(current), 0) if current else 0)
        widget.blockSignals(False)
    elif isinstance(widget, MultiChoice):
        widget.set_entries(entries)


def read_value(widget: QWidget) -> Any:
    """Plain value of an input created by :func:`make_input`."""
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, MultiChoice):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return None if widget.date() == _NO_DATE else widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, CheckedTextEdit):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return None


def write_value(widget: QWidget, value: Any) -> None:
    """Set an input created by :func:`make_input` (None/empty clears it)."""
    if isinstance(widget, QComboBox):
        index = widget.findData(value) if value else 0
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, MultiChoice):
        widget.set_value(list(value or []))
    elif isinstance(widget, QDateEdit):
        date = QDate.fromString(str(value), "yyyy-MM-dd") if value else _NO_DATE
        widget.setDate(date if date.isValid() else _NO_DATE)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, CheckedTextEdit | QLineEdit):
        widget.setText(str(value or ""))


def change_signal(widget: QWidget) -> Any:
    """The signal that fires when the value of ``widget`` changes."""
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, MultiChoice):
        return widget.changed
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, CheckedTextEdit):
        return widget.textChanged
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    raise TypeError(type(widget).__name__)


__all__ = [
    "VOLUNTARY",
    "DateField",
    "MultiChoice",
    "change_signal",
    "field_label",
    "make_input",
    "plain_label",
    "read_value",
    "write_value",
]
