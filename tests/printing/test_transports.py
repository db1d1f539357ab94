"""Transports over real loopback sockets and real processes, and the ~HS status parser."""

from __future__ import annotations

import os
import socket
import stat
import sys
from pathlib import Path

import pytest

from labdesk.printing.profiles import PrinterProfile, load_profiles, profile_by_name, save_profiles
from labdesk.printing.status import PrinterStatus, format_host_status, parse_host_status
from labdesk.printing.transports import (
    CupsTransport,
    FileTransport,
    PrinterUnavailable,
    TcpTransport,
    parse_printer_url,
)
from tests.printing.emulator import PrinterEmulator

LABEL = b"^XA^FO20,20^A0N,30,30^FDYQ-000001^FS^XZ"


def test_parse_printer_urls(tmp_path: Path) -> None:
    tcp = parse_printer_url("tcp://10.0.0.5")
    assert isinstance(tcp, TcpTransport) and (tcp.host, tcp.port) == ("10.0.0.5", 9100)
    tcp = parse_printer_url("tcp://printer.lab:6101")
    assert isinstance(tcp, TcpTransport) and (tcp.host, tcp.port) == ("printer.lab", 6101)
    cups = parse_printer_url("cups:Zebra_ZT411")
    assert isinstance(cups, CupsTransport) and cups.queue == "Zebra_ZT411"
    file = parse_printer_url(f"file:{tmp_path / 'out.zpl'}")
    assert isinstance(file, FileTransport) and file.path == tmp_path / "out.zpl"
    for bad in ("lpt1", "tcp://:9100", "tcp://host:99999", "cups:", "file:", "http://host"):
        with pytest.raises(ValueError):
            parse_printer_url(bad)


def test_tcp_send_and_clean_close() -> None:
    with PrinterEmulator() as printer:
        transport = parse_printer_url(printer.url)
        transport.open()
        transport.send(LABEL)
        transport.send(LABEL.replace(b"000001", b"000002"))
        transport.close()
        assert printer.wait_for(lambda p: len(p.connections) == 1 and p.connections[0].ended != "open")
        # The printer saw our FIN (EOF), not a reset: a Zebra keeps the job.
        assert printer.connections[0].ended == "eof"
        assert printer.labels == [LABEL, LABEL.replace(b"000001", b"000002")]


def test_tcp_close_after_status_still_clean() -> None:
    # An unread status answer in our receive buffer would turn close() into a reset; close reads it.
    with PrinterEmulator() as printer:
        transport = parse_printer_url(printer.url)
        transport.open()
        transport.send(LABEL + b"~HS")
        transport.close()
        assert printer.wait_for(lambda p: bool(p.connections) and p.connections[0].ended != "open")
        assert printer.connections[0].ended == "eof"
        assert printer.status_queries == 1


@pytest.mark.parametrize(
    ("flags", "problem"),
    [
        ({}, None),
        ({"paper_out": True}, "The printer is out of labels; load labels, then resume."),
        ({"head_open": True}, "The printer's head is open; close it, then resume."),
        ({"paused": True}, "The printer is paused; press its pause button, then resume."),
    ],
)
def test_host_status_round_trip(flags: dict[str, bool], problem: str | None) -> None:
    emulator = PrinterEmulator(
        paper_out=flags.get("paper_out", False),
        paused=flags.get("paused", False),
        head_open=flags.get("head_open", False),
    )
    with emulator as printer:
        transport = parse_printer_url(printer.url)
        transport.open()
        transport.send(LABEL)
        status = transport.query_status()
        transport.close()
    assert status is not None
    assert status.paper_out is flags.get("paper_out", False)
    assert status.head_open is flags.get("head_open", False)
    assert status.paused is flags.get("paused", False)
    assert status.problem() == problem


def test_silent_printer_gives_no_status_and_is_not_asked_again() -> None:
    with PrinterEmulator(answer_status=False) as printer:
        transport = TcpTransport("127.0.0.1", printer.port, status_timeout=0.2)
        transport.open()
        assert transport.query_status() is None
        assert transport.supports_status is False
        transport.check()  # still a healthy connection
        transport.close()


