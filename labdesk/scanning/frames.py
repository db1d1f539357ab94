"""Camera-like test frames: real LabDesk labels placed into a 1280x720 webcam scene, deterministic by seed.

Tests, ``benchmarks/scanning.py`` and "scan from file" demos share this module, so the frames a test
decodes are the frames the benchmark measures. A label is rendered by ``labdesk.printing`` exactly as it
is printed (1-bit, template dpi); a scene then does to it what a desk webcam does: distance (scale),
in-plane rotation, perspective tilt, defocus and motion blur, uneven light, glare, low contrast, sensor
noise and JPEG compression (most USB webcams deliver MJPG at 720p).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from labdesk.printing.layout import layout_label
from labdesk.printing.payload import encode_payload
from labdesk.printing.png import image_from_layout
from labdesk.printing.records import DEMO_RECORDS, LabelKind, LabelRecord
from labdesk.printing.templates import default_template, template_by_name

Image = npt.NDArray[np.uint8]
WIDTH, HEIGHT = 1280, 720
_FOCAL_PX = 1000.0  # a 720p webcam with about 65 degrees of horizontal view


@dataclass(frozen=True)
class Placement:
    """Where one flat label (or any code image) lies in the scene."""

    image: Image  # grayscale, as printed: 0 black, 255 white
    width: float = 400.0  # the label's width in frame pixels when seen face-on
    center: tuple[float, float] = (WIDTH / 2, HEIGHT / 2)
    angle: float = 0.0  # in-plane rotation, degrees
    tilt_x: float = 0.0  # leaning towards / away from the camera, degrees
    tilt_y: float = 0.0  # turned left / right, degrees


@dataclass(frozen=True)
class Effects:
    """What the lens, the light and the sensor do to the whole frame."""

    defocus: float = 0.0  # Gaussian sigma, pixels
    motion: float = 0.0  # length of a straight motion streak, pixels
    motion_angle: float = 0.0  # degrees
    noise: float = 2.0  # sensor noise sigma, grey levels
    contrast: float = 1.0  # 1 = as lit; 0.3 = a washed-out, dim or backlit shot
    glare: float = 0.0  # peak brightness a specular reflection adds, grey levels
    glare_at: tuple[float, float] = (WIDTH / 2, HEIGHT / 2)
    glare_radius: float = 60.0
    jpeg_quality: int | None = None  # None = no compression
    light: float = 0.25  # strength of the uneven illumination (0 = flat)


@dataclass(frozen=True)
class CameraFrame:
    image: Image  # BGR, HEIGHT x WIDTH
    texts: tuple[str, ...]  # the payloads of the codes placed in the frame
    placements: tuple[Placement, ...] = field(repr=False)
    effects: Effects


def label_image(
    kind: LabelKind = "instrument", code: str | None = None, template: str | None = None
) -> Image:
    """A LabDesk label as printed (grayscale, 0 or 255), from the real templates and renderer."""
    demo = DEMO_RECORDS[kind]
    record = LabelRecord(kind, code or demo.code, demo.name, demo.fields)
    chosen = template_by_name(template) if template else default_template(kind)
    bitmap = image_from_layout(layout_label(chosen, record))
    return np.asarray(bitmap.convert("L"), dtype=np.uint8)


def qr_image(text: str, module_px: int = 6, quiet_modules: int = 4) -> Image:
    """A bare QR code (for foreign codes: a URL, a supplier's serial number, ...), with its quiet zone."""
    import zxingcpp

    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    matrix = np.asarray(barcode.to_image(scale=1, add_quiet_zones=False), dtype=np.uint8)
    matrix = np.pad(matrix, quiet_modules, constant_values=255)
    return np.kron(matrix, np.ones((module_px, module_px), dtype=np.uint8))


def _corners(p: Placement) -> npt.NDArray[np.float32]:
    """The label's four corners in the frame: a flat card rotated in 3-D and seen through a pinhole."""
    h, w = p.image.shape[:2]
    half_w, half_h = p.width / 2, p.width * h / w / 2
    plane = np.array([[-half_w, -half_h, 0], [half_w, -half_h, 0], [half_w, half_h, 0], [-half_w, half_h, 0]])
    a, tx, ty = (math.radians(v) for v in (p.angle, p.tilt_x, p.tilt_y))
    rz = np.array([[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]])
    rx = np.array([[1, 0, 0], [0, math.cos(tx), -math.sin(tx)], [0, math.sin(tx), math.cos(tx)]])
    ry = np.array([[math.cos(ty), 0, math.sin(ty)], [0, 1, 0], [-math.sin(ty), 0, math.cos(ty)]])
    points = plane @ (ry @ rx @ rz).T
    depth = points[:, 2] + _FOCAL_PX  # at depth f a face-on label is exactly p.width wide
    x = points[:, 0] * _FOCAL_PX / depth + p.center[0]
    y = points[:, 1] * _FOCAL_PX / depth + p.center[1]
    return np.stack([x, y], axis=1).astype(np.float32)


def desk(seed: int) -> npt.NDArray[np.float32]:
    """A desk: a smooth colour field with clutter (papers, a keyboard edge, printed text) for edges."""
    rng = np.random.default_rng((seed, 1))
    base = rng.uniform(60, 190, size=3)
    coarse = rng.normal(0, 25, size=(5, 9, 3)).astype(np.float32)
    low = np.asarray(cv2.resize(coarse, (WIDTH, HEIGHT), interpolation=cv2.INTER_CUBIC), dtype=np.float32)
    scene = np.clip(low + base.astype(np.float32), 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(3, 8))):
        x, y = int(rng.integers(0, WIDTH)), int(rng.integers(0, HEIGHT))
        w, h = int(rng.integers(40, 400)), int(rng.integers(20, 250))
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        cv2.rectangle(scene, (x, y), (x + w, y + h), colour, -1 if rng.random() < 0.6 else 3)
    for _ in range(int(rng.integers(0, 4))):
        origin = (int(rng.integers(0, WIDTH - 200)), int(rng.integers(20, HEIGHT)))
        cv2.putText(
            scene,
            f"LOT 2026-{int(rng.integers(10000)):04d}",
            origin,
            cv2.FONT_HERSHEY_SIMPLEX,
            0.8,
            (30, 30, 30),
            2,
        )
    return scene.astype(np.float32)


