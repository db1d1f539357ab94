from __future__ import annotations

import re

import numpy as np
import pytest
import zplkit.rendering

from labdesk.printing.payload import encode_payload
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import BUILTIN_TEMPLATES
from labdesk.printing.zpl import render_zpl
from tests.printing.roundtrip import INSTRUMENT, SAMPLE, qr_texts, zpl_commands, zpl_image


@pytest.mark.parametrize("name", sorted(BUILTIN_TEMPLATES))
def test_zplkit_renders_it_and_the_qr_decodes(name: str) -> None:
    template = BUILTIN_TEMPLATES[name]
    record = INSTRUMENT if template.kind == "instrument" else SAMPLE
    zpl = render_zpl(template, record)
    assert qr_texts(zpl_image(zpl, template)) == [encode_payload(record.kind, record.code)]


def test_one_label_is_one_format() -> None:
    zpl = render_zpl(BUILTIN_TEMPLATES["instrument-50x30"], INSTRUMENT)
    commands = zpl_commands(zpl)
    assert commands[0] == b"^XA" and commands[-1] == b"^XZ"
    assert commands.count(b"^XA") == 1 and commands.count(b"^XZ") == 1
    assert not [c for c in commands if c.startswith(b"~")]
    assert b"^GFA," in zpl  # the Chinese name went as a bitmap
    zpl.decode("ascii")  # everything non-ASCII is hex-escaped or a bitmap


def test_copies() -> None:
    zpl = render_zpl(BUILTIN_TEMPLATES["sample-40x25"], SAMPLE, copies=3)
    assert zpl.count(b"^PQ3,") == 1
    assert b"^PQ" not in render_zpl(BUILTIN_TEMPLATES["sample-40x25"], SAMPLE)
    with pytest.raises(ValueError, match="copies"):
        render_zpl(BUILTIN_TEMPLATES["sample-40x25"], SAMPLE, copies=0)


def test_resident_font_option() -> None:
    template = BUILTIN_TEMPLATES["instrument-50x30"]
    zpl = render_zpl(template, INSTRUMENT, resident_cjk_font="E:SIMSUN.FNT")
    assert b"^A@N," in zpl and b"E:SIMSUN.FNT" in zpl and b"^GFA" not in zpl
    commands = zpl_commands(zpl)
    assert commands.count(b"^XA") == 1 and commands.count(b"^XZ") == 1
    # zplkit has neither that font nor any CJK font: render the label without those fields.
    without = re.sub(rb"\^FO\d+,\d+\^A@N,\d+,\d+,E:SIMSUN\.FNT\^FH_\^FD[^^~]*\^FS", b"", zpl)
    assert without.count(b"^A@") == 0
    image = zpl_image(without, template)
    assert qr_texts(image) == [encode_payload("instrument", INSTRUMENT.code)]


@pytest.mark.parametrize("font", ["SIMSUN.FNT", "E:X^XZ.FNT", "E:SIMSUN.FNT^FS", "E:SIM,SUN.TTF", ""])
def test_a_bad_font_name_cannot_inject(font: str) -> None:
    with pytest.raises(ValueError, match="printer font"):
        render_zpl(BUILTIN_TEMPLATES["instrument-50x30"], INSTRUMENT, resident_cjk_font=font)


def test_malformed_zpl_is_rejected_by_the_checker() -> None:
    # The round-trip checks only mean something if zplkit refuses broken labels.
    with pytest.raises(zplkit.rendering.RenderError):
        zpl_image(b"^XA^FO10,10^BQN,2,4^FDQA,x^XZ^FS", BUILTIN_TEMPLATES["sample-40x25"])


def test_ink_stays_on_the_label_and_right_of_the_qr() -> None:
    template = BUILTIN_TEMPLATES["sample-40x25"]
    record = LabelRecord("sample", "YP2026-000045", "W" * 300, {"order_no": "W" * 300, "date": "W" * 300})
    image = zpl_image(render_zpl(template, record), template).convert("L")
    # Printer font 0 is narrower than the layout's metrics: nothing reaches the right margin.
    margin = round(1.5 * 203 / 25.4)
    right = image.crop((image.width - margin + 1, 0, image.width, image.height))
    assert np.asarray(right).min() > 128  # no black pixel
