"""The "Postausgang" page: what waits to be sent and what failed."""
