"""Thin Qt table models over the presenters' SQL-backed lists."""
