"""The "Datenschutz" page: the privacy notice in the app's words, plus local data."""
