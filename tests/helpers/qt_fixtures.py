"""Fixtures for Qt tests."""
