"""PNG preview at the template's dpi, 1-bit like a thermal label.

It draws the layout with the same text bitmaps the printers get and the QR matrix from zxing-cpp.
"""

from __future__ import annotations

import io

from PIL import Image

from labdesk.printing.cjk import text_bitmap
from labdesk.printing.layout import LabelLayout, layout_label, qr_matrix
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import LabelTemplate


def image_from_layout(layout: LabelLayout) -> Image.Image:
    """Mode "1" image, white label, black print."""
    image = Image.new("1", (layout.width, layout.height), 1)
    qr = layout.qr
    matrix = qr_matrix(qr.payload)
    symbol = Image.fromarray(~matrix).resize(
        (matrix.shape[1] * qr.module_dots, matrix.shape[0] * qr.module_dots), Image.Resampling.NEAREST
    )
    image.paste(symbol.convert("1"), (qr.box.x, qr.box.y))
    for line in layout.lines:
        bitmap = text_bitmap(line.text, line.size)
        glyphs = Image.frombytes("1", (bitmap.width, bitmap.height), bitmap.data)
        # Paste black through the glyph mask; crop so a line can never draw past its box.
        mask = glyphs.crop((0, 0, min(bitmap.width, line.box.w), min(bitmap.height, line.box.h)))
        image.paste(0, (line.box.x, line.box.y), mask)
    return image


def render_png(template: LabelTemplate, record: LabelRecord) -> bytes:
    """The label as a PNG at the template's dpi (its pHYs says so, so viewers show it at true size)."""
    out = io.BytesIO()
    dpi = template.dpi
    image_from_layout(layout_label(template, record)).save(out, format="PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()
