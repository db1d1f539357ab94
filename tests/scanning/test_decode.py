"""The decoder on camera-like frames: every distortion, foreign and damaged codes, several and none."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from labdesk.scanning.decode import Decoder, DecodeResult, DecoderUnavailable, pyzbar_reader
from labdesk.scanning.frames import HEIGHT, WIDTH, Effects, Placement, compose, label_image, qr_image

CLEAN = Effects(noise=2.0, light=0.0)
# One distortion at a time, each at a strength a desk webcam really produces.
DISTORTIONS: dict[str, tuple[dict[str, object], Effects]] = {
    "far (small)": ({"width": 260}, CLEAN),
    "near (large)": ({"width": 1000}, CLEAN),
    "rotated 30": ({"angle": 30}, CLEAN),
    "upside down": ({"angle": 180}, CLEAN),
    "rotated 90": ({"angle": -90}, CLEAN),
    "tilted away": ({"tilt_x": 40}, CLEAN),
    "turned aside": ({"tilt_y": -40, "tilt_x": 15}, CLEAN),
    "defocus": ({}, Effects(defocus=2.0)),
    "motion blur": ({}, Effects(motion=8, motion_angle=30)),
    "sensor noise": ({}, Effects(noise=12)),
    "low contrast": ({}, Effects(contrast=0.3)),
    "uneven light": ({}, Effects(light=0.6)),
    "glare on the label": ({}, Effects(glare=120, glare_at=(720, 340), glare_radius=50)),
    "jpeg 35": ({}, Effects(jpeg_quality=35)),
    "everything, mildly": (
        {"width": 330, "angle": 15, "tilt_x": 20},
        Effects(defocus=1.0, motion=3, noise=5, contrast=0.6, jpeg_quality=60, light=0.3),
    ),
}


@pytest.fixture(scope="module")
def decoder() -> Decoder:
    return Decoder()


@pytest.mark.parametrize("name", list(DISTORTIONS))
def test_each_distortion_decodes(
    name: str, decoder: Decoder, instrument_label: npt.NDArray[np.uint8]
) -> None:
    geometry, effects = DISTORTIONS[name]
    placement = Placement(instrument_label, **geometry)  # type: ignore[arg-type]
    result = decoder.decode(compose([placement], effects, seed=len(name)))
    assert [(c.text, c.kind, c.code) for c in result.codes] == [
        ("LD1:I:YQ-000123", "instrument", "YQ-000123")
    ]
    assert result.ms > 0


def test_position_is_the_code_in_the_frame(decoder: Decoder, instrument_label: npt.NDArray[np.uint8]) -> None:
    frame = compose([Placement(instrument_label, 400, center=(300, 500))], CLEAN)
    (code,) = decoder.decode(frame).codes
    assert code.position is not None
    x, y, w, h = code.position
    # The label spans x 100..500, y 380..620; its QR code sits in the label's left half.
    assert x >= 100 and x + w <= 320 and y >= 380 and y + h <= 620 and w > 60 and h > 60


def test_sample_labels_and_grayscale_input(decoder: Decoder) -> None:
    for template in ("sample-40x25", "tube-25x15"):
        frame = compose([Placement(label_image("sample", "YP2026-000045", template), 420)], CLEAN)
        gray = np.ascontiguousarray(frame[:, :, 1])
        (code,) = decoder.decode(gray).codes
        assert (code.kind, code.code) == ("sample", "YP2026-000045")


@pytest.mark.parametrize(
    "text",
    [
        "https://example.com/cal/cert?id=42",  # a supplier's QR code
        "LD2:I:YQ-000123",  # a newer payload version: foreign to this LabDesk, not guessed at
        "LD1:X:YQ-000123",  # unknown type letter
        "LD1:I: YQ-000123",  # a code with surrounding space is not a valid code
        "ld1:i:yq-000123",
        "数字压力计 SN 2026-0042",
    ],
)
def test_foreign_codes_keep_their_raw_text(text: str, decoder: Decoder) -> None:
    frame = compose([Placement(qr_image(text), 300)], CLEAN)
    (code,) = decoder.decode(frame).codes
    assert (code.text, code.kind, code.code) == (text, None, None)


def _damaged(text: str, fraction: float, seed: int) -> npt.NDArray[np.uint8]:
    """The QR code of ``text`` with a blot of ink or a scratch over ``fraction`` of its width."""
    image = qr_image(text, module_px=6).copy()
    rng = np.random.default_rng(seed)
    side = image.shape[0]
    size = int(side * fraction)
    x, y = (int(v) for v in rng.integers(24, side - 24 - size, size=2))
    image[y : y + size, x : x + size] = 0 if seed % 2 else 255
    return image


@pytest.mark.parametrize("fraction", [0.1, 0.2, 0.3, 0.45, 0.6])
def test_damaged_codes_are_read_right_or_not_at_all(fraction: float, decoder: Decoder) -> None:
    """Reed-Solomon either corrects the damage or fails; a wrong text would be a decoder bug."""
    text = "LD1:S:YP2026-000045"
    read = []
    for seed in range(4):
        # The symbol alone: a camera scene adds nothing here but time.
        texts = [c.text for c in decoder.decode(_damaged(text, fraction, seed)).codes]
        assert texts in ([], [text])
        read += texts
    if fraction <= 0.1:  # error correction does its job on a small blot (else the test would prove nothing)
        assert read


def test_two_codes_in_one_frame(decoder: Decoder, instrument_label: npt.NDArray[np.uint8]) -> None:
    sample = label_image("sample", "YP2026-000045")
    frame = compose(
        [
            Placement(instrument_label, 420, center=(330, 360), angle=-8),
            Placement(sample, 380, center=(950, 380)),
        ],
        CLEAN,
    )
    codes = decoder.decode(frame).codes
    assert sorted((c.kind, c.code) for c in codes) == [
        ("instrument", "YQ-000123"),
        ("sample", "YP2026-000045"),
    ]
    boxes = [c.position for c in codes]
    assert boxes[0] is not None and boxes[1] is not None and boxes[0][0] != boxes[1][0]


@pytest.mark.parametrize(
    "image",
    [
        compose([], Effects()),  # a desk with clutter and printed text, no code
        np.zeros((HEIGHT, WIDTH, 3), np.uint8),
        np.full((HEIGHT, WIDTH), 255, np.uint8),
        np.zeros((1, 1, 3), np.uint8),
        np.random.default_rng(1).integers(0, 256, size=(HEIGHT, WIDTH), dtype=np.uint8),  # static
    ],
    ids=["desk", "black", "white", "one pixel", "static"],
)
def test_frames_without_codes(image: npt.NDArray[np.uint8], decoder: Decoder) -> None:
    result = decoder.decode(image)
    assert result == DecodeResult([], result.ms)


def test_unknown_backend_and_recovery() -> None:
    with pytest.raises(DecoderUnavailable, match="Unknown decoder backend"):
        Decoder("opencv")
    with pytest.raises(ValueError, match="unknown recoveries"):
        Decoder(recoveries=["magic"])


def _zbar_missing() -> str | None:
    try:
        pyzbar_reader()
    except DecoderUnavailable as error:
        return str(error)
    return None


@pytest.mark.skipif(_zbar_missing() is not None, reason=f"pyzbar backend unavailable: {_zbar_missing()}")
def test_pyzbar_backend(instrument_label: npt.NDArray[np.uint8]) -> None:
    decoder = Decoder("pyzbar")
    frame = compose([Placement(instrument_label, 500)], CLEAN)
    (code,) = decoder.decode(frame).codes
    assert (code.kind, code.code) == ("instrument", "YQ-000123")
    assert code.position is not None
    assert decoder.decode(compose([], CLEAN)).codes == []


@pytest.mark.parametrize(
    "shape", [(0, 0), (0, 0, 3), (20, 2000, 3), (5, 5), (HEIGHT, WIDTH, 4), (HEIGHT, WIDTH, 1)]
)
def test_odd_shapes_do_not_crash(shape: tuple[int, ...], decoder: Decoder) -> None:
    assert decoder.decode(np.full(shape, 128, np.uint8)).codes == []


@pytest.mark.parametrize("text", ["LD1:I:YQ\x01", "LD1:I:YQ-1\x1b[2J", "tab\there\nnew line"])
def test_control_characters_stay_raw_and_foreign(text: str, decoder: Decoder) -> None:
    # zxing-cpp's default text mode would print "\x01" as "<SOH>", and "LD1:I:YQ<SOH>" is a valid payload.
    (code,) = decoder.decode(compose([Placement(qr_image(text), 300)], CLEAN)).codes
    assert (code.text, code.kind, code.code) == (text, None, None)


# Frames of benchmarks/scanning.py's seed-2026 set (parameters rounded) that the plain pass misses: a small
# low-contrast label turned in 3-D, the smallest label defocused (only region-deblur reads it), and a
# motion-blurred one under glare (only frame-upscale reads it).
HARD_FRAMES: dict[str, tuple[str, str, str, dict[str, object], Effects, int]] = {
    "small, turned, low contrast": (
        "instrument",
        "YQ-094232",
        "instrument-50x30",
        {"width": 262.34, "center": (773.14, 380.87), "angle": -62.15, "tilt_x": 30.62, "tilt_y": -28.13},
        Effects(defocus=1.02, noise=5.82, contrast=0.49, jpeg_quality=45, light=0.07),
        202606129,
    ),
    "small and defocused": (
        "sample",
        "YP2026-426708",
        "sample-40x25",
        {"width": 220.4, "center": (408.18, 318.02), "angle": -2.07, "tilt_x": -22.5, "tilt_y": 27.27},
        Effects(defocus=1.34, noise=2.87, contrast=0.82, jpeg_quality=62, light=0.16),
        202606161,
    ),
    "blurred under glare": (
        "sample",
        "YP2026-286449",
        "sample-40x25",
        {"width": 375.41, "center": (1068.98, 349.87), "angle": 8.58, "tilt_x": 19.39, "tilt_y": 19.78},
        Effects(
            defocus=1.54,
            motion=6.24,
            motion_angle=64.72,
            noise=3.04,
            contrast=0.78,
            glare=92.55,
            glare_at=(1192.72, 301.79),
            glare_radius=56.05,
            jpeg_quality=64,
            light=0.12,
        ),
        202606094,
    ),
}


@pytest.mark.parametrize(
    ("frame", "recovery"),
    [
        ("small, turned, low contrast", "region-upscale"),
        ("small, turned, low contrast", "threshold"),
        ("small and defocused", "region-deblur"),
        ("blurred under glare", "frame-upscale"),
    ],
)
def test_a_recovery_reads_what_the_plain_pass_misses(frame: str, recovery: str) -> None:
    kind, code, template, geometry, effects, seed = HARD_FRAMES[frame]
    placement = Placement(label_image(kind, code, template), **geometry)  # type: ignore[arg-type]
    image = compose([placement], effects, seed=seed)
    assert Decoder(recoveries=[]).decode(image).codes == []
    expected = [(kind, code)]
    assert [(c.kind, c.code) for c in Decoder(recoveries=[recovery]).decode(image).codes] == expected
    assert [(c.kind, c.code) for c in Decoder().decode(image).codes] == expected


@pytest.mark.parametrize("recovery", ["threshold", "region-deblur", "region-upscale", "frame-upscale"])
@pytest.mark.parametrize("fraction", [0.3, 0.45, 0.6])
def test_recoveries_never_read_a_damaged_code_wrong(recovery: str, fraction: float) -> None:
    """The recoveries run when the plain pass fails, which a badly damaged code makes it do: upscaling,
    sharpening and other binarizers must still give the right text or none."""
    text = "LD1:S:YP2026-000045"
    decoder = Decoder(recoveries=[recovery])
    for seed in range(4):
        symbol = _damaged(text, fraction, seed)
        # Small in a frame, as a camera sees it, so the region finder and the upscales have work to do.
        frame = compose([Placement(symbol, 150, angle=10)], Effects(defocus=0.8, noise=3, jpeg_quality=70))
        for image in (symbol, frame):
            assert [c.text for c in decoder.decode(image).codes] in ([], [text])


def test_micro_qr_is_not_read(decoder: Decoder) -> None:
    """A Micro QR M1 symbol has almost no error detection: a corner of a blurred label's QR code, upscaled
    by a recovery, once read as one ("2078"). Only QR Code model 2 is read, so that cannot happen."""
    import zxingcpp

    micro = zxingcpp.create_barcode("2078", zxingcpp.BarcodeFormat.MicroQRCode)
    matrix = np.pad(
        np.asarray(micro.to_image(scale=1, add_quiet_zones=False), dtype=np.uint8), 2, constant_values=255
    )
    symbol = np.kron(matrix, np.ones((8, 8), dtype=np.uint8))
    # zxing-cpp itself reads it (else this test would prove nothing) ...
    assert [b.text for b in zxingcpp.read_barcodes(symbol)] == ["2078"]
    # ... the decoder does not, neither bare nor in a frame where the recoveries run.
    assert decoder.decode(symbol).codes == []
    assert decoder.decode(compose([Placement(symbol, 120)], CLEAN)).codes == []
