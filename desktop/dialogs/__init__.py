"""Dialogs of the app shell: login and settings."""
