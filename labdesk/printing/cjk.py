"""Text with the bundled CJK font: cleaning user text, measuring it and 1-bit bitmaps (cached).

Printers without a Chinese font get non-ASCII text as a bitmap (ZPL ^GFA, TSPL BITMAP); the PNG preview
draws the very same bitmaps, so what the preview shows is what the printer gets. Rendering one line costs
~0.1 ms and a batch repeats the same names and captions, so bitmaps are cached by (text, size).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from labdesk.paths import RESOURCES_DIR

FONT_PATH = RESOURCES_DIR / "fonts" / "NotoSansSC-LabDesk-subset.otf"
REPLACEMENT = "\u25a1"  # WHITE SQUARE: a visible box where the font has no glyph
LINE_HEIGHT = 1.2  # line pitch as a multiple of the em size
BASELINE_EM = 0.92  # baseline below the line top, in ems: CJK ideographs sit 0.88 em above it


@cache
def _cmap() -> frozenset[int]:
    with TTFont(str(FONT_PATH), lazy=True) as font:  # closes the file: pytest treats a leak as an error
        return frozenset(font.getBestCmap())


@lru_cache(maxsize=64)
def pil_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), size=size)


def missing_characters(text: str) -> list[str]:
    """Characters of ``text`` (after cleaning) the bundled font cannot draw, in order, each once."""
    cmap = _cmap()
    seen: dict[str, None] = {}
    for ch in clean_text(text):
        if ord(ch) not in cmap:
            seen.setdefault(ch)
    return list(seen)


def clean_text(text: str) -> str:
    """One line of printable text: control and format characters dropped, line breaks made spaces.

    Printers act on control characters (ESC, STX, ETX...) and a CR/LF must never reach a command line.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if ch in "\r\n\t\v\f\x85\u2028\u2029":
            out.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


@lru_cache(maxsize=16384)  # names, captions and dates repeat across a batch
def printable(text: str) -> str:
    """Cleaned text with characters outside the font replaced by a visible box."""
    cmap = _cmap()
    return "".join(ch if ord(ch) in cmap else REPLACEMENT for ch in clean_text(text))


@lru_cache(maxsize=65536)
def text_width(text: str, size: int) -> int:
    """Advance width in dots of one line at em size ``size`` (dots)."""
    return math.ceil(pil_font(size).getlength(text))


def line_height(size: int) -> int:
    return math.ceil(size * LINE_HEIGHT)


@dataclass(frozen=True)
class Bitmap:
    """A 1-bit image, rows packed MSB first, padded to whole bytes; a set bit is a black dot."""

    width: int
    height: int
    width_bytes: int
    data: bytes


@lru_cache(maxsize=4096)
def text_bitmap(text: str, size: int) -> Bitmap:
    """``text`` (already ``printable``) at em size ``size`` dots, one line tall (see line_height)."""
    width = max(1, text_width(text, size))
    height = line_height(size)
    image = Image.new("L", (width, height), 0)
    # Anti-aliased then thresholded: crisper strokes at 8-12 dot sizes than FreeType's mono mode.
    ImageDraw.Draw(image).text(
        (0, round(size * BASELINE_EM)), text, fill=255, font=pil_font(size), anchor="ls"
    )
    mono = image.point(lambda v: 255 if v >= 112 else 0).convert("1")
    # Text was drawn as 255 on 0, and PIL packs 255 as a set bit: already 1 = black, rows byte-padded.
    data = mono.tobytes()
    width_bytes = (width + 7) // 8
    return Bitmap(width=width, height=height, width_bytes=width_bytes, data=data)
