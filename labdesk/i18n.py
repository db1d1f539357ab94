"""The translation catalog, readable without Qt.

Source strings are English. Translations live in Qt Linguist files
(``resources/translations/labdesk_<lang>.ts``), kept up to date with ``pyside6-lupdate`` and
edited with Qt Linguist. The UI installs them into Qt's translation system (``tr()``,
``QCoreApplication.translate``); the CLI reads the same file here, so exports made from the command
line carry the same column titles as the app's.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache

from labdesk.paths import TRANSLATIONS_DIR

SUPPORTED_LANGUAGES = ("zh_CN", "en")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context`` without translating it now (lupdate finds it)."""
    return text


def language_from_locale(environ: dict[str, str] | None = None) -> str:
    """``zh_CN`` for a Chinese locale in LC_ALL / LC_MESSAGES / LANG / LANGUAGE, else ``en``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def resolve_language(chosen: str | None, environ: dict[str, str] | None = None) -> str:
    """The language to use: the one chosen in settings, else the OS locale's."""
    if chosen in SUPPORTED_LANGUAGES:
        return chosen
    return language_from_locale(environ)


@dataclass(frozen=True)
class Catalog:
    """Translations of one language: (context, English source) -> translated text."""

    language: str
    messages: dict[tuple[str, str], str] = field(default_factory=dict)

    def translate(self, context: str, source: str) -> str:
        return self.messages.get((context, source)) or source


def ts_path(language: str) -> str:
    return str(TRANSLATIONS_DIR / f"labdesk_{language}.ts")


@lru_cache(maxsize=4)
def load_catalog(language: str) -> Catalog:
    """Read ``labdesk_<language>.ts``; English, or a missing file, gives the source strings back."""
    if language == "en":
        return Catalog(language)
    try:
        root = ET.parse(ts_path(language)).getroot()
    except (OSError, ET.ParseError):
        return Catalog(language)
    messages: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                messages[(name, source)] = translation.text
    return Catalog(language, messages)