def test_parse_host_status_fields() -> None:
    # A ~HS answer as printed in the ZPL II guide's example layout, with every parsed field set.
    answer = (
        b"\x02030,1,1,0245,007,1,0,1,000,1,0,1\x03\r\n"
        b"\x02001,0,1,1,1,2,6,1,00000042,1,003\x03\r\n"
        b"\x021234,0\x03\r\n"
    )
    status = parse_host_status(answer)
    assert status == PrinterStatus(
        paper_out=True,
        paused=True,
        head_open=True,
        ribbon_out=True,
        buffer_full=True,
        partial_format=True,
        corrupt_ram=True,
        under_temperature=False,
        over_temperature=True,
        label_waiting=True,
        formats_in_buffer=7,
        labels_remaining=42,
        graphics_stored=3,
    )
    assert parse_host_status(format_host_status(status)) == status


@pytest.mark.parametrize(
    "answer",
    [
        b"",
        b"garbage",
        b"\x02030,0,0\x03",  # short
        b"\x02030,0,0,0245,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0",  # string 2 cut off
        b"\x02030,x,0,0245,abc,0,0,0,000,0,0,0\x03\x02001,0,0,0,1,2,6,0,00000000,1,000\x03",  # not numbers
        b"\x02\xff\xfe\x03\x02\x80\x03\x02\x03",
    ],
)
def test_parse_host_status_is_tolerant(answer: bytes) -> None:
    assert parse_host_status(answer) is None


def test_refused_connection_is_one_clear_sentence() -> None:
    with PrinterEmulator(refuse=True) as printer:
        transport = parse_printer_url(printer.url)
        with pytest.raises(PrinterUnavailable) as caught:
            transport.open()
    assert caught.value.message == (
        f"The printer at 127.0.0.1:{printer.port} does not answer; check that it is on and connected."
    )


