"""Every marked string has a Chinese translation; the language follows settings, then the OS locale."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from labdesk.i18n import load_catalog, resolve_language
from labdesk.paths import PROJECT_ROOT


def marked_strings() -> set[tuple[str, str]]:
    """(context, text) of every QT_TRANSLATE_NOOP(...) call, however it is imported (e.g. as N)."""
    found: set[tuple[str, str]] = set()
    for path in (PROJECT_ROOT / "labdesk").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {"QT_TRANSLATE_NOOP"} | {
            alias.asname
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.name == "QT_TRANSLATE_NOOP" and alias.asname
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in aliases:
                args = node.args
                if len(args) == 2 and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
                ):
                    found.add((str(args[0].value), str(args[1].value)))  # type: ignore[attr-defined]
    return found


def test_marked_strings_are_found() -> None:
    strings = marked_strings()
    assert ("Ledger", "Instrument code") in strings and ("Status", "In service") in strings
    assert len(strings) > 150


def test_every_marked_string_is_translated_to_chinese() -> None:
    catalog = load_catalog("zh_CN")
    missing = sorted(s for s in marked_strings() if (s[0], s[1]) not in catalog.messages)
    assert missing == []


def test_ts_file_has_nothing_unfinished() -> None:
    text = (PROJECT_ROOT / "resources" / "translations" / "labdesk_zh_CN.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


@pytest.mark.parametrize(
    ("chosen", "env", "expected"),
    [
        (None, {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ("en", {"LANG": "zh_CN.UTF-8"}, "en"),
        ("zh_CN", {}, "zh_CN"),
        ("klingon", {}, "en"),
    ],
)
def test_language_resolution(chosen: str | None, env: dict[str, str], expected: str) -> None:
    assert resolve_language(chosen, env) == expected


def test_english_is_the_source(tmp_path: Path) -> None:
    assert load_catalog("en").translate("Ledger", "Instrument code") == "Instrument code"
