"""Batch runs against the printer emulator on loopback: order, confirmation, cut-and-resume, cancel."""

from __future__ import annotations

import argparse
import itertools
import random
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from labdesk.cli_labels import add_labels_parser, run_labels
from labdesk.models.instruments import Instrument
from labdesk.printing.batch import BatchRun, BatchState
from labdesk.printing.profiles import PrinterProfile, save_profiles
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import default_template
from labdesk.printing.transports import TcpTransport, Transport, parse_printer_url
from labdesk.printing.tspl import render_tspl
from labdesk.printing.zpl import render_zpl
from labdesk.services.connection import make_engine
from labdesk.services.demo import DemoSizes, fill_demo
from labdesk.services.labels import load_label_records
from tests.printing.emulator import PrinterEmulator, assert_every_label_in_order, stream_layout

LOST = "was lost; check that it is on and connected, then resume."


def records(n: int) -> list[LabelRecord]:
    return [
        LabelRecord(
            "instrument",
            f"YQ-{i:06d}",
            f"电子天平 {i}号",
            {"status": "在用", "next_due": "2027-03-01", "last_calibrated": "2026-03-01"},
        )
        for i in range(n)
    ]


TEMPLATE = default_template("instrument")
render = partial(render_zpl, TEMPLATE)
tspl = partial(render_tspl, TEMPLATE)


def captured(record: LabelRecord, renderer: Callable[[LabelRecord], bytes] = render) -> bytes:
    """The label as the emulator captures it (``^XA`` … ``^XZ``, without the trailing newline)."""
    return renderer(record).strip()


def codes(batch: list[LabelRecord]) -> list[str]:
    return [r.code for r in batch]


def factory(printer: PrinterEmulator, **options: object) -> Callable[[], Transport]:
    return lambda: TcpTransport("127.0.0.1", printer.port, **options)  # type: ignore[arg-type]


def test_fifty_labels_arrive_in_order() -> None:
    batch = records(50)
    seen: list[tuple[int, int, int]] = []
    with PrinterEmulator() as printer:
        run = BatchRun(batch, render, factory(printer), progress=lambda *p: seen.append(p))
        assert run.run() is BatchState.COMPLETED
        assert printer.wait_for(lambda p: len(p.labels) == 50)
        assert printer.labels == [captured(r) for r in batch]
        assert printer.status_queries == 5  # every 10 labels; the last check also covers the end
        assert [c.ended for c in printer.connections] == ["eof"]
    assert (run.confirmed_count, run.next_index, run.message) == (50, 50, None)
    assert seen[-1] == (50, 50, 50)
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in itertools.pairwise(seen))
    assert all(confirmed <= sent for confirmed, sent, _ in seen)


