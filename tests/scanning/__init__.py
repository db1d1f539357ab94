"""Tests of labdesk.scanning: real frames from labdesk.scanning.frames, real decoders."""
