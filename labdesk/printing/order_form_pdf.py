"""The printed order form and acceptance receipt (检测委托单（受理回执）): one A4 portrait PDF.

Fonts follow ``labdesk.printing.pdf``: reportlab's built-in CID font STSong-Light for Chinese (no font
file to bundle; every viewer supplies an Adobe-GB1 font) and Helvetica for ASCII runs, whose metrics
reportlab knows exactly. The form is a Chinese document, so its words are Chinese constants here.

User text is printed verbatim, with these decisions for what a PDF cannot show:
- every character is XML-escaped before it reaches a reportlab Paragraph, so ``<b>`` prints as typed;
- control characters (C0 but newline, DEL, C1) and lone surrogates are shown as their escape in grey
  (``\\x1b``): they are visible, cannot confuse reportlab's parser or a printer, and the grey tells
  them from the same letters typed by the user; a tab prints as a space, a newline breaks the line;
- characters Adobe-GB1 lacks (emoji) print as the viewer's missing glyph (a box, or a blank with
  pdfium and Noto CJK): accepted, since the text stays in the file (copy and search find it);
- cells wrap anywhere (``wordWrap="CJK"``), so a 300-character name without spaces cannot widen a table.
Tables split across pages with their header row repeated; every page carries the order number and
"第 x 页 / 共 y 页" (the total is known only at the end, so page footers are drawn at save time).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from labdesk.printing.order_form_data import OrderDocument, OrderLineRow, OrderSampleRow

CJK_FONT = "STSong-Light"
LATIN_FONT = "Helvetica"
GREY = "#888888"
TITLE = "检测委托单（受理回执）"
PENDING_NO = "待受理"
MARGIN = 15 * mm
FRAME_PADDING = 6  # points: SimpleDocTemplate's frame keeps this inside each margin
FRAME_WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING

STATUS_WORDS = {
    "pending": "待受理", "rejected": "已拒绝", "draft": "草稿", "submitted": "已提交",
    "finance_confirmed": "已确认收费", "accepted": "已受理", "in_testing": "检测中",
    "completed": "检测完成", "reported": "已出报告", "cancelled": "已取消",
}
URGENCY_WORDS = {"normal": "普通", "urgent": "加急", "express": "特急"}
DELIVERY_WORDS = {"collect": "自取", "post": "邮寄", "email": "电子邮件"}
RETENTION_WORDS = {"retain": "留样", "dispose": "处置", "return_to_customer": "退还委托方"}


def _register_fonts() -> None:
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def _kind(ch: str) -> str:
    code = ord(ch)
    if ch == "\n":
        return "newline"
    if ch == "\t":
        return "tab"
    if code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return "control"
    # Latin-1 (¥, ×, é …) is in Helvetica's WinAnsi encoding too, and narrower there than in STSong.
    return "ascii" if code <= 0xFF else "cjk"


def _runs(text: str) -> list[tuple[str, str]]:
    """``text`` as (kind, chars) runs; CRLF and CR count as newlines."""
    runs: list[tuple[str, str]] = []
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        kind = _kind(ch)
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + ch)
        else:
            runs.append((kind, ch))
    return runs


def _control_escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def markup(text: str) -> str:
    """Paragraph markup that prints ``text`` verbatim (see the module docstring for the exceptions)."""
    parts: list[str] = []
    for kind, chars in _runs(text):
        if kind == "newline":
            parts.append("<br/>" * len(chars))
        elif kind == "tab":
            parts.append(" " * len(chars))
        elif kind == "control":
            shown = "".join(_control_escape(ch) for ch in chars)
            parts.append(f'<font face="{LATIN_FONT}" color="{GREY}">{escape(shown)}</font>')
        elif kind == "ascii":
            parts.append(f'<font face="{LATIN_FONT}">{escape(chars)}</font>')
        else:
            parts.append(escape(chars))
    return "".join(parts)


def yuan(amount: Decimal) -> str:
    return f"¥{amount:,.2f}"


def percent(value: Decimal) -> str:
    """50.00 -> "50 %", 6.50 -> "6.5 %" (no float: the value is a Decimal)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + " %"


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def _style(name: str, size: float = 9, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=CJK_FONT, fontSize=size, leading=size * 1.3, wordWrap="CJK", **extra)


