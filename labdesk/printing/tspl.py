"""TSPL for TSC and compatible printers (Xprinter, Gainscha): SIZE/GAP/CLS ... PRINT 1,copies.

TSPL is line-based, so user text must never carry a CR/LF (cleaned away by the layout) and every string
is double-quoted with a quote written as \\["] (TSPL's escape). Non-ASCII text goes as a BITMAP, which
needs no font on the printer; ASCII text uses the printer's scalable font "0".
"""

from __future__ import annotations

from functools import lru_cache

from labdesk.printing.cjk import text_bitmap
from labdesk.printing.layout import LabelLayout, TextLine, layout_label
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import LabelTemplate

MAX_COPIES = 65_535


def tspl_quote(text: str) -> str:
    """A TSPL string literal; control characters (a CR/LF would end the command line) become spaces."""
    cleaned = "".join(" " if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in text)
    return '"' + cleaned.replace('"', '\\["]') + '"'


@lru_cache(maxsize=4096)
def _bitmap(text: str, size: int) -> tuple[int, int, bytes]:
    """(width bytes, height, data) for BITMAP: TSPL prints a 0 bit black, so the bits are inverted."""
    bitmap = text_bitmap(text, size)
    return bitmap.width_bytes, bitmap.height, bytes(b ^ 0xFF for b in bitmap.data)


def _text(line: TextLine, dpi: int) -> bytes:
    x, y = line.box.x, line.box.y
    if line.is_ascii:
        points = max(1, round(line.size * 72 / dpi))  # font "0" multipliers are in points
        return f'TEXT {x},{y},"0",0,{points},{points},{tspl_quote(line.text)}\r\n'.encode("ascii")
    width_bytes, height, data = _bitmap(line.text, line.size)
    return f"BITMAP {x},{y},{width_bytes},{height},0,".encode("ascii") + data + b"\r\n"


def tspl_from_layout(layout: LabelLayout, *, copies: int = 1) -> bytes:
    if not 1 <= copies <= MAX_COPIES:
        raise ValueError(f"copies must be 1-{MAX_COPIES}, not {copies}")
    dpi = layout.dpi
    width_mm = layout.width * 25.4 / dpi
    height_mm = layout.height * 25.4 / dpi
    qr = layout.qr
    head = (
        f"SIZE {width_mm:.1f} mm,{height_mm:.1f} mm\r\n"
        "GAP 2 mm,0 mm\r\n"
        "DIRECTION 1\r\n"
        "CLS\r\n"
        # M: error correction M; A: automatic mode; 0: no rotation (the layout's orientation).
        f"QRCODE {qr.box.x},{qr.box.y},M,{qr.module_dots},A,0,{tspl_quote(qr.payload)}\r\n"
    ).encode()
    body = b"".join(_text(line, dpi) for line in layout.lines)
    return head + body + f"PRINT 1,{copies}\r\n".encode("ascii")


def render_tspl(template: LabelTemplate, record: LabelRecord, *, copies: int = 1) -> bytes:
    """One label program, SIZE ... PRINT 1,copies (CR/LF line ends, UTF-8 only inside the QR string)."""
    return tspl_from_layout(layout_label(template, record), copies=copies)