def _cut_offsets() -> list[tuple[str, Callable[[list[int], list[int]], int]]]:
    return [
        ("mid-first-label", lambda starts, sizes: sizes[0] // 2),
        ("label-boundary", lambda starts, sizes: starts[3]),
        ("mid-label-23", lambda starts, sizes: starts[23] + sizes[23] // 3),
        ("inside-status-query", lambda starts, sizes: starts[10] - 2),
        ("right-after-status-query", lambda starts, sizes: starts[20]),
        ("last-label", lambda starts, sizes: starts[49] + sizes[49] - 1),
    ]


@pytest.mark.parametrize(("where", "offset_of"), _cut_offsets(), ids=[name for name, _ in _cut_offsets()])
def test_cut_pauses_and_resume_sends_every_label(
    where: str, offset_of: Callable[[list[int], list[int]], int]
) -> None:
    batch = records(50)
    expected = [captured(r) for r in batch]
    sizes = [len(render(r)) for r in batch]
    cut = offset_of(stream_layout(sizes, 10), sizes)
    with PrinterEmulator(cut_after=[cut]) as printer:
        run = BatchRun(batch, render, factory(printer))
        assert run.run() is BatchState.PAUSED
        assert run.message is not None and run.message.endswith(LOST)
        assert run.next_index == run.confirmed_count < 50
        assert printer.wait_for(lambda p: bool(p.connections) and p.connections[0].ended == "cut")
        received_first = len(printer.labels)
        # Nothing is confirmed that the printer did not get.
        assert run.confirmed_count <= received_first
        assert run.resume(factory(printer)) is BatchState.COMPLETED
        assert printer.wait_for(lambda p: len(p.connections) == 2 and p.connections[1].ended == "eof")
        assert_every_label_in_order(printer.labels, expected)
        assert run.confirmed_count == 50


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_cuts_lose_no_label(seed: int) -> None:
    rng = random.Random(seed)
    batch = records(40)
    expected = [captured(r) for r in batch]
    total = sum(len(render(r)) for r in batch)
    cuts: list[int | None] = [rng.randrange(1, total) for _ in range(3)]
    with PrinterEmulator(cut_after=cuts) as printer:
        run = BatchRun(batch, render, factory(printer), confirm_every=rng.choice([1, 3, 7, 10]))
        state = run.run()
        for _ in range(10):
            if state is BatchState.COMPLETED:
                break
            assert state is BatchState.PAUSED
            state = run.resume()
        assert state is BatchState.COMPLETED
        assert printer.wait_for(lambda p: all(c.ended != "open" for c in p.connections))
        assert_every_label_in_order(printer.labels, expected)


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        ("paper_out", "The printer is out of labels; load labels, then resume."),
        ("head_open", "The printer's head is open; close it, then resume."),
        ("paused", "The printer is paused; press its pause button, then resume."),
    ],
)
def test_printer_problem_pauses_then_resume_completes(problem: str, message: str) -> None:
    batch = records(50)
    emulator = PrinterEmulator()
    setattr(emulator, problem, True)
    with emulator as printer:
        run = BatchRun(batch, render, factory(printer))
        assert run.run() is BatchState.PAUSED
        assert run.message == message
        # The printer answered ~HS, so it has the first ten: they are confirmed, not re-sent.
        assert (run.confirmed_count, run.next_index) == (10, 10)
        setattr(printer, problem, False)
        assert run.resume() is BatchState.COMPLETED
        assert printer.wait_for(lambda p: len(p.labels) == 50)
        assert printer.labels == [captured(r) for r in batch]


def test_problem_at_the_end_pauses_and_resume_just_checks() -> None:
    batch = records(5)
    with PrinterEmulator() as printer:
        run = BatchRun(batch, render, factory(printer))
        printer.paper_out = True
        assert run.run() is BatchState.PAUSED and run.confirmed_count == 5
        printer.paper_out = False
        assert run.resume() is BatchState.COMPLETED
        assert printer.wait_for(lambda p: len(p.connections) == 2 and p.connections[1].ended == "eof")
        assert len(printer.labels) == 5 and printer.status_queries == 2


def test_cancel_stops_between_labels() -> None:
    batch = records(50)
    with PrinterEmulator() as printer:
        run: BatchRun

        def progress(confirmed: int, sent: int, total: int) -> None:
            if sent == 7:
                run.cancel()

        run = BatchRun(batch, render, factory(printer), progress=progress)
        assert run.run() is BatchState.CANCELLED
        assert printer.wait_for(lambda p: bool(p.connections) and p.connections[0].ended == "eof")
        assert printer.labels == [captured(r) for r in batch[:7]]
        assert run.confirmed_count == 7 and run.message is not None and "Cancelled" in run.message
        with pytest.raises(RuntimeError):
            run.resume()


def test_copies_repeat_each_label() -> None:
    batch = records(4)
    with PrinterEmulator() as printer:
        run = BatchRun(batch, render, factory(printer), copies=3, confirm_every=2)
        assert run.run() is BatchState.COMPLETED
        assert printer.wait_for(lambda p: len(p.labels) == 12)
        assert printer.labels == [captured(r) for r in batch for _ in range(3)]


def test_refused_printer_pauses_with_the_sentence() -> None:
    with PrinterEmulator(refuse=True) as printer:
        run = BatchRun(records(3), render, factory(printer))
        assert run.run() is BatchState.PAUSED
        assert run.message == (
            f"The printer at 127.0.0.1:{printer.port} does not answer; check that it is on and connected."
        )
        assert run.confirmed_count == 0
    with PrinterEmulator() as printer:
        assert run.resume(factory(printer)) is BatchState.COMPLETED
        assert printer.wait_for(lambda p: len(p.labels) == 3)


