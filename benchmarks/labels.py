"""1,000 labels: ZPL stream, TSPL stream and an A4 3x8 PDF sheet, beside the QR generators alone.

    python benchmarks/labels.py [--labels 1000] [--runs 3]

Each figure is the best of ``--runs`` runs in this process (the first run also warms the CJK bitmap
cache, as a batch does after its first labels). Peak memory is tracemalloc's peak for one run at the
full size and at a tenth of it: "flat in the batch size" means the two are close, because streams are
written as they are made, not accumulated. Streams go to /dev/null-like sinks that only count bytes.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import io
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import zxingcpp

from labdesk.printing.payload import encode_payload
from labdesk.printing.pdf import render_pdf_sheet
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import BUILTIN_SHEETS, template_by_name
from labdesk.printing.tspl import render_tspl
from labdesk.printing.zpl import render_zpl

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

NAMES = ("数字压力计 0-60 MPa", "电子天平 220 g/0.1 mg", "恒温恒湿养护箱", "万能材料试验机 WAW-1000B")
STATUS = ("在用", "停用", "限用")


class CountingSink(io.BytesIO):
    """A binary file that keeps only the byte count: the benchmark measures making, not storing."""

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def write(self, data: ReadableBuffer, /) -> int:
        n = memoryview(data).nbytes
        self.size += n
        return n


def records(n: int) -> Iterator[LabelRecord]:
    for i in range(n):
        yield LabelRecord(
            "instrument",
            f"YQ-{i:06d}",
            NAMES[i % len(NAMES)],
            {
                "status": STATUS[i % 3],
                "next_due": f"2027-{1 + i % 12:02d}-15",
                "last_calibrated": "2026-03-01",
            },
        )


def zpl_stream(n: int) -> int:
    template, sink = template_by_name("instrument-50x30"), CountingSink()
    for record in records(n):
        sink.write(render_zpl(template, record))
    return sink.size


def tspl_stream(n: int) -> int:
    template, sink = template_by_name("instrument-50x30"), CountingSink()
    for record in records(n):
        sink.write(render_tspl(template, record))
    return sink.size


def pdf_sheet(n: int) -> int:
    sink = CountingSink()
    render_pdf_sheet(template_by_name("instrument-50x30"), records(n), sink, sheet=BUILTIN_SHEETS["a4-3x8"])
    return sink.size


def zxing_qr(n: int) -> int:
    for i in range(n):
        zxingcpp.create_barcode(encode_payload("instrument", f"YQ-{i:06d}"), zxingcpp.BarcodeFormat.QRCode)
    return 0


def qrcode_matrices(n: int) -> int:
    qrcode = importlib.import_module("qrcode")  # optional: not a LabDesk dependency

    for i in range(n):
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(encode_payload("instrument", f"YQ-{i:06d}"))
        code.get_matrix()
    return 0


def best_time(fn: Callable[[int], int], n: int, runs: int) -> tuple[float, int]:
    best, size = float("inf"), 0
    for _ in range(runs):
        started = time.perf_counter()
        size = fn(n)
        best = min(best, time.perf_counter() - started)
    return best, size


def peak_mib(fn: Callable[[int], int], n: int) -> float:
    tracemalloc.start()
    try:
        fn(n)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--labels", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    n = args.labels
    cases: list[tuple[str, Callable[[int], int]]] = [
        ("ZPL stream (target <= 0.2 s)", zpl_stream),
        ("TSPL stream", tspl_stream),
        ("PDF sheet A4 3x8 (target <= 1 s)", pdf_sheet),
        ("zxing-cpp create_barcode only", zxing_qr),
    ]
    if importlib.util.find_spec("qrcode") is not None:
        cases.append(("qrcode matrices only", qrcode_matrices))
    else:
        print("note: the qrcode package is not installed (not a LabDesk dependency); its row is skipped")
    print(f"{n} labels, template instrument-50x30 (203 dpi), best of {args.runs} runs\n")
    print(f"{'case':36} {'time s':>8} {'ms/label':>9} {'output':>10} {'peak MiB':>9} {'peak @n/10':>10}")
    for title, fn in cases:
        seconds, size = best_time(fn, n, args.runs)
        output = f"{size / 1e6:.2f} MB" if size else "-"
        full, tenth = peak_mib(fn, n), peak_mib(fn, max(1, n // 10))
        print(f"{title:36} {seconds:8.3f} {seconds / n * 1000:9.3f} {output:>10} {full:9.2f} {tenth:10.2f}")


if __name__ == "__main__":
    main()
