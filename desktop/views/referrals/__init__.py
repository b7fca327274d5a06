"""The "Meine Vermittlungen" page: the broker's referrals on the server."""
