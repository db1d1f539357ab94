"""ZPL II for Zebra printers: one complete ^XA ... ^XZ label per call.

User text never becomes commands: every field goes through ^FH with "_" as the escape character and
every byte that is not plain printable ASCII, and "^", "~" and "_" themselves, is sent as _XX hex. The
printer draws the QR code itself (^BQ) at the module size the layout chose. Non-ASCII text goes as a
^GFA bitmap unless the printer profile names a resident CJK font (``^A@`` with that font).
"""

from __future__ import annotations

import re
from functools import lru_cache

from labdesk.printing.cjk import text_bitmap
from labdesk.printing.layout import LabelLayout, TextLine, layout_label
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import LabelTemplate

_SAFE = frozenset(range(0x20, 0x7F)) - {ord("^"), ord("~"), ord("_")}
_HEX = [chr(b) if b in _SAFE else f"_{b:02X}" for b in range(256)]
# A resident font is a device path such as E:SIMSUN.FNT or E:ANMDJ.TTF; nothing else may reach ^A@.
_FONT_NAME = re.compile(r"[REBA]:[A-Z0-9_]{1,16}\.(FNT|TTF|TTE)", re.IGNORECASE)
MAX_COPIES = 99_999_999  # ^PQ's limit


def zpl_escape(text: str) -> str:
    """Field data for ^FH_: UTF-8 with everything but safe printable ASCII as _XX hex."""
    return "".join(_HEX[b] for b in text.encode("utf-8"))


@lru_cache(maxsize=4096)
def _graphic(text: str, size: int) -> str:
    """The ^GFA command of a text bitmap; cached with the bitmap, so repeated names cost nothing."""
    bitmap = text_bitmap(text, size)
    total = len(bitmap.data)
    return f"^GFA,{total},{total},{bitmap.width_bytes},{bitmap.data.hex().upper()}"


def _text(line: TextLine, resident_cjk_font: str | None) -> str:
    origin = f"^FO{line.box.x},{line.box.y}"
    if line.is_ascii:
        # Font 0 at the layout's em size; it is narrower than the Noto metrics the layout used.
        return f"{origin}^A0N,{line.size},{line.size}^FH_^FD{zpl_escape(line.text)}^FS"
    if resident_cjk_font is not None:
        return f"{origin}^A@N,{line.size},{line.size},{resident_cjk_font}^FH_^FD{zpl_escape(line.text)}^FS"
    return f"{origin}{_graphic(line.text, line.size)}^FS"


def zpl_from_layout(layout: LabelLayout, *, copies: int = 1, resident_cjk_font: str | None = None) -> bytes:
    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be 1-{MAX_COPIES}, not {copies}")
    if resident_cjk_font is not None and not _FONT_NAME.fullmatch(resident_cjk_font):
        raise ValueError(f"not a printer font name: {resident_cjk_font!r} (expected e.g. E:SIMSUN.FNT)")
    qr = layout.qr
    parts = [
        # ^CI28: field data is UTF-8 (for ^A@ fonts); ^LH0,0 so a previous job's home cannot shift us.
        f"^XA^CI28^PW{layout.width}^LL{layout.height}^LH0,0",
        # ^BQN,2,m: model 2, magnification m; "MA," = error correction M, automatic mode.
        f"^FO{qr.box.x},{qr.box.y}^BQN,2,{qr.module_dots}^FH_^FDMA,{zpl_escape(qr.payload)}^FS",
    ]
    parts.extend(_text(line, resident_cjk_font) for line in layout.lines)
    if copies > 1:
        parts.append(f"^PQ{copies},0,1,Y")
    parts.append("^XZ\n")
    return "".join(parts).encode("ascii")


def render_zpl(
    template: LabelTemplate, record: LabelRecord, *, copies: int = 1, resident_cjk_font: str | None = None
) -> bytes:
    """One complete label, ``^XA`` ... ``^XZ``, in ASCII bytes (all user text is hex-escaped)."""
    return zpl_from_layout(layout_label(template, record), copies=copies, resident_cjk_font=resident_cjk_font)
