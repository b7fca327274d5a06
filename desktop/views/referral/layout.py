"""Layout of the referral views (quick and complete): mandatory block, consent, voluntary
sections, free text with the customer's explicit wish, photos, review, send.

The behaviour (consent gating, drafts, send results) lives in the parts that
``view.ReferralView`` composes; this module builds and owns the widgets, the explicit tab chain
(call-script order, REFERENCE §4), and reads and writes their values (the form into a Qt-free
:class:`desktop.referral_form.ReferralForm`).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.referral_form import (
    COMPLETE_SECTIONS,
    FREE_TEXT,
    MANDATORY,
    QUICK_FIELDS,
    VOLUNTARY,
    Kind,
    ReferralForm,
)
from desktop.validation import (
    FieldResult,
    check_phone,
    check_plate,
    check_policy_number,
    check_surname,
    display_phone,
)
from desktop.views.referral.fields import (
    MultiChoice,
    field_label,
    make_input,
    plain_label,
    read_value,
    write_value,
)
from desktop.views.referral.review_box import ReviewBox
from desktop.widgets.checked_text import CheckedLineEdit, CheckedTextEdit
from desktop.widgets.company import company_name
from desktop.widgets.consent_gate import ConsentGate
from desktop.widgets.error_summary import ErrorSummary
from desktop.widgets.field_edits import FieldMessage, ValidatedLineEdit
from desktop.widgets.message_bar import MessageBar
from desktop.widgets.photo_tiles import PhotoStrip
from desktop.widgets.scroll_anchor import ScrollAnchor

if TYPE_CHECKING:
    from desktop.services import Services

SECTION_TITLES = {
    "person": "Person",
    "schaden": "Schaden",
    "fahrzeug": "Fahrzeug",
    "versicherung": "Versicherung",
    "service": "Service-Wunsch und Termin",
    "erreichbarkeit": "Erreichbarkeit",
    "zusatzinfo": "Zusatzinfo",
}


def _with_message(editor: QWidget, message: FieldMessage, *below: QWidget) -> QWidget:
    """The field, its message line and any notes ``below`` stacked in the field column."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in (editor, message, *below):
        layout.addWidget(widget)
    return box


def _plate_display(result: FieldResult) -> str | None:
    return result.canonical


def _phone_display(result: FieldResult) -> str | None:
    return display_phone(result.canonical) if result.canonical else None


