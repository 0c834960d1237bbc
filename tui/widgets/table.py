"""RankTable: a table that draws only the rows on screen, so a ranking of 20,000 files shows at
once and scrolls without lag (Textual's DataTable measures every cell of every row up front: 3.5 s
and 130 ms per page on 20,000 rows, measured with bench/tui.py's data).

It displays; it does not decide. The screen gives it columns (each with a function that turns a
row into a `rich.text.Text`) and rows (any objects with a `key`), and hears back through messages
which row is highlighted or opened and which header was clicked. Cells are Text objects built
from plain strings, never markup, so repository text shows literally and carries no actions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

GAP = 1  # blank cells between columns


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    render: Callable[[Any], Text]
    width: int | None = None  # None: the one flexible column, which takes the room left
    justify: str = "left"
    priority: int = 0  # when the table is too narrow, the highest numbers are hidden first
    min_width: int = 10  # of the flexible column


class RankTable(ScrollView, can_focus=True):
    """Rows of a ranking with a header line, a cursor row, and rendering on demand."""

    COMPONENT_CLASSES = {"rank-table--header", "rank-table--cursor", "rank-table--cursor-blurred", "rank-table--empty"}

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "up", show=False, id="table.up"),
        Binding("down,j", "cursor(1)", "down", show=False, id="table.down"),
        Binding("pageup", "page(-1)", "page up", show=False, id="table.page-up"),
        Binding("pagedown", "page(1)", "page down", show=False, id="table.page-down"),
        Binding("home", "jump(0)", "first row", show=False, id="table.first"),
        Binding("end", "jump(-1)", "last row", show=False, id="table.last"),
        Binding("enter", "open", "open", show=False, id="table.open"),
    ]

    DEFAULT_CSS = """
    RankTable { background: $surface; overflow-x: hidden; }
    RankTable > .rank-table--header { text-style: bold; background: $panel; }
    RankTable > .rank-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    RankTable > .rank-table--cursor-blurred { background: $block-cursor-blurred-background; }
    RankTable > .rank-table--empty { color: $text-muted; text-style: italic; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class _RowMessage(Message):
        def __init__(self, table: RankTable, index: int, row: Any) -> None:
            super().__init__()
            self.table, self.index, self.row = table, index, row

        @property
        def control(self) -> RankTable:
            return self.table

    class Highlighted(_RowMessage):
        """The cursor moved to a row."""

    class Opened(_RowMessage):
        """A row was opened (enter, or a double click)."""

    class HeaderClicked(Message):
        def __init__(self, table: RankTable, column: str) -> None:
            super().__init__()
            self.table, self.column = table, column

        @property
        def control(self) -> RankTable:
            return self.table

    def __init__(self, columns: Sequence[Column] = (), *, empty: str = "nothing to show", id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._columns: list[Column] = list(columns)
        self._rows: list[Any] = []
        self._index: dict[Any, int] = {}
        self._cache: dict[tuple, Strip] = {}
        self._generation = 0
        self._layout: tuple[int, list[tuple[Column, int]]] | None = None
        self.empty = empty
        self.sort_column: str | None = None
        self.sort_reverse = False

    # -- data ------------------------------------------------------------------------------

    @property
    def rows(self) -> list[Any]:
        return self._rows

    @property
    def row(self) -> Any | None:
        """The row under the cursor."""
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def set_columns(self, columns: Sequence[Column]) -> None:
        self._columns = list(columns)
        self._layout = None
        self.invalidate()

    def set_rows(self, rows: Sequence[Any], *, keep: Any = None) -> None:
        """Show `rows`; the cursor goes to the row whose key is `keep` if it is there, else stays
        at its index (clamped)."""
        self._rows = list(rows)
        self._index = {row.key: i for i, row in enumerate(self._rows)}
        self.virtual_size = Size(self.size.width, len(self._rows) + 1)
        target = self._index.get(keep, min(self.cursor, max(len(self._rows) - 1, 0)))
        self.invalidate()
        self.cursor = target
        self._scroll_to_cursor(center=keep is not None)

    def invalidate(self) -> None:
        """Forget rendered rows (their content changed) and draw again."""
        self._generation += 1
        self._cache.clear()
        self.refresh()

    def move_to(self, key: Any) -> bool:
        index = self._index.get(key)
        if index is None:
            return False
        self.cursor = index
        self._scroll_to_cursor(center=True)
        return True

    # -- cursor ------------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._rows) - 1)) if self._rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        if self._rows:
            self.post_message(self.Highlighted(self, new, self._rows[new]))

    def _refresh_row(self, index: int) -> None:
        y = index - int(self.scroll_offset.y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    @property
    def _page(self) -> int:
        return max(self.size.height - 2, 1)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta
        self._scroll_to_cursor()

    def action_page(self, direction: int) -> None:
        self.cursor += direction * self._page
        self._scroll_to_cursor()

    def action_jump(self, where: int) -> None:
        self.cursor = 0 if where == 0 else len(self._rows) - 1
        self._scroll_to_cursor()

    def action_open(self) -> None:
        if self._rows:
            self.post_message(self.Opened(self, self.cursor, self._rows[self.cursor]))

    def _scroll_to_cursor(self, *, center: bool = False) -> None:
        top, visible = int(self.scroll_offset.y), max(self.size.height - 1, 1)
        if center and not top <= self.cursor < top + visible:
            target = self.cursor - visible // 2
        elif self.cursor < top:
            target = self.cursor
        elif self.cursor >= top + visible:
            target = self.cursor - visible + 1
        else:
            return
        self.scroll_to(y=max(target, 0), animate=False, immediate=True)

    # -- mouse -----------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None:
                self.post_message(self.HeaderClicked(self, column.key))
            return
        index = int(self.scroll_offset.y) + offset.y - 1
        if 0 <= index < len(self._rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_open()

    def _column_at(self, x: int) -> Column | None:
        left = 0
        for column, width in self._columns_laid_out():
            if left <= x < left + width + GAP:
                return column
            left += width + GAP
        return None

    # -- drawing ---------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._rows) + 1)
        self._layout = None
        self.invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _columns_laid_out(self) -> list[tuple[Column, int]]:
        """Columns that fit the width, with their widths: the flexible one takes what is left;
        when even its minimum does not fit, columns are hidden, highest priority number first."""
        width = self.scrollable_content_region.width
        if self._layout is not None and self._layout[0] == width:
            return self._layout[1]
        shown = list(self._columns)
        while shown:
            fixed = sum(c.width or 0 for c in shown) + GAP * (len(shown) - 1)
            flex = [c for c in shown if c.width is None]
            need = fixed + sum(c.min_width for c in flex)
            if need <= width or len(shown) == 1:
                break
            droppable = [c for c in shown if c.priority > 0]
            if not droppable:
                break
            shown.remove(max(droppable, key=lambda c: c.priority))
        fixed = sum(c.width or 0 for c in shown) + GAP * (len(shown) - 1)
        room = max(width - fixed, 0)
        laid = [(c, c.width if c.width is not None else max(room, 1)) for c in shown]
        self._layout = (width, laid)
        return laid

    def render_lines(self, crop: Region) -> list[Strip]:
        # Styles are looked up once per frame, not once per line: a page of rows must draw fast.
        self._base = self.rich_style
        focused = self.has_focus
        self._cursor_style = self.get_component_rich_style(
            "rank-table--cursor" if focused else "rank-table--cursor-blurred", partial=True)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = getattr(self, "_base", None) or self.rich_style
        if y == 0:
            return self._strip(("header", width, self.sort_column, self.sort_reverse), self._header, base, width)
        index = int(self.scroll_offset.y) + y - 1
        if not self._rows:
            if y == 2:
                style = base + self.get_component_rich_style("rank-table--empty")
                return Strip(Text(self.empty, style=style).render(self.app.console), None).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        cursor = index == self.cursor
        key = (index, cursor and (self.has_focus or 2), width)
        return self._strip(key, lambda: self._row_segments(self._rows[index]), base, width, cursor=cursor)

    def _strip(self, key: tuple, make: Callable[[], Text | list[Segment]], base: Style, width: int, cursor: bool = False) -> Strip:
        key = (*key, self._generation)
        strip = self._cache.get(key)
        if strip is None:
            if len(self._cache) > 400:  # a few pages: more only gives the garbage collector work
                self._cache.clear()
            made = make()
            segments = list(made.render(self.app.console)) if isinstance(made, Text) else made
            if cursor:
                over = getattr(self, "_cursor_style", None) or Style()
                segments = list(Segment.apply_style(segments, base, post_style=over))
                base = base + over
            else:
                segments = list(Segment.apply_style(segments, base))
            strip = Strip(segments).adjust_cell_length(width, base)
            self._cache[key] = strip
        return strip

    def _header(self) -> Text:
        style = self.get_component_rich_style("rank-table--header")
        cells = []
        for column, width in self._columns_laid_out():
            label = column.label
            if column.key == self.sort_column:
                label += " ▾" if not self.sort_reverse else " ▴"
            cells.append(_fit(Text(label), width, column.justify))
        line = Text(" " * GAP).join(cells)
        line.stylize(style)
        return line

    def _row_segments(self, row: Any) -> list[Segment]:
        console = self.app.console
        gap = Segment(" " * GAP)
        segments: list[Segment] = []
        for i, (column, width) in enumerate(self._columns_laid_out()):
            if i:
                segments.append(gap)
            segments.extend(_fit(column.render(row), width, column.justify).render(console))
        return segments

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)


def _fit(text: Text, width: int, justify: str) -> Text:
    """A cell exactly `width` cells wide: cut with an ellipsis (at the start for a left-aligned
    cell that is a path, whose end says most), or padded."""
    length = text.cell_len
    if length > width:
        if justify == "path" and width > 1:
            tail = text[max(len(text.plain) - (width - 1), 0) :]
            while tail.cell_len > width - 1:  # wide characters take two cells
                tail = tail[1:]
            text = Text("…") + tail
        else:
            text = text.copy()
            text.truncate(width, overflow="ellipsis")
    else:
        text = text.copy()
    if justify == "right":
        text.pad_left(width - text.cell_len)
    else:
        text.pad_right(width - text.cell_len)
    text.no_wrap = True
    return text
