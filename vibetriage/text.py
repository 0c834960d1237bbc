"""Repository text made safe to show: paths, names, notes and author names are plain text, never
markup, and control characters are made visible so they cannot move the cursor, recolour the
terminal or hide what follows (DESIGN.md principle 3). The CLI and the TUI both render through here."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# C0 controls, DEL and C1 controls; newline and tab included: a path or name is one line.
_VISIBLE = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))}
_VISIBLE.update({0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r", 0x1B: "\\x1b"})
# Bidirectional overrides can reorder what a reader sees (the "trojan source" trick).
_VISIBLE.update({c: f"\\u{c:04x}" for c in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(value: object) -> str:
    return str(value).translate(_VISIBLE)


def plain(value: object, style: str = "") -> Text:
    """A rich Text that renders `value` literally: no markup, no escape sequences."""
    from rich.text import Text

    return Text(visible(value), style=style)


# Markdown we write (tables, tours) escapes every character with inline meaning, so no repository
# string can end a table cell (`|`), open a code span, emphasis, a link or an image, raw HTML or an
# entity, math or a heading; the `:` of `scheme://` and the `.` of `www.` too, so no URL becomes a
# link. CommonMark allows a backslash before any ASCII punctuation, which markdown_unescape undoes.
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#!|~$&"})
_AUTOLINK = re.compile(r":(?=//)|(?<![0-9A-Za-z])(?i:www)\.")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_escape(text: str) -> str:
    return _AUTOLINK.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], text.translate(_MARKDOWN))


def markdown_unescape(text: str) -> str:
    """The text a Markdown source shows for its backslash escapes (inverse of markdown_escape)."""
    return _UNESCAPE.sub(r"\1", text)


def when(at: str) -> str:
    """A stored UTC time (ISO 8601, to the microsecond) as a person reads it: to the second."""
    return f"{at[:10]} {at[11:19]} UTC" if at.endswith("+00:00") and len(at) >= 19 else at