def _paste(scene: npt.NDArray[np.float32], p: Placement, rng: np.random.Generator) -> None:
    h, w = p.image.shape[:2]
    corners = _corners(p)
    # Warp only into the label's bounding box: a full-frame warp per label would dominate the frame time.
    x0, y0 = np.floor(corners.min(axis=0)).astype(int).clip(0, (WIDTH - 1, HEIGHT - 1))
    x1, y1 = np.ceil(corners.max(axis=0)).astype(int).clip(1, (WIDTH, HEIGHT))
    if x1 <= x0 or y1 <= y0:
        return
    source = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners - np.array([x0, y0], dtype=np.float32))
    paper = rng.uniform(225, 255)
    ink = rng.uniform(10, 45)  # thermal black is never 0
    tone = (p.image.astype(np.float32) / 255) * (paper - ink) + ink
    tint = rng.uniform(0.93, 1.0, size=3).astype(np.float32)  # slightly warm or cool paper
    size = (int(x1 - x0), int(y1 - y0))
    label = cv2.warpPerspective(tone, matrix, size, flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, size, flags=cv2.INTER_LINEAR)[:, :, None]
    roi = scene[y0:y1, x0:x1]
    roi *= 1 - mask
    roi += mask * label[:, :, None] * tint


def compose(
    placements: Sequence[Placement],
    effects: Effects,
    seed: int = 0,
    *,
    background: npt.NDArray[np.float32] | None = None,
) -> Image:
    """One BGR frame with ``placements`` on a desk, then ``effects``; same arguments, same pixels.

    ``background`` (from ``desk(seed)``) skips drawing the desk again for each frame of a video.
    """
    rng = np.random.default_rng(seed)
    scene = desk(seed) if background is None else background.copy()
    for p in placements:
        _paste(scene, p, rng)
    if effects.light:  # a desk lamp on one side
        gx = np.linspace(-1, 1, WIDTH, dtype=np.float32) * rng.uniform(-1, 1)
        gy = np.linspace(-1, 1, HEIGHT, dtype=np.float32)[:, None] * rng.uniform(-1, 1)
        scene *= (1 + effects.light * (gx + gy) / 2)[:, :, None]
    if effects.glare:
        _add_glare(scene, effects)
    if effects.contrast != 1.0:
        mean = float(scene.mean())
        scene = (scene - mean) * effects.contrast + mean
    if effects.defocus > 0:
        scene = np.asarray(cv2.GaussianBlur(scene, (0, 0), effects.defocus), dtype=np.float32)
    if effects.motion >= 1:
        kernel = _motion_kernel(effects.motion, effects.motion_angle)
        scene = np.asarray(cv2.filter2D(scene, -1, kernel), dtype=np.float32)
    if effects.noise > 0:
        # One noise field for all three channels: a third of the cost, and decoding looks at luma only.
        noise = rng.standard_normal(size=(HEIGHT, WIDTH), dtype=np.float32)
        noise *= effects.noise
        scene += noise[:, :, None]
    image = np.clip(scene, 0, 255, out=scene).astype(np.uint8)
    if effects.jpeg_quality is not None:
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, effects.jpeg_quality])
        image = np.asarray(cv2.imdecode(data, cv2.IMREAD_COLOR), dtype=np.uint8) if ok else image
    return image


def _add_glare(scene: npt.NDArray[np.float32], effects: Effects) -> None:
    """A specular highlight: a Gaussian blob of added light, computed only where it is not negligible."""
    gx, gy, r = *effects.glare_at, effects.glare_radius
    x0, x1 = int(max(0, gx - 4 * r)), int(min(WIDTH, gx + 4 * r))
    y0, y1 = int(max(0, gy - 4 * r)), int(min(HEIGHT, gy + 4 * r))
    if x1 <= x0 or y1 <= y0:
        return
    yy, xx = np.ogrid[y0:y1, x0:x1]
    blob = np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * r**2)).astype(np.float32)
    scene[y0:y1, x0:x1] += effects.glare * blob[:, :, None]


