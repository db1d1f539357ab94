"""Regenerate order-form-pdf.png: page 1 of a demo order's printed form (委托单 / 受理回执).

    .venv/bin/python docs/screenshots/make_order_form_pdf.py

Uses a throwaway small demo database. pdfium draws STSong-Light with a system CJK font: without one
(Debian: fonts-noto-cjk) the Chinese in the picture shows as boxes, though the PDF itself is fine.
"""

from __future__ import annotations

import io
import shutil

from shots import HERE, demo_database, scratch_environment

_scratch = scratch_environment()

import pypdfium2 as pdfium  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from labdesk.models import OrderLine  # noqa: E402
from labdesk.printing.order_form_pdf import render_order_form  # noqa: E402
from labdesk.services.demo import DemoSizes  # noqa: E402
from labdesk.services.order_document import load_order_document  # noqa: E402


def main() -> int:
    database = demo_database(_scratch, DemoSizes(customers=5, instruments=5, orders=8, samples=20))
    try:
        with database.read_session() as session:  # the demo order with the most lines
            order_id = session.scalars(
                select(OrderLine.order_id).group_by(OrderLine.order_id)
                .order_by(func.count().desc(), OrderLine.order_id).limit(1)
            ).one()
        buffer = io.BytesIO()
        render_order_form(load_order_document(database, order_id), buffer)
    finally:
        database.dispose()
    pdf = pdfium.PdfDocument(buffer.getvalue())
    try:
        pdf[0].render(scale=110 / 72).to_pil().save(HERE / "order-form-pdf.png", optimize=True)
    finally:
        pdf.close()
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    finally:
        shutil.rmtree(_scratch, ignore_errors=True)
