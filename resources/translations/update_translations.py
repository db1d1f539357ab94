"""Refresh labdesk_<lang>.ts from the source: pyside6-lupdate, plus ``N("Context", "text")`` aliases.

``pyside6-lupdate`` finds ``tr()``, ``QCoreApplication.translate`` and ``QT_TRANSLATE_NOOP`` only
under those literal names; the ledger definitions import ``QT_TRANSLATE_NOOP as N``, which lupdate
does not see. This script runs lupdate into a scratch file, adds every call of an alias of
``QT_TRANSLATE_NOOP`` (found with ``ast``), keeps the translations already in the .ts file, and
writes it back (messages gone from the source are dropped). Run from anywhere:

    .venv/bin/python resources/translations/update_translations.py          # update zh_CN
    .venv/bin/python resources/translations/update_translations.py --check  # exit 1 if unfinished
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE = ROOT / "labdesk"
MARKER = "QT_TRANSLATE_NOOP"
_NOT_TRANSLATED = ("unfinished", "obsolete", "vanished")


@dataclass
class Message:
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)
    translation: str = ""


Catalog = dict[str, dict[str, Message]]  # context -> source -> message (insertion = source order)


def python_files() -> list[Path]:
    return sorted(p for p in SOURCE.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate_executable() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    return str(beside) if beside.exists() else (shutil.which("pyside6-lupdate") or "pyside6-lupdate")


def run_lupdate(files: list[Path]) -> Catalog:
    with tempfile.TemporaryDirectory(dir=HERE) as scratch:
        ts = Path(scratch) / "scratch.ts"
        subprocess.run([lupdate_executable(), *map(str, files), "-locations", "absolute", "-ts", str(ts)],
                       check=True, capture_output=True)
        return read_ts(ts, Path(scratch))


def read_ts(path: Path, base: Path) -> Catalog:
    catalog: Catalog = {}
    if not path.exists():
        return catalog
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        messages = catalog.setdefault(name, {})
        for element in context.iter("message"):
            source = element.findtext("source") or ""
            message = messages.setdefault(source, Message(source))
            for location in element.iter("location"):
                filename = location.get("filename")
                if filename:
                    resolved = (base / filename).resolve()
                    message.locations.append((_relative(resolved), int(location.get("line") or 0)))
            translation = element.find("translation")
            if translation is not None and translation.get("type") not in _NOT_TRANSLATED:
                message.translation = translation.text or ""
    return catalog


def _relative(path: Path) -> str:
    return os.path.relpath(path, HERE).replace(os.sep, "/")


def alias_calls(files: list[Path]) -> Catalog:
    """``alias("Context", "text")`` calls, for names bound to QT_TRANSLATE_NOOP by an import."""
    catalog: Catalog = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        aliases = {alias.asname for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                   for alias in node.names if alias.name == MARKER and alias.asname}
        if not aliases:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in aliases
                    and len(node.args) == 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)):
                context, source = (a.value for a in node.args)  # type: ignore[attr-defined]
                message = catalog.setdefault(context, {}).setdefault(source, Message(source))
                message.locations.append((_relative(path), node.lineno))
    return catalog


def merge(*catalogs: Catalog) -> Catalog:
    merged: Catalog = {}
    for catalog in catalogs:
        for context, messages in catalog.items():
            into = merged.setdefault(context, {})
            for source, message in messages.items():
                existing = into.setdefault(source, Message(source))
                existing.locations.extend(loc for loc in message.locations if loc not in existing.locations)
    return merged


def write_ts(path: Path, language: str, catalog: Catalog, old: Catalog) -> tuple[int, int]:
    root = ET.Element("TS", version="2.1", language=language)
    total = unfinished = 0
    for context in sorted(catalog):
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        for source, message in catalog[context].items():
            total += 1
            node = ET.SubElement(element, "message")
            for filename, line in sorted(set(message.locations)):
                ET.SubElement(node, "location", filename=filename, line=str(line))
            ET.SubElement(node, "source").text = source
            translated = old.get(context, {}).get(source)
            translation = ET.SubElement(node, "translation")
            if translated is not None and translated.translation:
                translation.text = translated.translation
            else:
                translation.set("type", "unfinished")
                unfinished += 1
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return total, unfinished


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if messages are missing")
    args = parser.parse_args(argv)
    files = python_files()
    found = merge(run_lupdate(files), alias_calls(files))
    path = HERE / f"labdesk_{args.language}.ts"
    old = read_ts(path, HERE)
    if args.check:
        missing = [(c, s) for c, msgs in found.items() for s in msgs
                   if not old.get(c, {}).get(s, Message(s)).translation]
        for context, source in missing:
            print(f"untranslated: [{context}] {source}")
        return 1 if missing else 0
    total, unfinished = write_ts(path, args.language, found, old)
    print(f"{path.name}: {total} messages, {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
