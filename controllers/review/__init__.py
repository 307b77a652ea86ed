"""Post-stream review: indicators, goals, comparison, platform analytics imports, reports (issue 6)."""
