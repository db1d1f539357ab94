"""scanning: frame capture (OpenCV), QR decoding (zxing-cpp), debounce, and camera-like test frames.

No Qt, no SQL (see DESIGN.md and docs/scanning.md). Import the module you need (``.capture``, ``.decode``,
``.debounce``, ``.frames``): this package imports nothing itself, so importing it does not load OpenCV.
"""
