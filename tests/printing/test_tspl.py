from __future__ import annotations

import pytest

from labdesk.printing.payload import encode_payload
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import BUILTIN_TEMPLATES
from labdesk.printing.tspl import render_tspl, tspl_quote
from tests.printing.roundtrip import INSTRUMENT, SAMPLE, parse_tspl, tspl_args


@pytest.mark.parametrize("name", sorted(BUILTIN_TEMPLATES))
def test_program_shape(name: str) -> None:
    template = BUILTIN_TEMPLATES[name]
    record = INSTRUMENT if template.kind == "instrument" else SAMPLE
    commands = parse_tspl(render_tspl(template, record, copies=2))
    names = [c.name for c in commands]
    assert names[:4] == ["SIZE", "GAP", "DIRECTION", "CLS"]
    assert names[-1] == "PRINT" and names.count("PRINT") == 1
    assert commands[-1].args == b"1,2"
    assert set(names) <= {"SIZE", "GAP", "DIRECTION", "CLS", "QRCODE", "TEXT", "BITMAP", "PRINT"}
    qr = next(c for c in commands if c.name == "QRCODE")
    assert tspl_args(qr.args)[-1] == encode_payload(record.kind, record.code)
    assert "BITMAP" in names  # the Chinese text


def test_size_is_the_template_size() -> None:
    commands = parse_tspl(render_tspl(BUILTIN_TEMPLATES["sample-40x25"], SAMPLE))
    assert commands[0].args == b"40.0 mm,25.0 mm"


def test_ascii_text_is_quoted() -> None:
    record = LabelRecord("sample", "YP-1", 'He said "PRINT 9" \\ ok', {})
    texts = [
        tspl_args(c.args)[-1]
        for c in parse_tspl(render_tspl(BUILTIN_TEMPLATES["sample-40x25"], record))
        if c.name == "TEXT"
    ]
    assert 'He said "PRINT 9" \\ ok' in texts


@pytest.mark.parametrize("text", ['"', '\\"', 'a"\r\nPRINT 1,1\r\n"', '\\["]', "\x00\x1b"])
def test_quote_cannot_be_closed(text: str) -> None:
    quoted = tspl_quote(text)
    assert "\r" not in quoted and "\n" not in quoted and "\x00" not in quoted
    assert tspl_args(quoted.encode())[0] == text.replace("\r", " ").replace("\n", " ").replace(
        "\x00", " "
    ).replace("\x1b", " ")


def test_copies_are_checked() -> None:
    with pytest.raises(ValueError, match="copies"):
        render_tspl(BUILTIN_TEMPLATES["sample-40x25"], SAMPLE, copies=0)
