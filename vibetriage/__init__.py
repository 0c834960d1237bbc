"""vibetriage: rank a git repository's files and regions by risk and record triage decisions.

Kept free of imports so that `analyzers` can use `vibetriage.model` without pulling in the store,
the CLI or Textual."""

__version__ = "0.1.0"
