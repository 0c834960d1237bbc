"""The risk register export: the ranked files and regions with their score parts, signals, findings,
decision state, notes and a suggested action, as CSV, JSON, Markdown, SARIF 2.1.0 or one HTML file.

    from vibetriage.export import Options, render
    data = render(store, "sarif", Options(top=100))   # bytes, ready to write

This package owns the register: `register` gathers it from the store (and only from the store),
`actions` holds the table that suggests an action, `describe` the plain-text wording the formats
share, and one `to_<format>` module per format renders it. docs/risk-register.md is the user's
guide; data/schemas/risk-register.schema.json describes the JSON. The same database gives the
same bytes, apart from one generated-at time (fixed by SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import os
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vibetriage.export.register import Options, Register
    from vibetriage.store import Store

# This module stays light (the CLI imports it to build its parser, on every command): the
# register and the renderers are imported when an export is made.
FORMATS = ("csv", "json", "md", "sarif", "html")
DEFAULT_TOP = 50
SUFFIXES = {".csv": "csv", ".json": "json", ".md": "md", ".markdown": "md", ".sarif": "sarif", ".html": "html", ".htm": "html"}
_FROM_REGISTER = ("ExportError", "Options", "Register", "gather")

__all__ = ["DEFAULT_TOP", "FORMATS", *_FROM_REGISTER, "format_for", "render", "render_register", "write_file"]


def __getattr__(name: str):
    if name in _FROM_REGISTER:
        from vibetriage.export import register

        return getattr(register, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def render(store: Store, fmt: str, options: Options | None = None) -> bytes:
    """The register of the store's last scan in one format (default options: the top 50 of each kind)."""
    from vibetriage.export.register import ExportError, Options, gather

    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return render_register(gather(store, options or Options()), fmt)


def render_register(register: Register, fmt: str) -> bytes:
    from vibetriage.export.register import ExportError

    if fmt == "csv":
        from vibetriage.export.to_csv import render as run
    elif fmt == "json":
        from vibetriage.export.to_json import render as run
    elif fmt == "md":
        from vibetriage.export.to_markdown import render as run
    elif fmt == "sarif":
        from vibetriage.export.to_sarif import render as run
    elif fmt == "html":
        from vibetriage.export.to_html import render as run
    else:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return run(register)


def format_for(path: Path) -> str | None:
    """The format a file name asks for by its suffix (`risks.sarif` -> sarif), if any."""
    return SUFFIXES.get(Path(path).suffix.lower())


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: into a temporary file in the same directory, then renamed
    over the target, so a reader never sees half a file and a failed write leaves the old one.
    A symbolic link at `path` is replaced, never written through."""
    import tempfile  # here, not above: the CLI imports this module on every command

    from vibetriage.export.register import ExportError

    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a directory: name a file")
    # Only a regular file (or a link to one) is replaced: renaming over a device or a FIFO, or
    # over a link to one (/dev/stdout), would destroy it.
    if (path.exists() or path.is_symlink()) and not path.is_file():
        raise ExportError(f"{path} is not a regular file: name a file, or leave out -o to print")
    directory = path.parent
    if not directory.is_dir():
        raise ExportError(f"no directory {directory} to write {path.name} into")
    try:
        mode = path.stat(follow_symlinks=False).st_mode & 0o777 if path.exists() and not path.is_symlink() else None
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ExportError(f"cannot write into {directory}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