def test_cut_connection_is_reported_as_lost() -> None:
    with PrinterEmulator(cut_after=[len(LABEL) // 2]) as printer:
        transport = parse_printer_url(printer.url)
        transport.open()
        try:
            with pytest.raises(PrinterUnavailable, match="was lost; check that it is on and connected"):
                transport.send(LABEL)
                assert printer.wait_for(lambda p: bool(p.connections) and p.connections[0].ended == "cut")
                transport.query_status()
        finally:
            transport.abort()
        assert printer.labels == []  # half a label is not a label


def test_file_transport_appends(tmp_path: Path) -> None:
    path = tmp_path / "labels.zpl"
    for _ in range(2):
        transport = parse_printer_url(f"file:{path}")
        transport.open()
        transport.send(LABEL)
        transport.check()
        assert transport.query_status() is None
        transport.close()
    assert path.read_bytes() == LABEL * 2


def test_file_transport_to_a_device_node() -> None:
    # A USB label printer on Linux is a character device (file:/dev/usb/lp0); /dev/null stands in.
    transport = parse_printer_url("file:/dev/null")
    transport.open()
    transport.send(LABEL)
    transport.check()
    transport.close()


def test_file_transport_unwritable(tmp_path: Path) -> None:
    transport = parse_printer_url(f"file:{tmp_path / 'missing' / 'labels.zpl'}")
    with pytest.raises(PrinterUnavailable, match="cannot be written"):
        transport.open()


def test_cups_without_lp_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no lp anywhere
    transport = parse_printer_url("cups:Zebra")
    with pytest.raises(PrinterUnavailable) as caught:
        transport.open()
    assert caught.value.message.startswith("The lp command is not installed;")
    assert "Zebra" in caught.value.message


def _fake_lp(tmp_path: Path, body: str) -> Path:
    """A stand-in ``lp`` (a real program on PATH) that records its arguments and stdin."""
    script = tmp_path / "lp"
    script.write_text(f"#!{sys.executable}\n{body}")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_cups_feeds_lp_raw_on_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "spooled"
    _fake_lp(
        tmp_path,
        "import sys, pathlib\n"
        f"pathlib.Path({str(out)!r}).write_bytes(' '.join(sys.argv[1:]).encode() + b'|' "
        "+ sys.stdin.buffer.read())\n",
    )
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    transport = parse_printer_url("cups:Zebra")
    transport.open()
    transport.send(LABEL)
    transport.check()
    transport.close()
    assert out.read_bytes() == b"-d Zebra -o raw|" + LABEL


def test_cups_refusal_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_lp(
        tmp_path,
        "import sys\nsys.stdin.buffer.read()\n"
        "print('lp: The printer or class does not exist.', file=sys.stderr)\nsys.exit(1)\n",
    )
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    transport = parse_printer_url("cups:Nope")
    transport.open()
    transport.send(LABEL)
    refused = r"refused the labels \(lp: The printer or class does not exist"
    with pytest.raises(PrinterUnavailable, match=refused):
        transport.close()


def test_printer_profiles_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "printers.json"
    zebra = PrinterProfile(
        "设备科 Zebra", "tcp://10.0.0.5:9100", "zpl", 300, "instrument-50x30", "E:SIMSUN.TTF"
    )
    tsc = PrinterProfile("Front desk TSC", "cups:TSC_TE244", "tspl")
    save_profiles([zebra, tsc], path)
    assert load_profiles(path) == [zebra, tsc]
    assert profile_by_name("Front desk TSC", load_profiles(path)) == tsc
    tcp = zebra.transport_factory()()
    assert isinstance(tcp, TcpTransport) and tcp.supports_status
    assert parse_printer_url(tsc.address).supports_status is False
    with pytest.raises(ValueError, match="resolution must be one of"):
        save_profiles([PrinterProfile("x", "tcp://h", dpi=150)], path)
    with pytest.raises(ValueError, match="same name"):
        save_profiles([tsc, tsc], path)
    # A hand-edited broken entry is skipped, the others still load; a garbled file loads nothing.
    raw = path.read_text(encoding="utf-8").replace('"tspl"', '"escpos"')
    path.write_text(raw, encoding="utf-8")
    assert load_profiles(path) == [zebra]
    path.write_text("{not json", encoding="utf-8")
    assert load_profiles(path) == []


def test_check_sees_a_printer_that_went_away() -> None:
    with PrinterEmulator(cut_after=[5]) as printer:
        transport = parse_printer_url(printer.url, host_status=False)
        transport.open()
        try:
            transport.send(b"^XA^FDok")
            assert printer.wait_for(lambda p: bool(p.connections) and p.connections[0].ended == "cut")
            with pytest.raises(PrinterUnavailable, match="was lost"):
                transport.check()
        finally:
            transport.abort()


def test_send_timeout_when_the_printer_stops_reading() -> None:
    # A listening socket that never accepts: the kernel takes some bytes, then sendall blocks.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        transport = TcpTransport("127.0.0.1", silent.getsockname()[1], send_timeout=0.3)
        transport.open()
        try:
            with pytest.raises(PrinterUnavailable, match="stopped taking labels; check it for labels"):
                for _ in range(10_000):
                    transport.send(b"^XA" + b"0" * 65536 + b"^XZ")
        finally:
            transport.abort()


def test_a_profile_prints_a_template_at_its_own_resolution() -> None:
    """Templates are in millimetres: a 300-dpi printer gets a 50 mm label 591 dots wide, not 400."""
    from labdesk.printing.records import DEMO_RECORDS
    from labdesk.printing.templates import template_by_name

    template = template_by_name("instrument-50x30")
    assert template.dpi == 203
    at_203 = PrinterProfile("a", "file:/dev/null", "zpl", 203).renderer(template)(DEMO_RECORDS["instrument"])
    at_300 = PrinterProfile("b", "file:/dev/null", "zpl", 300).renderer(template)(DEMO_RECORDS["instrument"])
    assert b"^PW400" in at_203 and b"^PW591" in at_300
