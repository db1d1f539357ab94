"""LabDesk: the desktop workbench of a testing laboratory."""

__version__ = "0.1.0"