def _motion_kernel(length: float, angle: float) -> npt.NDArray[np.float32]:
    size = math.ceil(length) | 1
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    dx, dy = math.cos(math.radians(angle)) * length / 2, math.sin(math.radians(angle)) * length / 2
    cv2.line(kernel, (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy)), 1.0, 1)
    # Trimmed to the line's extent, symmetrically so the streak stays centred: a horizontal streak becomes
    # a 1 x N kernel, which filter2D applies many times faster than an N x N one.
    rows, cols = np.nonzero(kernel)
    ry, rx = int(max(abs(rows - c).max(), 0)), int(max(abs(cols - c).max(), 0))
    kernel = kernel[c - ry : c + ry + 1, c - rx : c + rx + 1]
    return np.asarray(kernel / kernel.sum(), dtype=np.float32)


def random_placement(image: Image, rng: np.random.Generator) -> Placement:
    """A label held up to a desk webcam at 10-40 cm: mostly upright, sometimes turned or tilted.

    The whole label is in view (a code cut by the frame edge is not a decoding problem), so the centre is
    drawn again until all four corners fall inside the frame.
    """
    width = float(math.exp(rng.uniform(math.log(220), math.log(620))))
    angle = float(rng.normal(0, 20) if rng.random() < 0.8 else rng.uniform(-180, 180))
    tilt_x, tilt_y = float(rng.uniform(-35, 35)), float(rng.uniform(-35, 35))
    placement = Placement(image, width, (WIDTH / 2, HEIGHT / 2), angle, tilt_x, tilt_y)
    for _ in range(50):
        center = (float(rng.uniform(0, WIDTH)), float(rng.uniform(0, HEIGHT)))
        candidate = Placement(image, width, center, angle, tilt_x, tilt_y)
        corners = _corners(candidate)
        if corners.min() >= 8 and (corners[:, 0] <= WIDTH - 8).all() and (corners[:, 1] <= HEIGHT - 8).all():
            return candidate
    return placement


def random_effects(rng: np.random.Generator, near: tuple[float, float]) -> Effects:
    """Webcam conditions from good to poor; ``near`` is where glare may fall (on or beside the label)."""
    return Effects(
        defocus=float(rng.uniform(0, 1.6)),
        motion=float(rng.uniform(0, 7) if rng.random() < 0.4 else 0),
        motion_angle=float(rng.uniform(0, 180)),
        noise=float(rng.uniform(1.5, 8)),
        contrast=float(rng.uniform(0.35, 1.0)),
        glare=float(rng.uniform(40, 140) if rng.random() < 0.3 else 0),
        glare_at=(near[0] + float(rng.normal(0, 120)), near[1] + float(rng.normal(0, 80))),
        glare_radius=float(rng.uniform(30, 90)),
        jpeg_quality=int(rng.integers(45, 90)),
        light=float(rng.uniform(0, 0.5)),
    )


def camera_frames(count: int, seed: int = 2026) -> Iterator[CameraFrame]:
    """``count`` frames, each with one LabDesk label (instrument or sample, varied codes and templates)."""
    rng = np.random.default_rng(seed)
    templates: tuple[tuple[LabelKind, str, str], ...] = (
        ("instrument", "instrument-50x30", "YQ-{:06d}"),
        ("sample", "sample-40x25", "YP2026-{:06d}"),
        ("sample", "tube-25x15", "YP2026-{:06d}"),
    )
    for i in range(count):
        kind, template, pattern = templates[int(rng.integers(len(templates)))]
        code = pattern.format(int(rng.integers(1, 999_999)))
        placement = random_placement(label_image(kind, code, template), rng)
        effects = random_effects(rng, placement.center)
        image = compose([placement], effects, seed=seed * 100_003 + i)
        yield CameraFrame(image, (encode_payload(kind, code),), (placement,), effects)


def write_label_video(
    path: Path, label: Image, *, frames: int = 40, fps: float = 15.0, seed: int = 7
) -> Path:
    """A short MJPG .avi of ``label`` sliding in from the left edge, then held still in the middle.

    MJPG in AVI is the codec the opencv-python-headless wheels write on every platform (its own
    encoder, no system codec needed), and what most USB webcams send anyway.
    """
    background = desk(seed)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (WIDTH, HEIGHT))
    if not writer.isOpened():
        raise OSError(f"OpenCV cannot write an MJPG video to {path}")
    try:
        travel = max(1, frames * 2 // 3)  # moving for two thirds, then still
        for i in range(frames):
            t = min(1.0, i / travel)
            x = -250 + t * (WIDTH / 2 + 250)
            speed = 0.0 if i >= travel else (WIDTH / 2 + 250) / travel
            placement = Placement(label, 380, (x, HEIGHT / 2), angle=5, tilt_y=10)
            effects = Effects(motion=min(speed * 0.5, 25), noise=3, jpeg_quality=None)
            writer.write(compose([placement], effects, seed=seed * 1000 + i, background=background))
    finally:
        writer.release()
    return path