BODY = _style("body")
LABEL = _style("label", textColor=colors.HexColor("#333333"))
HEAD = _style("head", alignment=TA_CENTER)
MONEY = _style("money", alignment=TA_RIGHT)
SECTION = _style("section", 11, spaceBefore=8, spaceAfter=4)
LAB = _style("lab", 11, alignment=TA_CENTER)
TITLE_STYLE = _style("title", 18, alignment=TA_CENTER, spaceBefore=2, spaceAfter=8)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(markup(text), style)


def _grid(data: list[list[Any]], widths: list[float], *, header: bool, long: bool = False) -> Table:
    table_type = LongTable if long else Table
    table = table_type(data, colWidths=widths, repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")))
    table.setStyle(TableStyle(commands))
    return table


def _columns(*weights: float) -> list[float]:
    """Column widths in proportion to ``weights`` that fill the frame exactly."""
    return [FRAME_WIDTH * w / sum(weights) for w in weights]


def _fields(pairs: list[tuple[str, str]]) -> Table:
    """Label / value pairs, two to a row; a pair whose label ends with "*" spans the whole row."""
    widths = [24 * mm, FRAME_WIDTH / 2 - 24 * mm, 24 * mm, FRAME_WIDTH / 2 - 24 * mm]
    rows: list[list[Any]] = []
    spans: list[tuple[Any, ...]] = []
    pending: list[Any] = []
    for label, value in pairs:
        cells = [Paragraph(escape(label.rstrip("*")), LABEL), _p(value)]
        if label.endswith("*"):
            if pending:
                rows.append([*pending, "", ""])
                pending = []
            spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
            rows.append([*cells, "", ""])
        else:
            pending.extend(cells)
            if len(pending) == 4:
                rows.append(pending)
                pending = []
    if pending:
        rows.append([*pending, "", ""])
    table = _grid(rows, widths, header=False)
    shade = colors.HexColor("#f2f2f2")
    spanned = {span[1][1] for span in spans}
    table.setStyle(TableStyle([
        *spans,
        ("BACKGROUND", (0, 0), (0, -1), shade),
        *(("BACKGROUND", (2, row), (2, row), shade) for row in range(len(rows)) if row not in spanned),
    ]))
    return table


def _retention(sample: OrderSampleRow) -> str:
    words = RETENTION_WORDS.get(sample.retention, sample.retention)
    return f"{words}（至 {sample.retain_until.isoformat()}）" if sample.retain_until else words


def _samples_table(samples: tuple[OrderSampleRow, ...]) -> Flowable:
    head = ["样品编号", "样品名称", "样品类型", "数量", "规格型号", "存储条件", "留样处理"]
    widths = _columns(30, 32, 22, 16, 30, 25, 25)
    rows: list[list[Any]] = [[Paragraph(h, HEAD) for h in head]]
    for s in samples:
        quantity = f"{s.quantity} {s.unit}".rstrip()
        rows.append([_p(s.sample_no or PENDING_NO), _p(s.name), _p(s.sample_type), _p(quantity),
                     _p(s.specification), _p(s.storage_condition), _p(_retention(s))])
    if not samples:
        rows.append([_p("（无样品）"), "", "", "", "", "", ""])
    return _grid(rows, widths, header=True, long=True)


def _lines_table(lines: tuple[OrderLineRow, ...]) -> Flowable:
    head = ["序号", "检测项目", "样品编号", "计费数量", "单价", "金额"]
    widths = _columns(12, 70, 30, 18, 25, 25)
    rows: list[list[Any]] = [[Paragraph(h, HEAD) for h in head]]
    for number, line in enumerate(lines, 1):
        rows.append([
            _p(str(number), HEAD), _p(line.description), _p(line.sample_no or "整单"),
            _p(str(line.quantity), MONEY), _p(yuan(line.unit_price), MONEY), _p(yuan(line.amount), MONEY),
        ])
    if not lines:
        rows.append(["", _p("（无检测项目）"), "", "", "", ""])
    return _grid(rows, widths, header=True, long=True)


def _price_table(doc: OrderDocument) -> Flowable:
    rows = [
        ("标准价", yuan(doc.list_price)),
        ("折扣", yuan(doc.discount_amount)),
        ("小计", yuan(doc.subtotal)),
        (f"加急费（{percent(doc.surcharge_pct)}）", yuan(doc.surcharge_amount)),
        (f"增值税（{percent(doc.vat_rate * 100)}）", yuan(doc.tax_amount)),
        ("合计", yuan(doc.final_price)),
    ]
    table = _grid([[_p(label), _p(value, MONEY)] for label, value in rows], [40 * mm, 40 * mm], header=False)
    table.hAlign = "RIGHT"
    table.setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#e8e8e8"))]))
    return table


def _signatures() -> Flowable:
    line = "__________________"
    cells = [[_p(f"委托方签字：{line}"), _p(f"受理人签字：{line}"), _p("日期：____年____月____日")]]
    table = Table(cells, colWidths=[FRAME_WIDTH / 3] * 3)
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 14)]))
    return table


