"""The language switch (desktop.i18n) and the committed translation files."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from desktop import i18n
from tools import i18n as i18n_tool
from tools import i18n_extract


@pytest.fixture
def restore_language(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    i18n.install_translators(qapp, None)


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    text = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    box.deleteLater()
    return text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "de"),
        ("", "de"),
        ("de", "de"),
        ("en", "en"),
        ("en_GB", "en"),
        ("EN-us", "en"),
        ("fr", "de"),
    ],
)
def test_normalize_language(value: str | None, expected: str) -> None:
    assert i18n.normalize_language(value) == expected


def test_available_languages_offer_german_first_and_english() -> None:
    codes = [lang.code for lang in i18n.available_languages()]
    assert codes[0] == i18n.DEFAULT_LANGUAGE == "de"
    assert "en" in codes


def test_german_default_translates_qt_own_strings(restore_language: QApplication) -> None:
    assert i18n.install_translators(restore_language, None) == "de"
    assert _cancel_text() == "Abbrechen"
    assert QLocale().language() == QLocale.Language.German


def test_english_switches_qt_and_back(restore_language: QApplication) -> None:
    assert i18n.install_translators(restore_language, "en") == "en"
    assert _cancel_text() == "Cancel"
    assert QLocale().language() == QLocale.Language.English
    # a second call replaces the translators instead of stacking them
    i18n.install_translators(restore_language, "de")
    assert _cancel_text() == "Abbrechen"


def test_english_app_catalogue_is_loadable(restore_language: QApplication) -> None:
    from pathlib import Path

    assert Path(i18n.app_translation_file("en")).is_file()
    i18n.install_translators(restore_language, "en")
    # a German source text without translation falls back to itself
    assert QCoreApplication.translate("NoSuchContext", "Unübersetzt") == "Unübersetzt"


def test_committed_qm_matches_ts() -> None:
    assert i18n_tool.qm_problems("en") == []


def test_every_ui_string_has_a_finished_english_translation() -> None:
    # lupdate over desktop/ into a temporary copy of the committed .ts: a string in the code
    # that the .ts lacks, or an entry without a finished translation, fails here.
    problems = i18n_tool.translation_problems("en")
    assert problems == [], (
        f"{len(problems)} UI string(s) without English translation; run "
        "`python tools/i18n.py update`, translate (`pending`/`apply`), then `build`:\n"
        + "\n".join(problems[:20])
    )


def test_german_plural_catalogue_is_complete_and_fresh() -> None:
    assert i18n_tool.translation_problems("de") == []
    assert i18n_tool.qm_problems("de") == []


def test_german_counts_read_naturally(restore_language: QApplication) -> None:
    i18n.install_translators(restore_language, "de")

    def tr(context: str, text: str, n: int) -> str:
        return QCoreApplication.translate(context, text, "", n)

    assert tr("ReferralsPage", "%n Vermittlung(en)", 1) == "1 Vermittlung"
    assert tr("ReferralsPage", "%n Vermittlung(en)", 5) == "5 Vermittlungen"
    retention = (
        "Entwürfe werden aus Datenschutzgründen %n Tag(e) nach der letzten Änderung "
        "automatisch gelöscht."
    )
    assert " 7 Tage nach " in tr("DraftsPage", retention, 7)
    assert " 1 Tag nach " in tr("DraftsPage", retention, 1)
    assert tr("DraftsModel", "in %n Tag(en)", 2) == "in 2 Tagen"
    assert tr("ErrorSummary", "Es gibt ein Problem: %n Angabe(n) prüfen", 1).endswith(
        "1 Angabe prüfen"
    )


def test_english_ui_is_shown_after_switching(restore_language: QApplication) -> None:
    from tests.gui.test_privacy_page import PageServices

    i18n.install_translators(restore_language, "en")
    page = PageServices().page()
    try:
        title = page.findChild(QWidget, "privacy_title")
        assert title.text() == QCoreApplication.translate(
            "PrivacyPage", "Datenschutz bei der Vermittlung"
        )
        assert title.text() != "Datenschutz bei der Vermittlung"
        assert page.findChild(QWidget, "wipe_local_data").text() == "&Delete all local data …"
    finally:
        page.deleteLater()


def test_read_messages_reports_unfinished_and_plural(tmp_path) -> None:
    ts = tmp_path / "x_en.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en_GB">'
        "<context><name>C</name>"
        "<message><source>Ja</source><translation>Yes</translation></message>"
        '<message><source>Nein</source><translation type="unfinished"></translation></message>'
        '<message numerus="yes"><source>%n Foto(s)</source><translation>'
        "<numerusform>%n photo</numerusform><numerusform></numerusform></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    done = {m.source: m.finished for m in i18n_tool.read_messages(ts)}
    assert done == {"Ja": True, "Nein": False, "%n Foto(s)": False}


class _GreetingBase(QWidget):
    def greeting(self) -> str:
        return self.tr("Guten Tag")


class _GreetingSub(_GreetingBase):
    pass


def test_subclass_uses_base_class_context(tmp_path, restore_language: QApplication) -> None:
    # PySide6's self.tr() asks for the runtime class; lupdate files it under the defining class
    ts = tmp_path / "t_en.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en_GB">'
        "<context><name>_GreetingBase</name>"
        "<message><source>Guten Tag</source><translation>Good day</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "t_en.qm"
    i18n_tool.run_lrelease(ts, qm)
    translator = i18n._SubclassAwareTranslator(restore_language)
    assert translator.load(str(qm))
    restore_language.installTranslator(translator)
    try:
        base, sub = _GreetingBase(), _GreetingSub()
        assert sub.greeting() == "Good day"
        assert base.greeting() == "Good day"
        assert QCoreApplication.translate("_GreetingSub", "Unbekannt") == "Unbekannt"
    finally:
        restore_language.removeTranslator(translator)


def test_extra_strings_finds_what_lupdate_misses(tmp_path) -> None:
    src = tmp_path / "m.py"
    src.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        '_CTX = "Kasten"\n'
        '_HEADERS = ("Betreff", "Status")\n'
        "def _tr(text):\n"
        "    return QCoreApplication.translate(_CTX, text)\n"
        "def f(i, s):\n"
        '    _tr("Offen"); _tr(_HEADERS[i]); _tr(s)\n'
        '    QCoreApplication.translate(_CTX, "Direkt")\n'
        '    QCoreApplication.translate("Literal", "lupdate findet das selbst")\n'
        "    tr = QCoreApplication.translate\n"
        '    tr("Modell", "gerade eben")\n'
        '_TITLES = {"a": "Titel A", "b": "Titel B"}\n'
        '_STATES = {"on": QT_TRANSLATE_NOOP(_CTX, "Verbunden")}\n'
        "def title(key):\n"
        "    return QCoreApplication.translate(_CTX, str(_TITLES[key]))\n"
        "class Box(QWidget):\n"
        "    def label(self, state):\n"
        "        text = _STATES.get(state, _SECTIONS[0])\n"
        "        return self.tr(text)\n",
        encoding="utf-8",
    )
    other = tmp_path / "other.py"
    other.write_text(
        '_SECTIONS = ("Person", "Schaden")\n'
        'HINT = "Bitte sachlich schreiben."\n'
        "def hint(parent):\n"
        "    return parent.tr(HINT)\n"
        "class Page(QWidget):\n"
        "    def build(self):\n"
        "        hint(self)\n",
        encoding="utf-8",
    )
    assert i18n_extract.extra_strings([src, other]) == [
        ("Box", "Person"),
        ("Box", "Schaden"),
        ("Kasten", "Betreff"),
        ("Kasten", "Direkt"),
        ("Kasten", "Offen"),
        ("Kasten", "Status"),
        ("Kasten", "Titel A"),
        ("Kasten", "Titel B"),
        ("Kasten", "Verbunden"),
        ("Modell", "gerade eben"),
        ("Page", "Bitte sachlich schreiben."),
    ]