def test_printer_without_status_is_confirmed_by_healthy_connection() -> None:
    batch = records(25)
    with PrinterEmulator(answer_status=False) as printer:
        run = BatchRun(batch, render, factory(printer, status_timeout=0.2))
        assert run.run() is BatchState.COMPLETED
        assert printer.wait_for(lambda p: len(p.labels) == 25)
        assert printer.status_queries == 1  # asked once, silent, never again
        assert run.confirmed_count == 25


def test_tspl_over_tcp_counts_print_commands() -> None:
    batch = records(23)
    with PrinterEmulator(mode="tspl") as printer:
        run = BatchRun(batch, tspl, factory(printer, host_status=False))
        assert run.run() is BatchState.COMPLETED
        assert printer.wait_for(lambda p: p.print_commands == 23)
        assert printer.labels == [tspl(r) for r in batch]  # TSPL labels are captured whole
        assert printer.connections[0].ended == "eof"


def test_file_batch(tmp_path: Path) -> None:
    path = tmp_path / "out.zpl"
    batch = records(12)
    run = BatchRun(batch, render, partial(parse_printer_url, f"file:{path}"), confirm_every=5)
    assert run.run() is BatchState.COMPLETED
    assert path.read_bytes() == b"".join(render(r) for r in batch)


def test_start_index_skips_confirmed_labels() -> None:
    batch = records(10)
    with PrinterEmulator() as printer:
        confirmed: list[int] = []
        run = BatchRun(batch, render, factory(printer), start_index=6, on_confirmed=confirmed.append)
        assert run.run() is BatchState.COMPLETED
        assert printer.wait_for(lambda p: len(p.labels) == 4)
        assert printer.labels == [captured(r) for r in batch[6:]]
        assert confirmed == [10]


# --- the `labdesk labels` command end to end, against the emulator and a migrated SQLite database ---


def labels_cli(command: str, *codes: str) -> int:
    """``labdesk labels COMMAND CODE...`` through the real argument parser (the one cli.py wires in)."""
    parser = argparse.ArgumentParser(prog="labdesk")
    add_labels_parser(parser.add_subparsers(dest="command"))
    return run_labels(parser.parse_args(["labels", *command.split(), *codes]))


@pytest.fixture
def demo_url(sqlite_url: str) -> str:
    engine = make_engine(sqlite_url)
    fill_demo(engine, DemoSizes(customers=5, instruments=40, orders=5, samples=20))
    engine.dispose()
    return sqlite_url


def demo_instruments(url: str, n: int) -> list[LabelRecord]:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            codes = list(session.scalars(select(Instrument.code).order_by(Instrument.code).limit(n)))
            return load_label_records(session, "instrument", codes)
    finally:
        engine.dispose()


