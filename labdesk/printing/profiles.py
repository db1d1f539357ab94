"""Printer profiles: the label printers this workstation knows, saved as JSON in the config directory.

A profile is per workstation, not in the database: the same printer is ``tcp://10.0.0.5:9100`` from
one office and a CUPS queue from another. It says how to reach the printer, which language it speaks
and at what resolution, which template it usually prints, and whether a Chinese font is resident on
the printer (otherwise Chinese text is sent as bitmaps, which every printer can print).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from labdesk.paths import config_dir
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import VALID_DPI, LabelTemplate
from labdesk.printing.transports import Transport, parse_printer_url

LANGUAGES = ("zpl", "tspl")
PROFILES_FORMAT = 1


@dataclass(frozen=True)
class PrinterProfile:
    name: str
    address: str  # tcp://HOST:PORT, cups:QUEUE or file:PATH
    language: str = "zpl"
    dpi: int = 203
    default_template: str | None = None
    # ZPL only: a CJK font stored on the printer (e.g. "E:SIMSUN.TTF"); None = Chinese as ^GF bitmaps.
    resident_cjk_font: str | None = None

    def problems(self) -> list[str]:
        """Why this profile cannot be used (empty when it can)."""
        found: list[str] = []
        if not self.name.strip():
            found.append("the printer needs a name")
        if self.language not in LANGUAGES:
            found.append(f"the language must be one of {', '.join(LANGUAGES)}, not {self.language!r}")
        if self.dpi not in VALID_DPI:
            found.append(f"the resolution must be one of {VALID_DPI} dpi, not {self.dpi}")
        try:
            parse_printer_url(self.address)
        except ValueError as error:
            found.append(str(error))
        if self.resident_cjk_font is not None and self.language != "zpl":
            found.append("a resident Chinese font is only used with ZPL printers")
        return found

    def transport_factory(self) -> Callable[[], Transport]:
        """A fresh transport per run or resume; only ZPL printers are asked for ``~HS`` status."""
        return partial(parse_printer_url, self.address, host_status=self.language == "zpl")

    def check_ready(self) -> str | None:
        """Connect and, for ZPL, ask the printer's status: None when it is ready, else one sentence.

        Blocks for up to the connect timeout (run it off the UI thread). A CUPS queue is only started,
        never given a job: it is aborted, so the test prints nothing.
        """
        from labdesk.printing.transports import PrinterUnavailable

        try:
            transport = self.transport_factory()()
        except ValueError as error:
            return str(error)
        try:
            transport.open()
            status = transport.query_status()
            if self.address.strip().startswith("cups:"):
                transport.abort()
            else:
                transport.close()
        except PrinterUnavailable as error:
            transport.abort()
            return error.message
        return status.problem() if status is not None else None

    def renderer(self, template: LabelTemplate, copies: int = 1) -> Callable[[LabelRecord], bytes]:
        """One record -> one label in this printer's language, the printer making the copies."""
        from labdesk.printing.tspl import render_tspl
        from labdesk.printing.zpl import render_zpl

        if template.dpi != self.dpi:
            # A template is laid out in millimetres; the printer's head decides how many dots those
            # are. Sent at the template's own dpi, a 203-dpi layout would come out 2/3 size on 300 dpi.
            template = replace(template, dpi=self.dpi)
        if self.language == "zpl":
            return partial(render_zpl, template, copies=copies, resident_cjk_font=self.resident_cjk_font)
        return partial(render_tspl, template, copies=copies)


def profiles_path() -> Path:
    return config_dir() / "printers.json"


def _profile(raw: Any) -> PrinterProfile | None:
    if not isinstance(raw, dict):
        return None
    known = {k: v for k, v in raw.items() if k in PrinterProfile.__dataclass_fields__}
    try:
        profile = PrinterProfile(**known)
    except TypeError:
        return None
    return None if profile.problems() else profile


def load_profiles(path: Path | None = None) -> list[PrinterProfile]:
    """The saved profiles; a missing or unreadable file gives none, and a broken entry is skipped
    (one hand-edited mistake must not hide every other printer)."""
    try:
        raw = json.loads((path or profiles_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(raw, dict) or raw.get("format") != PROFILES_FORMAT:
        return []
    entries = raw.get("printers")
    if not isinstance(entries, list):
        return []
    return [p for p in map(_profile, entries) if p is not None]


def save_profiles(profiles: Sequence[PrinterProfile], path: Path | None = None) -> None:
    """Write all profiles atomically; ValueError (nothing written) if one is invalid or names repeat."""
    names = [p.name for p in profiles]
    if len(set(names)) != len(names):
        raise ValueError("two printers have the same name")
    for profile in profiles:
        if problems := profile.problems():
            raise ValueError(f"printer {profile.name!r}: " + "; ".join(problems))
    target = path or profiles_path()
    tmp = target.with_suffix(".tmp")
    data = {"format": PROFILES_FORMAT, "printers": [asdict(p) for p in profiles]}
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(target)


def profile_by_name(name: str, profiles: Sequence[PrinterProfile] | None = None) -> PrinterProfile:
    for profile in load_profiles() if profiles is None else profiles:
        if profile.name == name:
            return profile
    raise KeyError(f"no printer named {name!r} on this workstation")
