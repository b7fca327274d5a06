"""The referral form (Schnellvermittlung and Komplettvermittlung), composed from parts."""
