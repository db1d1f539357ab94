"""QR codes in a camera frame: zxing-cpp (default) or pyzbar, plus cheap recoveries for hard frames.

A frame is decoded on its grayscale image. When the plain pass finds nothing, recoveries are tried in
order until one finds a code; each one is in ``DEFAULT_RECOVERIES`` only because ``benchmarks/scanning.py``
shows it raises the decode rate on camera-like frames within the time budget (figures in
docs/scanning.md). The rest stay available by name so the benchmark can keep measuring them.

A text is classified with the label payload codec (``labdesk.printing.payload``): a LabDesk payload gives
its kind and code, anything else is foreign (kind and code None, raw text kept) and never guessed at.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from labdesk.printing.payload import decode_payload
from labdesk.services.problems import Problem, ProblemError

Gray = npt.NDArray[np.uint8]
Box = tuple[int, int, int, int]  # x, y, width, height in frame pixels
BACKENDS = ("zxing", "pyzbar")
# Measured by benchmarks/scanning.py; see docs/scanning.md for what each adds and costs.
DEFAULT_RECOVERIES = ("region-deblur", "frame-upscale")
MIN_SIDE = 21  # pixels: a version-1 QR code with one pixel per module
DEBLUR_SIGMA, DEBLUR_NOISE = 1.5, 0.03  # see _region_deblur
MAX_REGIONS = 3  # candidate regions per frame: bounds the recovery time of a cluttered frame


class DecoderUnavailable(ProblemError):
    """The chosen backend cannot run here (a missing library), said so the user can fix it."""


@dataclass(frozen=True)
class ScannedCode:
    text: str  # exactly what the symbol holds
    kind: str | None  # "instrument" | "sample" | "report" for a LabDesk payload, None for a foreign code
    code: str | None  # the record's code, e.g. "YQ-000123"; None for a foreign code
    position: Box | None  # bounding box in the frame; None if the backend did not say


@dataclass(frozen=True)
class DecodeResult:
    codes: list[ScannedCode] = field(default_factory=list)
    ms: float = 0.0  # time spent decoding this frame, recoveries included


def scanned(text: str, position: Box | None) -> ScannedCode:
    """A ScannedCode for ``text``, classified by the label payload codec (never guessed)."""
    payload = decode_payload(text)
    if payload is None:
        return ScannedCode(text, None, None, position)
    return ScannedCode(text, payload.kind, payload.code, position)


Reader = Callable[[Gray], list[tuple[str, Box | None]]]


def _zxing_reader(*, hard: bool = False) -> Reader:
    """zxing-cpp on QR codes. ``hard`` is the reader the recoveries use on a prepared (cropped, upscaled,
    sharpened) image: after the default local-average binarizer fails it tries a fixed threshold and then a
    global histogram, which together read 2 more of the 38 misses of benchmarks/scanning.py's seed-2026 set
    after a 2x upscale (docs/scanning.md); it skips the inverted pass (labels are dark on light, and the
    plain pass already looked for light-on-dark codes), which costs about a third of each read."""
    import zxingcpp

    # Labels are QR Code model 2. Not the QRCode family, which in zxing-cpp 3 also reads Micro QR and rMQR:
    # a Micro QR M1 symbol has almost no error detection, and a corner of a real QR code, upscaled and
    # sharpened, passed for one ("2078" beside the label's own text, frame 180 of seed 11 in
    # benchmarks/scanning.py). Model 2 alone also makes the plain pass about 0.5 ms faster.
    qr = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCodeModel2)
    # Plain, not the default HRI: HRI shows a control character as "<ESC>", "<LF>", ..., which would
    # change a foreign code's raw text and could even turn "LD1:I:A\x01" into the valid-looking "A<SOH>".
    plain = zxingcpp.TextMode.Plain
    binarizers = [zxingcpp.Binarizer.LocalAverage]
    if hard:
        binarizers += [zxingcpp.Binarizer.FixedThreshold, zxingcpp.Binarizer.GlobalHistogram]

    def read(gray: Gray) -> list[tuple[str, Box | None]]:
        for binarizer in binarizers:
            barcodes = zxingcpp.read_barcodes(
                gray, formats=qr, text_mode=plain, binarizer=binarizer, try_invert=not hard
            )
            if barcodes:
                return [(b.text, _zxing_box(b.position)) for b in barcodes]
        return []

    return read


def _zxing_box(position: Any) -> Box:
    points = (position.top_left, position.top_right, position.bottom_right, position.bottom_left)
    xs, ys = [p.x for p in points], [p.y for p in points]
    return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def pyzbar_reader() -> Reader:
    """The pyzbar backend, or DecoderUnavailable naming what to install."""
    try:
        from pyzbar import pyzbar
    except ImportError as error:  # the package is missing, or it is there but cannot load libzbar
        if "zbar" in str(error).lower() and "no module named" not in str(error).lower():
            raise DecoderUnavailable(
                Problem("pyzbar needs the system zbar library (Debian: libzbar0).")
            ) from error
        raise DecoderUnavailable(
            Problem("The pyzbar backend is not installed (pip install 'labdesk[pyzbar]').")
        ) from error
    symbols = [pyzbar.ZBarSymbol.QRCODE]

    def read(gray: Gray) -> list[tuple[str, Box | None]]:
        found: list[tuple[str, Box | None]] = []
        for result in pyzbar.decode(gray, symbols=symbols):
            rect = result.rect
            text = result.data.decode("utf-8", errors="replace")
            found.append((text, (int(rect.left), int(rect.top), int(rect.width), int(rect.height))))
        return found

    return read


def _scale_back(
    found: list[tuple[str, Box | None]], scale: float, dx: int = 0, dy: int = 0
) -> list[tuple[str, Box | None]]:
    """Positions found in a crop / resized copy, in the original frame's pixels."""
    out: list[tuple[str, Box | None]] = []
    for text, box in found:
        if box is not None:
            x, y, w, h = box
            box = (round(x / scale) + dx, round(y / scale) + dy, round(w / scale), round(h / scale))
        out.append((text, box))
    return out


