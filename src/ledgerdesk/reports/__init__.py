"""Pure reports: read models and domain objects in, rows or text lines out (no I/O, no storage)."""
