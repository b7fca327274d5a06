"""UI language: installs Qt translators for the app and for Qt's own strings.

The source strings in the code are German, so German's app translation file
(``glasvermittler_de.qm``) holds only the plural forms of ``%n`` messages; English comes from
``resources/i18n/glasvermittler_en.qm`` (built from the ``.ts`` next to it by
``python tools/i18n.py build``). Qt's own strings (standard buttons, context menus of line
edits) come from the ``qtbase_<lang>.qm`` that ships with PySide6.

Usage (the app shell calls it once after creating the ``QApplication``)::

    install_translators(app, settings.language)   # "de" | "en" | None (= German)

The settings dialog lists the choices with :func:`available_languages`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from typing_extensions import override

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from desktop.paths import resource_path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "de"
"""Source strings are German; this is the language used when nothing is configured."""

APP_CATALOGUE = "glasvermittler"
"""Base name of the app's translation files: ``resources/i18n/glasvermittler_<lang>.ts``."""

_QT_CATALOGUES = ("qtbase",)
_LOCALES = {
    "de": QLocale(QLocale.Language.German, QLocale.Country.Germany),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
# Keeps the installed translators alive (Qt does not own them) and lets a second call replace them.
_installed: list[QTranslator] = []


@dataclass(frozen=True)
class Language:
    """One selectable UI language.

    Attributes:
        code: settings value ("de", "en").
        native_name: the language's name in itself, as shown in the settings dialog.
    """

    code: str
    native_name: str


_LANGUAGES = (Language("de", "Deutsch"), Language("en", "English"))


def available_languages() -> list[Language]:
    """Languages the settings dialog offers (German first, it is the default)."""
    return list(_LANGUAGES)


def normalize_language(language: str | None) -> str:
    """Map a settings value to a supported code; unknown or empty values fall back to German.

    Accepts locale-like spellings such as ``"en_GB"`` or ``"de-DE"``.
    """
    if not language:
        return DEFAULT_LANGUAGE
    code = language.strip().replace("-", "_").split("_", 1)[0].lower()
    return code if code in _LOCALES else DEFAULT_LANGUAGE


def app_translation_file(language: str) -> str:
    """Path (as str) of the compiled app translation for ``language`` (may not exist)."""
    return str(resource_path(f"i18n/{APP_CATALOGUE}_{language}.qm"))


def install_translators(app: QCoreApplication, language: str | None) -> str:
    """Install the translators for ``language`` on ``app``, replacing earlier ones.

    Widgets built afterwards show the new language; already built widgets keep their texts
    (the app applies a language change at the next start).

    Args:
        app: the running application.
        language: settings value ("de", "en"), None or unknown → German.

    Returns:
        The language code actually installed.
    """
    code = normalize_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(_LOCALES[code])

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in _QT_CATALOGUES:
        _load(app, f"{catalogue}_{code}", qt_dir)
    # German too: its catalogue holds the plural forms ("1 Vermittlung", "5 Vermittlungen").
    if not _load(app, app_translation_file(code), "", app_catalogue=True) and code != "de":
        log.warning("No app translation for language %s; showing German texts", code)
    return code


class _SubclassAwareTranslator(QTranslator):
    """App translator that also tries the base classes' contexts.

    In PySide6 ``self.tr()`` uses the *runtime* class name as context, while lupdate records
    the class that contains the call. A string written in ``ReferralView`` but shown by its
    subclass ``QuickReferralView`` is therefore looked up as ``QuickReferralView``; on a miss
    this translator retries with the names of the Python base classes.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bases: dict[str, tuple[str, ...]] = {}

    @override
    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:  # None = "not here", like a null QString in C++
        found = super().translate(context, source_text, disambiguation, n)
        if found or not context:
            return found or None
        for base in self._base_contexts(context):
            found = super().translate(base, source_text, disambiguation, n)
            if found:
                return found
        # An empty (non-null) string would stop Qt's search through the other translators.
        return None

    def _base_contexts(self, context: str) -> tuple[str, ...]:
        if context not in self._bases:
            self._bases[context] = _python_bases(context)
        return self._bases[context]


def _python_bases(class_name: str) -> tuple[str, ...]:
    """Names of the Python-defined base classes of the QObject subclass(es) ``class_name``."""
    names: list[str] = []
    stack: list[type] = [QObject]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__name__ != class_name:
            continue
        for base in cls.__mro__[1:]:
            module = base.__module__
            python_class = not module.startswith(("PySide6", "shiboken6", "builtins"))
            if python_class and base.__name__ not in names:
                names.append(base.__name__)
    return tuple(names)


def _load(
    app: QCoreApplication, filename: str, directory: str, *, app_catalogue: bool = False
) -> bool:
    translator = _SubclassAwareTranslator(app) if app_catalogue else QTranslator(app)
    if not translator.load(filename, directory):
        log.info("Translation %s not found", filename)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