def _upscale(gray: Gray, factor: int = 2) -> Gray:
    return np.asarray(
        cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), dtype=np.uint8
    )


def _sharpen(gray: Gray) -> Gray:
    # Unsharp mask: restores module edges that defocus and the upscale's interpolation soften.
    blurred = cv2.GaussianBlur(gray, (0, 0), 2)
    return np.asarray(cv2.addWeighted(gray, 1.8, blurred, -0.8, 0), dtype=np.uint8)


def code_regions(gray: Gray, limit: int = MAX_REGIONS) -> list[Box]:
    """Up to ``limit`` squarish patches of dense edges (where a QR code may be), largest first.

    Found on a half-size copy: the morphological gradient is high on every module edge, and closing it
    fills a QR code into a solid blob while text lines stay thin; this costs about 2 ms per 720p frame.
    """
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    gradient = cv2.morphologyEx(small, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    _, mask = cv2.threshold(gradient, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask)
    candidates: list[tuple[int, Box]] = []
    for x, y, w, h, area in stats[1:count].tolist():
        # Small codes only: a code big enough to fill >200 half-size pixels decodes without help.
        if not (12 <= w <= 200 and 12 <= h <= 200 and 0.5 <= w / h <= 2 and area >= 0.4 * w * h):
            continue
        candidates.append((area, (x, y, w, h)))
    candidates.sort(reverse=True)
    height, width = gray.shape[:2]
    boxes: list[Box] = []
    for _, (x, y, w, h) in candidates[:limit]:
        pad = 0.25 * max(w, h)  # the quiet zone and finder patterns the blob may have cut off
        x0, y0 = int(max(0, 2 * (x - pad))), int(max(0, 2 * (y - pad)))
        x1, y1 = int(min(width, 2 * (x + w + pad))), int(min(height, 2 * (y + h + pad)))
        boxes.append((x0, y0, x1 - x0, y1 - y0))
    return boxes


Recovery = Callable[[Reader, Gray], list[tuple[str, Box | None]]]


def _threshold(read: Reader, gray: Gray) -> list[tuple[str, Box | None]]:
    """Low-contrast codes under uneven light: one global threshold at mid-grey, read as a clean 1-bit image.

    A local-average binarizer follows the blur and the lamp gradient inside a small code; a plain cut at
    128 does not. Alone it reads 8 of the 38 seed-2026 misses at about 1 ms, but the default chain reads
    all of those too, so it is not in it (it would only add to an empty frame's cost)."""
    _, binary = cv2.threshold(gray, 127, 255, cv2.THRESH_BINARY)
    return read(np.asarray(binary, dtype=np.uint8))


def _region_upscale(read: Reader, gray: Gray) -> list[tuple[str, Box | None]]:
    """Small codes: crop each candidate region, triple it (cubic) and sharpen it, then read again.

    3x rather than 2x: a 2-pixel module becomes 6 pixels, which the fixed-threshold binarizer of the hard
    reader then cuts cleanly (2x read 16 of the 38 seed-2026 misses, 3x with the hard reader 21)."""
    found: list[tuple[str, Box | None]] = []
    for x, y, w, h in code_regions(gray):
        crop = np.ascontiguousarray(gray[y : y + h, x : x + w])
        found += _scale_back(read(_sharpen(_upscale(crop, 3))), 3.0, x, y)
    return found


def _deblur(gray: Gray, sigma: float, noise: float) -> Gray:
    """Wiener deconvolution for a Gaussian blur of ``sigma`` pixels; ``noise`` is the noise-to-signal
    ratio that keeps it from amplifying sensor noise and JPEG blocks where the blur left no signal.

    Defocus and a short motion streak both spread a 2-pixel module over its neighbours; undoing a
    Gaussian of about that width puts enough contrast back into the module edges for the binarizer,
    which sharpening (a fixed high-pass gain) does not on the smallest codes. Done on the crop before
    the upscale: a ninth of the pixels, and the same result."""
    height, width = gray.shape
    rows, cols = cv2.getOptimalDFTSize(height), cv2.getOptimalDFTSize(width)
    padded = cv2.copyMakeBorder(gray, 0, rows - height, 0, cols - width, cv2.BORDER_REPLICATE)
    spectrum = np.fft.rfft2(padded.astype(np.float32))
    fy = np.fft.fftfreq(rows)[:, None]
    fx = np.fft.rfftfreq(cols)[None, :]
    blur = np.exp(-2 * np.pi**2 * sigma**2 * (fx**2 + fy**2))
    restored = np.fft.irfft2(spectrum * (blur / (blur * blur + noise)), s=(rows, cols))[:height, :width]
    return np.asarray(np.clip(restored, 0, 255), dtype=np.uint8)


def _region_deblur(read: Reader, gray: Gray) -> list[tuple[str, Box | None]]:
    """Small blurred codes: crop each candidate region, deblur it (Wiener, Gaussian sigma 1.5 px), triple
    it (cubic), read again. Sigma and noise ratio were chosen on the seed-2026 misses (docs/scanning.md):
    sigma 1.2 or 2 and noise 0.01 or 0.1 each read fewer."""
    found: list[tuple[str, Box | None]] = []
    for x, y, w, h in code_regions(gray):  # every region: two small labels in view are two codes
        crop = np.ascontiguousarray(gray[y : y + h, x : x + w])
        found += _scale_back(read(_upscale(_deblur(crop, DEBLUR_SIGMA, DEBLUR_NOISE), 3)), 3.0, x, y)
    return found


def _frame_upscale(read: Reader, gray: Gray) -> list[tuple[str, Box | None]]:
    """Small codes the region finder missed: the whole frame at twice the size (cubic, which read more
    blurred codes than linear for about 1 ms more)."""
    return _scale_back(read(_upscale(gray)), 2.0)


def _equalize(read: Reader, gray: Gray) -> list[tuple[str, Box | None]]:
    return read(np.asarray(cv2.equalizeHist(gray), dtype=np.uint8))


def _clahe(read: Reader, gray: Gray) -> list[tuple[str, Box | None]]:
    clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))
    return read(np.asarray(clahe.apply(gray), dtype=np.uint8))


