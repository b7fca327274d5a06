"""Reusable widgets (checked text fields, inline messages, photo tiles, error summary)."""