def test_cli_print_end_to_end(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    batch = demo_instruments(demo_url, 30)
    with PrinterEmulator() as printer:
        code = labels_cli(
            f"print --kind instrument --printer {printer.url} --url {demo_url} --codes", *codes(batch)
        )
        out, err = capsys.readouterr()
        assert code == 0, err
        assert printer.wait_for(lambda p: len(p.labels) == 30)
        assert printer.labels == [captured(r) for r in batch]
    job_id = int(out.split()[1].rstrip(":"))
    assert out.strip() == f"job {job_id}: 30 of 30 labels confirmed"
    assert labels_cli(f"jobs --url {demo_url}") == 0
    newest = capsys.readouterr().out.splitlines()[1].split()
    assert newest[0] == str(job_id) and newest[3:6] == ["completed", "instrument", "30/30"]


def test_cli_print_cut_then_resume(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    batch = demo_instruments(demo_url, 30)
    sizes = [len(render(r)) for r in batch]
    cut = stream_layout(sizes, 10)[15] + sizes[15] // 2  # mid-label 16: ten were confirmed by ~HS
    with PrinterEmulator(cut_after=[cut]) as printer:
        code = labels_cli(
            f"print --kind instrument --printer {printer.url} --url {demo_url} --codes", *codes(batch)
        )
        first, second = capsys.readouterr().err.strip().splitlines()
        assert code == 1
        assert first.startswith("labdesk: The connection to the printer at 127.0.0.1:") and LOST in first
        expected = r"job (\d+): 10 of 30 labels confirmed; `labdesk labels resume \1` sends the rest"
        match = re.fullmatch(expected, second)
        assert match is not None, second
        job_id = match.group(1)
        with PrinterEmulator(refuse=True) as elsewhere:  # resuming on a dead printer loses nothing
            assert labels_cli(f"resume {job_id} --printer {elsewhere.url} --url {demo_url}") == 1
        assert f"job {job_id}: 10 of 30 labels confirmed" in capsys.readouterr().err
        assert labels_cli(f"resume {job_id} --url {demo_url} --printer {printer.url}") == 0
        assert capsys.readouterr().out.strip() == f"job {job_id}: 30 of 30 labels confirmed"
        assert printer.wait_for(lambda p: len(p.connections) == 2 and p.connections[1].ended == "eof")
        assert_every_label_in_order(printer.labels, [captured(r) for r in batch])
    assert labels_cli(f"resume {job_id} --url {demo_url}") == 0  # nothing left: says so, sends nothing
    assert "already complete" in capsys.readouterr().out


def test_cli_print_refused_and_unknown_codes(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    batch = demo_instruments(demo_url, 2)
    with PrinterEmulator(refuse=True) as printer:
        command = f"print --kind instrument --printer {printer.url} --url {demo_url} --codes"
        assert labels_cli(command, *codes(batch)) == 1
        err = capsys.readouterr().err
        assert f"labdesk: The printer at 127.0.0.1:{printer.port} does not answer;" in err
        assert "0 of 2 labels confirmed" in err
        assert labels_cli(command, batch[0].code, "YQ-NOPE") == 1
        assert capsys.readouterr().err == "labdesk: No such instrument code: YQ-NOPE.\n"
    assert labels_cli(f"print --kind instrument --printer lpt1 --url {demo_url} --codes x") == 1
    assert "is neither a printer address" in capsys.readouterr().err


def test_cli_render_files(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = demo_instruments(demo_url, 3)
    render_cli = f"render --kind instrument --url {demo_url}"
    for fmt, renderer in (("zpl", render), ("tspl", tspl)):
        out = tmp_path / f"labels.{fmt}"
        assert labels_cli(f"{render_cli} --format {fmt} --out {out} --codes", *codes(batch)) == 0
        assert out.read_bytes() == b"".join(renderer(r) for r in batch)
    assert labels_cli(f"{render_cli} --format png --out {tmp_path / 'label.png'} --codes", *codes(batch)) == 0
    pngs = sorted(tmp_path.glob("label-*.png"))
    assert [p.name for p in pngs] == ["label-1.png", "label-2.png", "label-3.png"]
    assert pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    out = tmp_path / "labels.pdf"
    assert labels_cli(f"{render_cli} --format pdf --sheet a4-3x8 --out {out} --codes", *codes(batch)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert labels_cli(f"{render_cli} --template sample-40x25 --format zpl --out {out} --codes", "x") == 1
    assert "is for sample labels, not instrument labels" in capsys.readouterr().err


def test_cli_tspl_printer_and_saved_profile(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = demo_instruments(demo_url, 12)
    with PrinterEmulator(mode="tspl") as printer:
        command = (
            f"print --kind instrument --language tspl --copies 2 --printer {printer.url} --url {demo_url}"
        )
        assert labels_cli(f"{command} --codes", *codes(batch)) == 0
        assert printer.wait_for(lambda p: p.print_commands == 12)
        assert printer.labels == [render_tspl(TEMPLATE, r, copies=2) for r in batch]
        assert printer.status_queries == 0  # a TSPL printer is never sent ~HS
    spool = tmp_path / "spool.zpl"
    save_profiles([PrinterProfile("Front-desk", f"file:{spool}", "zpl")])  # in the test's config dir
    assert (
        labels_cli(
            f"print --kind instrument --printer Front-desk --url {demo_url} --codes", *codes(batch[:3])
        )
        == 0
    )
    assert spool.read_bytes() == b"".join(render(r) for r in batch[:3])
    capsys.readouterr()
    assert labels_cli(f"jobs --limit 2 --url {demo_url}") == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[1].endswith(f"file:{spool}") and listing[2].endswith(f"{printer.url} [tspl]")
