"""Printer host status: the ZPL ``~HS`` answer, parsed into a :class:`PrinterStatus`.

A Zebra answers ``~HS`` with three strings, each framed ``<STX> ... <ETX><CR><LF>``. Field numbers
below follow the ZPL II Programming Guide (``~HS``, Host Status Return); only the fields marked
"parsed" are read, the others are skipped but still counted so positions stay right.

String 1 — ``aaa,b,c,dddd,eee,f,g,h,iii,j,k,l``:
    1 aaa   communication (interface) settings
    2 b     paper out flag (1 = paper out)                                    parsed
    3 c     pause flag (1 = pause active)                                     parsed
    4 dddd  label length in dots
    5 eee   number of formats in receive buffer                               parsed
    6 f     buffer full flag (1 = receive buffer full)                        parsed
    7 g     communications diagnostic mode flag
    8 h     partial format flag (1 = partial format in progress)              parsed
    9 iii   unused (always 000)
    10 j    corrupt RAM flag (1 = configuration data lost)                    parsed
    11 k    under temperature flag                                            parsed
    12 l    over temperature flag                                             parsed

String 2 — ``mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www``:
    1 mmm   function settings
    2 n     unused
    3 o     head up flag (1 = head in up / open position)                     parsed
    4 p     ribbon out flag (1 = ribbon out)                                  parsed
    5 q     thermal transfer mode flag
    6 r     print mode (0 rewind, 1 peel-off, 2 tear-off, 3 cutter, 4 applicator, ...)
    7 s     print width mode
    8 t     label waiting flag (1 = label waiting in peel-off mode)           parsed
    9 u…    labels remaining in batch (8 digits)                              parsed
    10 v    format while printing flag (always 1)
    11 www  number of graphic images stored in memory                         parsed

String 3 — ``xxxx,y``: password, and whether static RAM is installed. Not used.

Parsing is tolerant: a short, garbled or partial answer gives ``None``, never an exception, because
some ZPL-compatible printers answer ``~HS`` loosely or not at all and a status check must not be what
stops a batch.
"""

from __future__ import annotations

from dataclasses import dataclass

STX = 0x02
ETX = 0x03


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself in one host-status answer."""

    paper_out: bool = False
    paused: bool = False
    head_open: bool = False
    ribbon_out: bool = False
    buffer_full: bool = False
    partial_format: bool = False
    corrupt_ram: bool = False
    under_temperature: bool = False
    over_temperature: bool = False
    label_waiting: bool = False
    formats_in_buffer: int = 0
    labels_remaining: int = 0
    graphics_stored: int = 0

    def problem(self) -> str | None:
        """One sentence saying what stops the printer, or None when it can print.

        Ordered by what the operator should fix first: a paused printer with its head open needs
        the head closed before resuming makes sense.
        """
        if self.head_open:
            return "The printer's head is open; close it, then resume."
        if self.paper_out:
            return "The printer is out of labels; load labels, then resume."
        if self.ribbon_out:
            return "The printer is out of ribbon; load a ribbon, then resume."
        if self.over_temperature:
            return "The printer's head is too hot; let it cool down, then resume."
        if self.under_temperature:
            return "The printer's head is too cold to print; let it warm up, then resume."
        if self.paused:
            return "The printer is paused; press its pause button, then resume."
        return None


def frames(answer: bytes) -> list[bytes]:
    """The complete ``STX ... ETX`` frames in ``answer``, in order; a trailing partial frame is dropped."""
    found: list[bytes] = []
    start = answer.find(STX)
    while start >= 0:
        end = answer.find(ETX, start + 1)
        if end < 0:
            break
        found.append(answer[start + 1 : end])
        start = answer.find(STX, end + 1)
    return found


def host_status_complete(answer: bytes) -> bool:
    """True once the three strings of a ``~HS`` answer have arrived (the reader can stop waiting)."""
    return len(frames(answer)) >= 3


def _flag(fields: list[str], number: int) -> bool:
    return fields[number - 1].strip() == "1"


def _count(fields: list[str], number: int) -> int:
    return int(fields[number - 1].strip())


def parse_host_status(answer: bytes) -> PrinterStatus | None:
    """Parse a ``~HS`` answer; ``None`` if it is not one (too short, garbled, or not numbers)."""
    strings = frames(answer)
    if len(strings) < 2:
        return None
    try:
        one = strings[0].decode("ascii").split(",")
        two = strings[1].decode("ascii").split(",")
    except UnicodeDecodeError:
        return None
    if len(one) < 12 or len(two) < 11:
        return None
    try:
        return PrinterStatus(
            paper_out=_flag(one, 2),
            paused=_flag(one, 3),
            formats_in_buffer=_count(one, 5),
            buffer_full=_flag(one, 6),
            partial_format=_flag(one, 8),
            corrupt_ram=_flag(one, 10),
            under_temperature=_flag(one, 11),
            over_temperature=_flag(one, 12),
            head_open=_flag(two, 3),
            ribbon_out=_flag(two, 4),
            label_waiting=_flag(two, 8),
            labels_remaining=_count(two, 9),
            graphics_stored=_count(two, 11),
        )
    except ValueError:
        return None


def format_host_status(status: PrinterStatus) -> bytes:
    """A well-formed ``~HS`` answer for ``status`` (the printer emulator in the tests speaks it)."""

    def b(flag: bool) -> str:
        return "1" if flag else "0"

    one = ",".join(
        (
            "030",
            b(status.paper_out),
            b(status.paused),
            "0245",
            f"{status.formats_in_buffer:03d}",
            b(status.buffer_full),
            "0",
            b(status.partial_format),
            "000",
            b(status.corrupt_ram),
            b(status.under_temperature),
            b(status.over_temperature),
        )
    )
    two = ",".join(
        (
            "001",
            "0",
            b(status.head_open),
            b(status.ribbon_out),
            "0",
            "2",
            "6",
            b(status.label_waiting),
            f"{status.labels_remaining:08d}",
            "1",
            f"{status.graphics_stored:03d}",
        )
    )
    three = "1234,0"
    return b"".join(b"\x02" + s.encode("ascii") + b"\x03\r\n" for s in (one, two, three))
