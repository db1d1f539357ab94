"""Regenerate NotoSansSC-LabDesk-subset.otf, the CJK font of label bitmaps and PNG previews.

    python resources/fonts/make_subset.py [--source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]

The source is Noto Sans CJK Regular (SIL OFL 1.1, Debian ``fonts-noto-cjk``); the subset keeps the Simplified
Chinese face and the characters a lab label needs: ASCII, the 3,755 GB2312 level-1 hanzi (the common ones),
CJK and full-width punctuation and the units and signs of test reports. Labels must not depend on what a
lab PC happens to have installed, so this file ships in the repo; the full font is 19 MB, the subset ~1.5 MB.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "NotoSansSC-LabDesk-subset.otf"
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# Units and signs that appear on instrument and sample labels and reports.
EXTRA = "℃℉°±×÷≤≥≈≠‰µΩΦφαβγδλμπσ²³¹½¼¾…—–‘’“”·•№‰※→←↑↓√∞∑△□■○●☆★①②③④⑤⑥⑦⑧⑨⑩"


def gb2312_level1() -> str:
    """The GB2312 level-1 hanzi: rows 0xB0-0xD7, the 3,755 most common characters (0xD7FA-FE are empty)."""
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def wanted_text() -> str:
    ascii_printable = "".join(chr(c) for c in range(0x20, 0x7F))
    cjk_punct = "".join(chr(c) for c in range(0x3000, 0x3040))
    fullwidth = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
    # U+25A1 WHITE SQUARE is the replacement box drawn for characters outside the subset.
    return ascii_printable + cjk_punct + fullwidth + EXTRA + "\u25a1" + gb2312_level1()


def sc_index(source: Path) -> int:
    """Index of the Simplified Chinese face in the collection (its family name ends in 'SC')."""
    collection = TTCollection(str(source), lazy=True)
    for index, font in enumerate(collection.fonts):
        family = font["name"].getDebugName(1) or ""
        if family.strip().endswith(" SC") and "Mono" not in family:
            return index
    raise SystemExit(f"no Simplified Chinese face in {source}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    options = subset.Options()
    options.font_number = sc_index(args.source)
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the copyright and license records the OFL requires
    options.hinting = False  # rasterized at label sizes by FreeType's autohinter anyway
    options.desubroutinize = False
    font = subset.load_font(str(args.source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=wanted_text())
    subsetter.subset(font)
    subset.save_font(font, str(OUTPUT), options)
    print(f"{OUTPUT.name}: {OUTPUT.stat().st_size / 1e6:.2f} MB, {len(set(wanted_text()))} characters")


if __name__ == "__main__":
    main()
