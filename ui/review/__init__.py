"""The post-stream review panel (issue 6): session picker, indicator cards, charts on one time axis,
audience, goals, comparison, imports, exports, and the session's recording synced to the charts."""
