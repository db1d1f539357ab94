"""``labdesk scan``: decode LabDesk QR labels from a camera, an image, a folder of images or a video.

Wired into ``labdesk/cli.py`` with ``add_scan_parser(sub)`` and the ``run_scan`` handler. One line per
accepted code on stdout (JSON with ``--json``); a camera or video reports a code once while it stays in
view (debounced per source), each image of a folder is decoded on its own. Exit 0 if anything was
decoded; otherwise, or when the source fails, one line on stderr and exit 1. A camera scans until Ctrl+C.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import Any

from labdesk.cli import CliError

EXIT_OK = 0
EXIT_FAILURE = 1


def add_scan_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``scan`` to ``subparsers`` (from ``ArgumentParser.add_subparsers``)."""
    scan: argparse.ArgumentParser = subparsers.add_parser(
        "scan",
        help="decode QR labels from a camera, image, folder or video",
        description="Decode LabDesk QR labels. Prints one line per code: 'SOURCE: KIND CODE' for a "
        "LabDesk label, 'SOURCE: foreign code TEXT' for any other QR code. A camera scans until Ctrl+C.",
    )
    scan.add_argument(
        "--source",
        required=True,
        metavar="PATH|camera:N",
        help="camera:N, an image, a folder of images, a video",
    )
    scan.add_argument("--json", action="store_true", help="one JSON object per line")
    scan.add_argument(
        "--backend", choices=("zxing", "pyzbar"), default="zxing", help="decoder (default zxing)"
    )
    return scan


def run_scan(args: argparse.Namespace) -> int:
    from labdesk.scanning.capture import open_source
    from labdesk.scanning.debounce import Debouncer
    from labdesk.scanning.decode import Decoder
    from labdesk.services.problems import ProblemError

    decoded = 0
    try:
        decoder = Decoder(args.backend)
        with open_source(args.source) as source:
            clock = _FrameClock()
            debouncer = Debouncer(clock=clock)
            reported = 0
            try:
                for frame in source:
                    reported = _report_skipped(
                        source.skipped, reported
                    )  # in order: before this frame's codes
                    clock.now = frame.time_s
                    # A camera or video sees one label in many frames; a folder's images are separate shots.
                    per_frame = debouncer if source.stream else Debouncer(clock=clock)
                    result = decoder.decode(frame.image)
                    for code in result.codes:
                        if per_frame.accept(code.text):
                            decoded += 1
                            print(_line(frame.source, code.text, code.kind, code.code, result.ms, args.json))
                    sys.stdout.flush()  # a pipe reader sees each code as it is scanned
            except KeyboardInterrupt:
                if not source.live:
                    raise  # Ctrl+C ends a camera scan normally; anything else is an interruption
            _report_skipped(source.skipped, reported)
    except ProblemError as error:
        if decoded:  # the codes already printed stand; the failure still gets its line
            print(f"labdesk: {error}", file=sys.stderr)
            return EXIT_FAILURE
        raise CliError(str(error)) from None
    if not decoded:
        raise CliError(f"no QR code found in {args.source}")
    return EXIT_OK


def _report_skipped(skipped: list[Any], reported: int) -> int:
    for item in skipped[reported:]:
        print(f"labdesk: skipped {item.problem}", file=sys.stderr)
    return len(skipped)


class _FrameClock:
    """The debouncer's clock: the frame's media time, so a video debounces the same at any decode speed."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _line(source: str, text: str, kind: str | None, code: str | None, ms: float, as_json: bool) -> str:
    if as_json:
        record = {"source": source, "text": text, "kind": kind, "code": code, "ms": round(ms, 1)}
        return json.dumps(record)  # ASCII: no U+2028 or the like can split a line
    if kind is None:
        return f"{_printable(source)}: foreign code {_printable(text)}"
    return f"{_printable(source)}: {kind} {_printable(code or '')}"


def _printable(text: str) -> str:
    """``text`` on one line, with control characters escaped: a hostile code cannot move the cursor,
    clear the terminal or forge a second output line."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
        else ch
        for ch in text
    )