def _sharpen_frame(read: Reader, gray: Gray) -> list[tuple[str, Box | None]]:
    return read(_sharpen(gray))


def _binarize(read: Reader, gray: Gray) -> list[tuple[str, Box | None]]:
    binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 5)
    return read(np.asarray(binary, dtype=np.uint8))


RECOVERIES: dict[str, Recovery] = {
    "threshold": _threshold,
    "region-deblur": _region_deblur,
    "region-upscale": _region_upscale,
    "frame-upscale": _frame_upscale,
    "equalize": _equalize,
    "clahe": _clahe,
    "sharpen": _sharpen_frame,
    "binarize": _binarize,
}


class Decoder:
    """Decodes QR codes in BGR or grayscale frames. It keeps no state between frames, so one instance may
    serve several threads (zxing-cpp and zbar calls are reentrant)."""

    def __init__(self, backend: str = "zxing", *, recoveries: Sequence[str] | None = None) -> None:
        if backend not in BACKENDS:
            raise DecoderUnavailable(
                Problem("Unknown decoder backend {backend}; choose zxing or pyzbar.", {"backend": backend})
            )
        self.backend = backend
        self._read = _zxing_reader() if backend == "zxing" else pyzbar_reader()
        # zbar has no binarizer choice: its recoveries read with the same reader as the plain pass.
        self._hard_read = _zxing_reader(hard=True) if backend == "zxing" else self._read
        names = DEFAULT_RECOVERIES if recoveries is None else tuple(recoveries)
        unknown = [name for name in names if name not in RECOVERIES]
        if unknown:
            raise ValueError(f"unknown recoveries {unknown}; known: {sorted(RECOVERIES)}")
        self._recoveries = [RECOVERIES[name] for name in names]

    def decode(self, image: npt.NDArray[np.uint8]) -> DecodeResult:
        """Every QR code in ``image`` (BGR or grayscale uint8), classified, with the time it took."""
        started = time.perf_counter()
        gray = _grayscale(image)
        if min(gray.shape) < MIN_SIDE:  # nothing a camera sends; too small to hold a QR code
            return DecodeResult([], (time.perf_counter() - started) * 1000)
        found = self._read(gray)
        for recover in self._recoveries:
            if found:
                break
            found = recover(self._hard_read, gray)
        codes: list[ScannedCode] = []
        seen: set[tuple[str, Box | None]] = set()
        for text, box in found:
            if (text, box) not in seen:  # two candidate regions may overlap the same symbol
                seen.add((text, box))
                codes.append(scanned(text, box))
        return DecodeResult(_one_per_symbol(codes), (time.perf_counter() - started) * 1000)


def _grayscale(image: npt.NDArray[np.uint8]) -> Gray:
    if image.size == 0:
        return np.zeros((0, 0), np.uint8)
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 3:
        code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        return np.ascontiguousarray(cv2.cvtColor(image, code), dtype=np.uint8)
    return np.ascontiguousarray(image, dtype=np.uint8)


def _one_per_symbol(codes: list[ScannedCode]) -> list[ScannedCode]:
    """Drop a repeat of the same text whose box overlaps an earlier one: one symbol, seen twice."""
    kept: list[ScannedCode] = []
    for code in codes:
        if not any(k.text == code.text and _overlap(k.position, code.position) for k in kept):
            kept.append(code)
    return kept


def _overlap(a: Box | None, b: Box | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
