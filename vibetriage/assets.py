"""Finds the shipped `data/` directory: `vibetriage/_data` inside an installed wheel, or `data/`
at the repository root in a checkout or editable install. The only module that knows where it is."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    for candidate in (_HERE / "_data", _HERE.parent / "data"):
        if (candidate / "queries").is_dir():
            return candidate
    raise FileNotFoundError("vibetriage data/ directory is missing from this installation; reinstall the package")


def data_path(*parts: str) -> Path:
    return data_dir().joinpath(*parts)
