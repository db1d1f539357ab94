"""PDF label sheets (reportlab) for office printers: A4 sheets of N-up labels, or one label per page.

Chinese text uses reportlab's built-in CID font STSong-Light. The bundled Noto subset cannot be used:
reportlab embeds only TrueType-outlined fonts and Noto Sans CJK has CFF outlines. STSong-Light needs no
file, keeps a 1,000-label sheet small and fast, and every PDF viewer supplies an Adobe-GB1 font for it.
ASCII runs are drawn in Helvetica; a line whose widths exceed its box (they differ from Noto's) is
condensed, then shrunk, to fit.
QR codes are vector rectangles from zxing-cpp's matrix: crisp at any printer resolution.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import numpy as np
from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from labdesk.printing.cjk import BASELINE_EM
from labdesk.printing.layout import LabelLayout, layout_label, qr_matrix
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import LabelTemplate, SheetLayout

CJK_FONT = "STSong-Light"
LATIN_FONT = "Helvetica"


def _register_fonts() -> None:
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def _draw_label(canvas: Canvas, layout: LabelLayout, x0: float, y0: float, scale: float) -> None:
    """Draw ``layout`` with its top-left corner at (x0, y0) points from the page's bottom-left."""
    dot = 72.0 / layout.dpi * scale  # points per printer dot

    def px(x: float) -> float:
        return x0 + x * dot

    def py(y: float) -> float:
        return y0 - y * dot

    qr = layout.qr
    matrix = qr_matrix(qr.payload)
    module = qr.box.w / matrix.shape[0] * dot
    # One "re" per run of dark modules in module units under one transform, written as literal PDF:
    # reportlab's path API formats every float in Python and made a 1,000-label sheet 3x slower.
    ops = [f"q {module:.4f} 0 0 {-module:.4f} {px(qr.box.x):.3f} {py(qr.box.y):.3f} cm"]
    padded = np.pad(matrix, ((0, 0), (1, 1)))
    rows, columns = np.nonzero(padded[:, 1:] != padded[:, :-1])  # run edges, row-major: start, stop, ...
    ops.extend(
        f"{a} {r} {b - a} 1 re"
        for r, a, b in zip(rows[::2].tolist(), columns[::2].tolist(), columns[1::2].tolist(), strict=True)
    )
    ops.append("f Q")
    canvas.addLiteral("\n".join(ops))
    for line in layout.lines:
        runs = _runs(line.text)
        size = line.size * dot
        natural = sum(pdfmetrics.stringWidth(text, font, size) for text, font in runs)
        limit = line.box.w * dot
        squeeze = 1.0
        if natural > limit > 0:
            # Condense up to 20 % first (keeps the type as tall as the layout chose), then shrink.
            squeeze = max(0.8, limit / natural)
            size *= limit / natural / squeeze
        x, y = px(line.box.x), py(line.box.y + line.size * BASELINE_EM)
        if squeeze < 1.0:
            canvas.saveState()
            canvas.translate(x, y)
            canvas.scale(squeeze, 1)
            x, y = 0.0, 0.0
        for text, font in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
            x += pdfmetrics.stringWidth(text, font, size)
        if squeeze < 1.0:
            canvas.restoreState()


def _runs(text: str) -> list[tuple[str, str]]:
    """Split a line into ASCII and other runs: Helvetica for the first, STSong-Light for the rest.

    reportlab measures every character of a CID font as full width, so ASCII drawn in STSong would be
    measured twice too wide; Helvetica's metrics are exact and its Latin matches the ASCII-only lines.
    """
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = LATIN_FONT if ch.isascii() else CJK_FONT
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + ch, font)
        else:
            runs.append((ch, font))
    return runs


def render_pdf_sheet(
    template: LabelTemplate,
    records: Iterable[LabelRecord],
    out: BinaryIO | Path,
    *,
    sheet: SheetLayout | None = None,
) -> int:
    """Write the labels of ``records`` and return the number of pages written.

    ``sheet=None``: one label per page, page size = label size. With a sheet, labels fill its cells
    row by row, centred in each cell and shrunk if the template is larger than the cell.
    """
    _register_fonts()
    width, height = template.width_mm * mm, template.height_mm * mm
    if sheet is None:
        page = (width, height)
        scale = 1.0
    else:
        page = (sheet.page_width_mm * mm, sheet.page_height_mm * mm)
        scale = min(1.0, sheet.cell_width_mm * mm / width, sheet.cell_height_mm * mm / height)
    target = str(out) if isinstance(out, Path) else out
    # Binary (Flate only) page streams: ASCII85 on top costs a third of the run in pure Python and makes
    # the file 25 % larger; it only helps 7-bit mail transports. Restored after, as it is a global.
    use_a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        return _write(template, records, target, page, scale, sheet, width, height)
    finally:
        rl_config.useA85 = use_a85


def _write(
    template: LabelTemplate,
    records: Iterable[LabelRecord],
    target: str | BinaryIO,
    page: tuple[float, float],
    scale: float,
    sheet: SheetLayout | None,
    width: float,
    height: float,
) -> int:
    canvas = Canvas(target, pagesize=page, pageCompression=1, invariant=1)
    canvas.setTitle(f"LabDesk labels ({template.name})")
    canvas.setCreator("LabDesk")
    count = 0
    per_page = 1 if sheet is None else sheet.per_page
    for record in records:
        if count and count % per_page == 0:
            # reportlab compresses the finished page now but holds it until save(): ~7 KB per page.
            canvas.showPage()
        layout = layout_label(template, record)
        if sheet is None:
            _draw_label(canvas, layout, 0.0, page[1], 1.0)
        else:
            cx, cy = sheet.cell_origin_mm(count)
            x0 = cx * mm + (sheet.cell_width_mm * mm - width * scale) / 2
            top = cy * mm + (sheet.cell_height_mm * mm - height * scale) / 2
            _draw_label(canvas, layout, x0, page[1] - top, scale)
        count += 1
    if count == 0:
        return 0  # nothing written: an empty PDF would print a blank page
    canvas.showPage()
    canvas.save()
    return (count + per_page - 1) // per_page
