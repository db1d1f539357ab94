"""The QR payload of LabDesk labels: ``LD<version>:<type>:<code>``, e.g. ``LD1:I:YQ-000123``.

Short (a version-1 QR symbol holds a typical one), typed (I instrument, S sample, R report), versioned,
and it ends with the human-readable code so any phone scanner shows something useful. The format is
documented in docs/labels.md. A decoder never guesses: anything that is not exactly a known version
with a known type and a valid code is foreign and decodes to None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

VERSION = 1
MAX_CODE_LENGTH = 64
KIND_LETTERS = {"instrument": "I", "sample": "S", "report": "R"}
LETTER_KINDS = {letter: kind for kind, letter in KIND_LETTERS.items()}
# The version is digits without a leading zero so that "LD01:" cannot alias "LD1:".
_PAYLOAD = re.compile(r"LD([1-9][0-9]{0,2}):([A-Z]):(.+)", re.DOTALL)


@dataclass(frozen=True)
class DecodedPayload:
    version: int
    kind: str  # "instrument" | "sample" | "report"
    code: str


def _valid_code(code: str) -> bool:
    # Whitespace at the ends and control/format characters would make two codes look alike on a label.
    return (
        0 < len(code) <= MAX_CODE_LENGTH
        and code == code.strip()
        and not any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in code)
    )


def encode_payload(kind: str, code: str) -> str:
    """``LD1:I:YQ-000123``; ValueError for an unknown kind or a code that cannot be printed faithfully."""
    letter = KIND_LETTERS.get(kind)
    if letter is None:
        raise ValueError(f"unknown label kind {kind!r}; expected one of {sorted(KIND_LETTERS)}")
    if not _valid_code(code):
        raise ValueError(
            f"code {code!r} cannot go into a QR payload: it must be 1-{MAX_CODE_LENGTH} characters, "
            "without control characters or surrounding spaces"
        )
    return f"LD{VERSION}:{letter}:{code}"


def decode_payload(text: str) -> DecodedPayload | None:
    """The payload's parts, or None for anything that is not a LabDesk payload of a known version."""
    match = _PAYLOAD.fullmatch(text)
    if match is None:
        return None
    version, letter, code = int(match.group(1)), match.group(2), match.group(3)
    # A newer version may change what the fields mean, so an old LabDesk reports it as foreign.
    if version != VERSION or letter not in LETTER_KINDS or not _valid_code(code):
        return None
    return DecodedPayload(version=version, kind=LETTER_KINDS[letter], code=code)
