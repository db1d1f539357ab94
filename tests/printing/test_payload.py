from __future__ import annotations

import pytest

from labdesk.printing.payload import DecodedPayload, decode_payload, encode_payload


@pytest.mark.parametrize(
    ("kind", "code", "text"),
    [
        ("instrument", "YQ-000123", "LD1:I:YQ-000123"),
        ("sample", "YP2026-000045", "LD1:S:YP2026-000045"),
        ("report", "BG2026-000007", "LD1:R:BG2026-000007"),
        ("sample", "样品:A:1", "LD1:S:样品:A:1"),  # colons in the code stay in the code
    ],
)
def test_round_trip(kind: str, code: str, text: str) -> None:
    assert encode_payload(kind, code) == text
    assert decode_payload(text) == DecodedPayload(version=1, kind=kind, code=code)


@pytest.mark.parametrize(
    "foreign",
    [
        "",
        "YQ-000123",
        "https://example.com/LD1:I:YQ-000123",
        "ld1:I:YQ-000123",
        "LD1:i:YQ-000123",
        "LD1:X:YQ-000123",
        "LD01:I:YQ-000123",
        "LD2:I:YQ-000123",  # a newer version: reported foreign, not guessed at
        "LD1:I:",
        "LD1:I: YQ-1",
        "LD1:I:YQ-1\n",
        "LD1:I:YQ\x00-1",
        "LD1:I:" + "9" * 65,
        " LD1:I:YQ-1",
        "WIFI:S:lab;T:WPA;P:secret;;",
    ],
)
def test_foreign_text_is_rejected(foreign: str) -> None:
    assert decode_payload(foreign) is None


@pytest.mark.parametrize("code", ["", " YQ-1", "YQ-1 ", "YQ\r\n1", "YQ\x1b1", "Y" * 65])
def test_unprintable_codes_are_refused(code: str) -> None:
    with pytest.raises(ValueError, match="cannot go into a QR payload"):
        encode_payload("instrument", code)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown label kind"):
        encode_payload("customer", "KH0001")
