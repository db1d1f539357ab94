"""printing: label templates → ZPL / TSPL / PDF / PNG, printer transports and batch runs.

No Qt and no SQL here (see DESIGN.md and docs/labels.md). Import the module you need
(``labdesk.printing.zpl``, ``.templates``, ``.batch`` …): this package imports nothing itself, so that
using the label templates does not load reportlab, Pillow and zxing-cpp.
"""
