"""scanning: see DESIGN.md (no Qt, no SQL here). Filled in by later issues."""