class ReferralLayout(QWidget):
    """The widgets of one referral view and their values; the view and its parts use them."""

    def __init__(self, services: Services, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.kind: Kind = kind
        self.inputs: dict[str, QWidget] = {}
        self._labels: list[QLabel] = []  # the form labels, one shared column width
        self.messages: dict[str, FieldMessage] = {}
        self.checked: dict[str, CheckedTextEdit] = {}
        self.banner = MessageBar(self)
        self.error_summary = ErrorSummary()
        content = QWidget()
        self._content_layout = QVBoxLayout(content)
        title = self.tr("Schnellvermittlung") if kind == "quick" else self.tr("Komplettvermittlung")
        heading = QLabel(f"<h2>{title}</h2>")
        self._content_layout.addWidget(heading)
        self._content_layout.addWidget(self.error_summary)
        self.mandatory_box = self._build_mandatory()
        self._content_layout.addWidget(self.mandatory_box)
        self.consent_gate = ConsentGate()
        self.messages["consent"] = FieldMessage("consent")
        self._content_layout.addWidget(self.consent_gate)
        self._content_layout.addWidget(self.messages["consent"])
        self.voluntary_box = self._build_voluntary()
        self._content_layout.addWidget(self.voluntary_box)
        self.review_box = ReviewBox()
        self._content_layout.addWidget(self.review_box)
        self._content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a tab stop: focusing a field scrolls it into view; the wheel still scrolls.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(title)
        scroll.setWidget(content)
        self.scroll_area = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.banner)
        outer.addWidget(self.review_box.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(scroll)
        self.voluntary_box.setEnabled(False)
        self.set_company(company_name(services.config))
        self._align_label_column()
        self.set_tab_order()
        # Messages coming and going never move the field being typed in (see ScrollAnchor);
        # the bar is always there, so a form growing past the window never reflows its text.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.anchor = ScrollAnchor(scroll, self._tab_chain)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.anchor.watch_window()  # the window it ended up in (main window or alone)

    def _align_label_column(self) -> None:
        """Every group's labels get the widest label's width: fields start at one x."""
        width = max((label.sizeHint().width() for label in self._labels), default=0)
        for label in self._labels:
            label.setMinimumWidth(width)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field focused by keyboard (Alt+letter too, not only Tab) scrolls into view;
        a mouse click leaves the scroll position alone."""
        content = self.scroll_area.widget()
        if new is None or content is None or not content.isAncestorOf(new):
            self.anchor.focus_changed(None)
            return
        if QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.scroll_area.ensureWidgetVisible(new)
        self.anchor.focus_changed(new)

    def set_company(self, company: str) -> None:
        """Name the glass company (server config or the neutral wording) where the form does."""
        self.repair_consent.setText(
            self.tr("Kunde ist mit &Reparatur oder Austausch durch %1 einverstanden *").replace(
                "%1", company.replace("&", "&&")
            )
        )
        self.repair_consent.setAccessibleName(
            self.tr("Kunde ist mit Reparatur oder Austausch durch %1 einverstanden").replace(
                "%1", company
            )
        )
        self.review_box.set_company(company)

    def set_locked(self, locked: bool) -> None:
        """A sent referral is no longer editable: its fields and consent answer are
        greyed out until "Neue Vermittlung" empties the form."""
        self.mandatory_box.setEnabled(not locked)
        self.consent_gate.setEnabled(not locked)
        self.review_box.review.setEnabled(not locked)
        if locked:
            self.voluntary_box.setEnabled(False)

    def scroll_to_top(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)

    # ---------------------------------------------------------------- building
    def _mnemonic_label(self, name: str) -> str:
        """The field label with a mnemonic: the explicit one, else a free letter."""
        text = field_label(name)
        if "&" in text:
            return text
        if not hasattr(self, "_used_letters"):
            explicit = [field_label(n) for n in (*MANDATORY, *VOLUNTARY)]
            self._used_letters = {t[t.index("&") + 1].lower() for t in explicit if "&" in t}
            self._used_letters |= set("sujerxfj")  # buttons and check boxes of the view
        for index, char in enumerate(text):
            if char.isalpha() and char.lower() not in self._used_letters:
                self._used_letters.add(char.lower())
                return f"{text[:index]}&{text[index:]}"
        first = next((i for i, c in enumerate(text) if c.isalpha()), 0)
        return f"{text[:first]}&{text[first:]}"  # duplicates cycle focus, still reachable

    def _row(
        self, form: QFormLayout, name: str, editor: QWidget, message: FieldMessage, *below: QWidget
    ) -> None:
        label = QLabel(self._mnemonic_label(name))
        label.setBuddy(editor)
        self._labels.append(label)
        editor.setAccessibleName(plain_label(name))
        form.addRow(label, _with_message(editor, message, *below))
        self.inputs[name] = editor
        self.messages[name] = message

    def _build_mandatory(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pflichtangaben"))
        form = QFormLayout(box)
        self.servicenummer = QLineEdit()
        self.servicenummer.setObjectName("servicenummer")
        self.servicenummer.setReadOnly(True)
        self.servicenummer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Looks like what it is, a display and not an input: no frame, window background.
        self.servicenummer.setFrame(False)
        palette = self.servicenummer.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.servicenummer.setPalette(palette)
        self.servicenummer.setAccessibleName(plain_label("servicenummer"))
        self.servicenummer.setAccessibleDescription(
            self.tr("Nur Anzeige, vom Server vorbelegt; kann nicht geändert werden.")
        )
        # Read-only display outside the tab chain: the label is its buddy (screen readers
        # announce the relation) but carries no mnemonic, since Alt+letter cannot focus it.
        service_label = QLabel(field_label("servicenummer"))
        service_label.setBuddy(self.servicenummer)
        self._labels.append(service_label)
        form.addRow(service_label, self.servicenummer)
        nachname = CheckedLineEdit("nachname", check_fn=check_surname, tasks=self.services.tasks)
        self.checked["nachname"] = nachname
        nachname.set_base_description(
            self.tr("Pflichtangabe: nur der Nachname, keine weiteren Angaben zur Person.")
        )
        self._row(form, "nachname", nachname, nachname.message)
        for name, check, pretty, hint in (
            ("telefon", check_phone, _phone_display, self.tr("z. B. 0221 1234567")),
            ("kennzeichen", check_plate, _plate_display, self.tr("z. B. M-AB 1234")),
            ("versicherungsscheinnummer", check_policy_number, None, ""),
        ):
            edit = ValidatedLineEdit(name, check, reformat=pretty, upper=name == "kennzeichen")
            edit.setPlaceholderText(hint)
            edit.set_base_description(" ".join(filter(None, [self.tr("Pflichtangabe."), hint])))
            self._row(form, name, edit, edit.message)
        self.repair_consent = QCheckBox()
        self.repair_consent.setObjectName("repair_consent")
        self.repair_consent.setAccessibleDescription(self.tr("Pflichtangabe."))
        self.messages["repair_consent"] = FieldMessage("repair_consent")
        form.addRow(_with_message(self.repair_consent, self.messages["repair_consent"]))
        self.inputs["repair_consent"] = self.repair_consent
        return box

    def voluntary_names(self) -> list[tuple[str, tuple[str, ...]]]:
        if self.kind == "quick":
            return [("schaden", QUICK_FIELDS)]
        return list(COMPLETE_SECTIONS)

    def _build_voluntary(self) -> QWidget:
        box = QWidget()
        box.setObjectName("voluntary")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        catalogs = (self.services.config or {}).get("catalogs", {})
        for section, names in self.voluntary_names():
            title = (
                self.tr("Freiwillige Angaben")
                if self.kind == "quick"
                else self.tr(SECTION_TITLES.get(section, section))
            )
            group = QGroupBox(title)
            form = QFormLayout(group)
            for name in names:
                if name in FREE_TEXT:
                    self._add_free_text(form, name)
                    continue
                editor = make_input(VOLUNTARY[name], catalogs, self.services.tasks)
                self._describe_voluntary(editor)
                if isinstance(editor, CheckedTextEdit):
                    self.checked[name] = editor
                    message = editor.message
                else:
                    message = FieldMessage(name)
                if isinstance(editor, QCheckBox):
                    form.addRow(_with_message(editor, message))
                    self.inputs[name], self.messages[name] = editor, message
                else:
                    self._row(form, name, editor, message)
            layout.addWidget(group)
        self.photos = PhotoStrip(self.services) if self.kind == "complete" else None
        if self.photos is not None:
            group = QGroupBox(self.tr("Schadenbilder"))
            QVBoxLayout(group).addWidget(self.photos)
            layout.addWidget(group)
        return box

    def _describe_voluntary(self, editor: QWidget) -> None:
        """Screen readers hear that the field is voluntary and needs consent."""
        text = self.tr("Freiwillige Angabe, nur mit Einwilligung des Kunden.")
        if isinstance(editor, CheckedTextEdit):
            editor.set_base_description(text)
            return
        editor.setAccessibleDescription(text)
        for box in editor.boxes.values() if isinstance(editor, MultiChoice) else ():
            box.setAccessibleDescription(text)

    def _add_free_text(self, form: QFormLayout, name: str) -> None:
        self.freetext_consent = QCheckBox(
            self.tr("Kunde wünscht diese Angaben ausdrücklich (Freite&xt)")
        )
        self.freetext_consent.setObjectName("freetext_consent")
        self.freetext_consent.setAccessibleDescription(
            self.tr("Freitext wird nur übermittelt, wenn der Kunde ihn ausdrücklich wünscht.")
        )
        self.freetext_consent.setAccessibleName(self.tr("Kunde wünscht Freitext ausdrücklich"))
        self.messages["freetext_consent"] = FieldMessage("freetext_consent")
        form.addRow(_with_message(self.freetext_consent, self.messages["freetext_consent"]))
        self.inputs["freetext_consent"] = self.freetext_consent
        editor = CheckedTextEdit(name, tasks=self.services.tasks)
        editor.setPlaceholderText(
            self.tr("Nur Besonderheiten des Auftrags, z. B. „Bitte laut und deutlich klingeln“.")
        )
        art15 = self.tr(
            "Die betroffene Person kann Auskunft über diese Angaben verlangen (Art. 15 DSGVO) – "
            "bitte nur sachliche, für den Auftrag nötige Hinweise."
        )
        editor.set_base_description(
            self.tr("Keine Gesundheitsangaben oder Bewertungen.") + " " + art15
        )
        editor.setMinimumHeight(80)
        editor.setMaximumHeight(160)
        self.checked[name] = editor
        self.free_text_limit = VOLUNTARY[name].max
        self.counter = QLabel()
        self.counter.setObjectName(f"{name}_counter")
        hint = QLabel(art15)
        hint.setObjectName(f"{name}_hint")
        hint.setWordWrap(True)
        # In the field's column, not rows of their own spanning the form: a wrapped row of its
        # own came back one line too tall after a message had come and gone (a gap).
        self._row(form, name, editor, editor.message, self.counter, hint)
        self.show_count(0)

    def show_count(self, count: int) -> None:
        """Characters typed of the allowed maximum (free text)."""
        self.counter.setText(
            self.tr("%1 von %2 Zeichen")
            .replace("%1", str(count))
            .replace("%2", str(self.free_text_limit))
        )

    def _tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.inputs[name] for name in MANDATORY]
        chain += [self.repair_consent, self.consent_gate.yes, self.consent_gate.no]
        for _, names in self.voluntary_names():
            for name in names:
                if name in FREE_TEXT:
                    chain.append(self.freetext_consent)
                widget = self.inputs[name]
                chain += (
                    list(widget.boxes.values()) if isinstance(widget, MultiChoice) else [widget]
                )
        if self.photos is not None:
            chain += self.photos.focus_chain()
        chain += self.review_box.focus_chain() + self.review_box.send_chain()
        return chain

    def set_tab_order(self) -> None:
        chain = self._tab_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---------------------------------------------------------------- reading
    def collect_form(self, form: ReferralForm) -> ReferralForm:
        """Copy the widget values into ``form`` (the consent answer is set by the view)."""
        form.mandatory = {name: self.text_of(self.inputs[name]) for name in MANDATORY}
        form.repair_consent = self.repair_consent.isChecked()
        form.freetext_consent = self.freetext_consent.isChecked()
        form.voluntary = self.voluntary_values()
        return form

    def has_content(self) -> bool:
        """False for an untouched (or just reset) form: no empty drafts."""
        if self.repair_consent.isChecked() or self.consent_gate.answer is not None:
            return True
        return any(self.text_of(self.inputs[name]).strip() for name in MANDATORY)

    def voluntary_values(self) -> dict[str, Any]:
        """The voluntary fields' values (photos are the strip's)."""
        return {
            name: read_value(self.inputs[name])
            for _, names in self.voluntary_names()
            for name in names
        }

    def write_voluntary(self, values: dict[str, Any]) -> None:
        """Write the voluntary fields; ``{}`` empties them and the photos, a ``__photos__``
        entry (tiles taken out earlier) puts those photos back."""
        for _, names in self.voluntary_names():
            for name in names:
                write_value(self.inputs[name], values.get(name))
        if self.photos is not None:
            if "__photos__" in values:
                self.photos.put_back(values["__photos__"])
            elif not values:
                self.photos.clear()

    @staticmethod
    def text_of(widget: QWidget) -> str:
        if isinstance(widget, CheckedTextEdit):
            return widget.text()
        if isinstance(widget, QLineEdit):
            return widget.text()
        return ""