def _story(doc: OrderDocument) -> list[Flowable]:
    status = STATUS_WORDS.get(doc.status, doc.status)
    return [
        _p(doc.lab_name, LAB),
        Paragraph(TITLE, TITLE_STYLE),
        _fields([
            ("委托单号", doc.order_no or PENDING_NO), ("状态", status),
            ("收样日期", _date(doc.received_date)), ("约定完成日期", _date(doc.due_date)),
            ("加急程度", URGENCY_WORDS.get(doc.urgency, doc.urgency)),
            ("报告交付", DELIVERY_WORDS.get(doc.delivery_method, doc.delivery_method)),
        ]),
        Paragraph("委托方信息", SECTION),
        _fields([
            ("委托单位*", doc.customer_name), ("地址*", doc.customer_address),
            ("电话", doc.customer_phone), ("合同编号", doc.contract_no),
            ("联系人", doc.contact_name), ("联系电话", doc.contact_phone),
            ("工程项目*", doc.project_name),
        ]),
        Paragraph(f"样品信息（{len(doc.samples)} 个）", SECTION),
        _samples_table(doc.samples),
        Paragraph(f"检测项目及费用（{len(doc.lines)} 项）", SECTION),
        _lines_table(doc.lines),
        Spacer(1, 4),
        _price_table(doc),
        Paragraph("备注", SECTION),
        _p(doc.notes or "无"),
        Spacer(1, 6),
        KeepTogether([_p(f"登记人：{doc.registered_by}"), _signatures()]),
    ]


def _footer_canvas(footer_left: str) -> type[Canvas]:
    """A canvas that holds its pages until save(), then stamps "第 x 页 / 共 y 页" on each."""

    class FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            y = 9 * mm
            self.setFillColor(colors.HexColor("#555555"))
            self.setLineWidth(0.4)
            left, right_edge = MARGIN + FRAME_PADDING, A4[0] - MARGIN - FRAME_PADDING
            self.line(left, y + 10, right_edge, y + 10)
            _draw_text(self, left, y, footer_left, 8)
            right = f"第 {number} 页 / 共 {total} 页"
            _draw_text(self, right_edge - _text_width(right, 8), y, right, 8)

    return FooterCanvas


def _plain_runs(text: str) -> list[tuple[str, str]]:
    """(font, chars) runs for drawing one line directly on the canvas (the footer)."""
    out: list[tuple[str, str]] = []
    for kind, chars in _runs(text):
        if kind in ("newline", "tab"):
            out.append((LATIN_FONT, " " * len(chars)))
        elif kind == "control":
            out.append((LATIN_FONT, "".join(_control_escape(ch) for ch in chars)))
        else:
            out.append((LATIN_FONT if kind == "ascii" else CJK_FONT, chars))
    return out


def _text_width(text: str, size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(chars, font, size) for font, chars in _plain_runs(text)))


def _draw_text(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    for font, chars in _plain_runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, chars)
        x += pdfmetrics.stringWidth(chars, font, size)


def render_order_form(doc: OrderDocument, out: Path | BinaryIO) -> int:
    """Write the order form of ``doc`` as an A4 PDF to ``out``; returns the number of pages."""
    _register_fonts()
    target = str(out) if isinstance(out, Path) else out
    number = doc.order_no or PENDING_NO
    template = SimpleDocTemplate(
        target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=18 * mm,
        title=f"{TITLE} {number}", author=doc.lab_name, creator="LabDesk", invariant=1,
    )
    template.build(_story(doc), canvasmaker=_footer_canvas(f"{doc.lab_name}  {TITLE}  委托单号 {number}"))
    return int(template.page)
