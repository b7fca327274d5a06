"""Glasvermittler desktop client.

This module imports no Qt so that the pure-logic subpackages (privacy, api, store, sync)
stay importable headless.
"""

APP_NAME = "Glasvermittler"
ORG_NAME = "Glasvermittler"
ORG_DOMAIN = "glasvermittler.example"
__version__ = "0.1.0"
