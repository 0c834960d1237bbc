"""Pure analysis: repository -> facts. Never imports textual, tui or sqlite; never prints.
Failures come back as `Diagnostic` values, not exceptions."""
