"""Qt's translation system fed from LabDesk's catalog (the same .ts file the CLI reads).

``CatalogTranslator`` answers ``tr()`` / ``QCoreApplication.translate`` from
``labdesk.i18n.load_catalog``; Qt's own strings (standard buttons, file dialogs) come from the
``qt_*.qm`` files PySide6 ships.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from labdesk.i18n import Catalog, load_catalog, resolve_language
from labdesk.settings import load_settings

QT_CATALOGS = ("qtbase", "qt")


class CatalogTranslator(QTranslator):
    """A QTranslator over a ``Catalog``; untranslated text falls through to Qt's own translators."""

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog

    def language(self) -> str:
        return self._catalog.language

    def translate(  # None is how Python gives Qt a null QString
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # Untranslated must be a *null* QString, not "": Qt takes an empty string as a translation
        # (standard buttons would go blank) and only a null one passes to the next translator.
        return self._catalog.messages.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self._catalog.messages


def choose_language(cli_language: str | None) -> str:
    """``--lang`` if given, else the language saved in settings, else the OS locale's."""
    return resolve_language(cli_language or load_settings().language)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install LabDesk's and Qt's translators for ``language``; returns them (keep them alive)."""
    installed: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGS:
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", qt_dir):
            app.installTranslator(translator)
            installed.append(translator)
    ours = CatalogTranslator(load_catalog(language), app)
    app.installTranslator(ours)
    installed.append(ours)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def translate(context: str, source: str) -> str:
    """``QCoreApplication.translate`` with the services' ``Translate`` signature (context, source)."""
    return QCoreApplication.translate(context, source)


def problem_text(problem: object) -> str:
    """A service's Problem (or an exception carrying one) in the user's language; else its text."""
    from labdesk.services.problems import Problem, ProblemError

    if isinstance(problem, Problem | ProblemError):
        return problem.text(translate)
    return str(problem)
