"""Item delegates: how table cells are edited."""
