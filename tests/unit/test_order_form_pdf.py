"""The printed order form: text, amounts, hostile text, page breaks with repeated headers, pixels."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium

from labdesk.printing.order_form_data import OrderDocument, OrderLineRow, OrderSampleRow
from labdesk.printing.order_form_pdf import render_order_form, yuan

# Printer control (ESC, ZPL), quotes, SQL, an emoji, markup-like text.
HOSTILE = "架\x1b^XZ'; DROP TABLE samples;--🙂 <b>粗</b> & \"q\""
HOSTILE_PRINTED = "架\\x1b^XZ'; DROP TABLE samples;--🙂 <b>粗</b> & \"q\""  # ESC shown as its escape
LINE_HEADER = "序号 检测项目 样品编号 计费数量 单价 金额"


def document(lines: int = 3, **changes: object) -> OrderDocument:
    samples = (
        OrderSampleRow("YP2025-00001", "混凝土试块", "混凝土", 3, "组", "C30 150×150×150", "常温", "retain",
                       dt.date(2025, 9, 1)),
        OrderSampleRow("YP2025-00002", HOSTILE, "钢筋", 2, "根", "HRB400 Φ20", "干燥", "dispose"),
        OrderSampleRow("YP2025-00003", "长" * 300, "钢筋", 1, "", "", "", "return_to_customer"),
    )
    rows = tuple(
        OrderLineRow(f"抗压强度 {n}", f"YP2025-0000{n % 3 + 1}" if n % 4 else None, n % 5 + 1,
                     Decimal("120.50"), Decimal("120.50") * (n % 5 + 1))
        for n in range(1, lines + 1)
    )
    doc = OrderDocument(
        order_no="WT2025-000123", status="submitted", received_date=dt.date(2025, 6, 1),
        due_date=dt.date(2025, 6, 8), urgency="urgent", delivery_method="post",
        customer_name="苏州星湖建设集团有限公司", customer_address="苏州市工业园区星湖街 328 号",
        customer_phone="0512-66668888", contact_name="王小明", contact_phone="13912345678",
        contract_no="HT-2025-001", project_name=HOSTILE, samples=samples, lines=rows,
        list_price=Decimal("12345.60"), discount_amount=Decimal("1234.56"), subtotal=Decimal("11111.04"),
        surcharge_pct=Decimal("50.00"), surcharge_amount=Decimal("5555.52"), vat_rate=Decimal("0.0600"),
        tax_amount=Decimal("999.99"), final_price=Decimal("17666.55"),
        notes="送样人：李四\n" + "X" * 300, registered_by="张伟",
    )
    return dataclasses.replace(doc, **changes)  # type: ignore[arg-type]


def page_texts(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def render(doc: OrderDocument) -> tuple[int, bytes]:
    buffer = io.BytesIO()
    pages = render_order_form(doc, buffer)
    return pages, buffer.getvalue()


def test_the_form_prints_the_order_its_customer_and_every_amount() -> None:
    doc = document()
    pages, data = render(doc)
    texts = page_texts(data)
    assert pages == len(texts) >= 1
    text = "".join(texts)
    flat = text.replace("\r\n", "")
    for expected in ("检测委托单（受理回执）", "WT2025-000123", "苏州星湖建设集团有限公司", "HT-2025-001",
                     "王小明", "13912345678", "已提交", "加急", "邮寄", "2025-06-08", "张伟", "委托方签字",
                     "受理人签字", "留样（至 2025-09-01）", "退还委托方", "加急费（50 %）", "增值税（6 %）"):
        assert expected in flat, expected
    amounts = [doc.list_price, doc.discount_amount, doc.subtotal, doc.surcharge_amount, doc.tax_amount,
               doc.final_price, *(line.amount for line in doc.lines), Decimal("120.50")]
    for amount in amounts:
        assert yuan(amount) in flat, amount
    assert "¥17,666.55" in flat
    assert f"第 1 页 / 共 {pages} 页" in texts[0]
    # Long text wraps (and the notes may continue on the next page), nothing is cut.
    body = re.sub(r"\s", "", "".join(t.rsplit("\r\n", 1)[0] for t in texts))  # without page footers
    assert "长" * 300 in body and "X" * 300 in body


def test_hostile_text_prints_verbatim_and_controls_as_visible_escapes() -> None:
    _, data = render(document())
    flat = "".join(page_texts(data)).replace("\r\n", "")
    assert HOSTILE_PRINTED in flat
    assert "\x1b" not in flat  # a printer never receives the raw control character


def test_nasty_characters_do_not_crash_the_renderer() -> None:
    nasty = "\x00\x07\x7f\x85\ud800\r\n\t" + "🙂" * 50 + "&amp; <br/> ]]> <font name='x'>"
    pages, data = render(document(customer_name=nasty, notes=nasty, lines=0, samples=()))
    flat = "".join(page_texts(data)).replace("\r\n", "")
    assert pages >= 1
    assert "\\x00\\x07\\x7f\\x85\\ud800" in flat and "&amp; <br/> ]]> <font name='x'>" in flat


def test_a_pending_order_prints_as_waiting_for_acceptance() -> None:
    _, data = render(document(order_no=None, status="pending"))
    assert "委托单号 待受理" in page_texts(data)[0]


def test_two_hundred_lines_continue_across_pages_with_the_header_repeated(tmp_path: Path) -> None:
    out = tmp_path / "form.pdf"
    pages = render_order_form(document(lines=200), out)
    texts = page_texts(out.read_bytes())
    assert pages == len(texts) >= 4
    with_lines = [t for t in texts if "抗压强度" in t]
    assert len(with_lines) >= 3
    assert all(LINE_HEADER in t for t in with_lines)
    flat = "".join(texts)
    assert all(f"抗压强度 {n}" in flat for n in (1, 99, 200))
    assert f"第 {pages} 页 / 共 {pages} 页" in texts[-1]
    assert "委托方签字" in texts[-1]


def test_page_one_is_not_blank() -> None:
    _, data = render(document())
    pdf = pdfium.PdfDocument(data)
    try:
        image = pdf[0].render(scale=110 / 72).to_pil().convert("L")
    finally:
        pdf.close()
    dark = sum(image.histogram()[:128])
    assert dark / (image.width * image.height) > 0.01
