"""``labdesk scan`` end to end through ``labdesk.cli.main``: real files, real decoder, JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest

from labdesk.cli import main
from labdesk.scanning.frames import Effects, Placement, compose, qr_image


def _write(path: Path, *images: npt.NDArray[np.uint8]) -> Path:
    placements = [Placement(image, 380, center=(330 + 620 * i, 360)) for i, image in enumerate(images)]
    cv2.imwrite(str(path), compose(placements, Effects()))
    return path


def _json_lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_image_json_lines(
    tmp_path: Path, instrument_label: npt.NDArray[np.uint8], capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "desk.png", instrument_label, qr_image("https://example.com/x?a=1"))
    assert main(["scan", "--source", str(path), "--json"]) == 0
    records = _json_lines(capsys.readouterr().out)
    by_text = {r["text"]: r for r in records}
    assert set(by_text) == {"LD1:I:YQ-000123", "https://example.com/x?a=1"}
    assert by_text["LD1:I:YQ-000123"]["kind"] == "instrument"
    assert by_text["LD1:I:YQ-000123"]["code"] == "YQ-000123"
    assert by_text["https://example.com/x?a=1"]["kind"] is None
    assert by_text["https://example.com/x?a=1"]["code"] is None
    for record in records:
        assert record["source"] == "desk.png"
        ms = record["ms"]
        assert isinstance(ms, float) and ms > 0 and round(ms, 1) == ms


def test_readable_lines(
    tmp_path: Path, instrument_label: npt.NDArray[np.uint8], capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "evil\x1b[2J\nLD1:I:FAKE\u2028x"  # escape codes and line breaks must not reach the terminal
    path = _write(tmp_path / "a.png", instrument_label, qr_image(hostile))
    assert main(["scan", "--source", str(path)]) == 0
    lines = sorted(capsys.readouterr().out.splitlines())
    assert lines == ["a.png: foreign code evil\\x1b[2J\\nLD1:I:FAKE\\u2028x", "a.png: instrument YQ-000123"]


def test_video_reports_a_label_once(label_video: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--source", str(label_video), "--json"]) == 0
    (record,) = _json_lines(capsys.readouterr().out)
    assert record["text"] == "LD1:S:YP2026-000045"
    assert str(record["source"]).startswith("label.avi#frame")


def test_folder_each_image_on_its_own(
    tmp_path: Path, instrument_label: npt.NDArray[np.uint8], capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path / "1.png", instrument_label)
    _write(tmp_path / "2.jpg", instrument_label)  # the same label again: a separate shot, reported again
    (tmp_path / "3.png").write_bytes(b"broken")
    cv2.imwrite(str(tmp_path / "4.png"), compose([], Effects()))
    assert main(["scan", "--source", str(tmp_path), "--json"]) == 0
    captured = capsys.readouterr()
    assert [(r["source"], r["code"]) for r in _json_lines(captured.out)] == [
        ("1.png", "YQ-000123"),
        ("2.jpg", "YQ-000123"),
    ]
    assert captured.err == "labdesk: skipped 3.png is not an image.\n"


def test_nothing_decoded_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty desk.png"
    cv2.imwrite(str(path), compose([], Effects()))
    assert main(["scan", "--source", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"labdesk: no QR code found in {path}\n"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("camera:9", "labdesk: camera:9 does not exist"),
        ("camera:x", "labdesk: camera:x is not a camera; write camera:0, camera:1, ..."),
        ("/no/such/file.png", "labdesk: There is no file or folder /no/such/file.png."),
    ],
)
def test_source_failures_are_one_line(spec: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--source", spec]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(message) and captured.err.count("\n") == 1


def test_source_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["scan"])
    assert exit_info.value.code == 2
    assert "--source" in capsys.readouterr().err
