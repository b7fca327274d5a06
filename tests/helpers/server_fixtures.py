"""Fixtures that start the reference Extranet server on loopback."""
