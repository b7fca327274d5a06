"""The "Entwürfe" page: the agent's unsent drafts."""
