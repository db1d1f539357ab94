from __future__ import annotations

from labdesk.printing.cjk import (
    FONT_PATH,
    REPLACEMENT,
    clean_text,
    missing_characters,
    printable,
    text_bitmap,
)
from labdesk.printing.layout import layout_label
from labdesk.printing.records import LabelRecord
from labdesk.printing.templates import BUILTIN_TEMPLATES
from labdesk.printing.zpl import render_zpl


def test_bundled_font_is_small_and_licensed() -> None:
    assert FONT_PATH.stat().st_size < 2_500_000
    assert "SIL OPEN FONT LICENSE" in (FONT_PATH.parent / "OFL.txt").read_text(encoding="utf-8")


def test_common_lab_text_is_covered() -> None:
    assert missing_characters("数字压力计 在用 下次校准 水泥 混凝土 钢筋 ℃ ± μm 样品编号 YP2026-000045") == []


def test_missing_characters_are_reported_and_boxed() -> None:
    assert missing_characters("泵😀饕饕abc") == ["😀", "饕"]
    assert printable("泵😀") == "泵" + REPLACEMENT


def test_control_characters_and_line_breaks_are_cleaned() -> None:
    assert clean_text("a\x00b\x1b\r\nc\u200bd\t e") == "ab cd e"


def test_bitmap_bits_are_black_ink() -> None:
    bitmap = text_bitmap("泵", 40)
    assert len(bitmap.data) == bitmap.width_bytes * bitmap.height
    inked = sum(bin(byte).count("1") for byte in bitmap.data)
    assert 0.05 < inked / (bitmap.width * bitmap.height) < 0.6  # strokes, not a filled or empty box


def test_same_chinese_name_reuses_its_bitmap() -> None:
    record = LabelRecord("instrument", "YQ-000777", "缓存测试用电子天平")
    template = BUILTIN_TEMPLATES["instrument-50x30"]
    text = next(line for line in layout_label(template, record).lines if not line.is_ascii)
    text_bitmap.cache_clear()
    render_zpl(template, record)
    first = text_bitmap.cache_info()
    assert first.misses >= 1
    render_zpl(template, LabelRecord("instrument", "YQ-000778", record.name))
    text_bitmap(text.text, text.size)
    second = text_bitmap.cache_info()
    assert second.misses == first.misses  # nothing was rendered again
    assert second.hits > first.hits
