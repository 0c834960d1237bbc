"""SourceView: a file's source, highlighted by pygments, with line numbers, the selected region's
lines banded, and a mark on every line that holds a finding. Draws only the lines on screen, so a
file of tens of thousands of lines scrolls as fast as a short one.

Display only: it is given lines of (pygments token type, text) pairs -- tokenized in a worker
thread by `tui.data.tokenize`, control characters already made visible -- and told which lines to
band and mark.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.syntax import PygmentsSyntaxTheme
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

DARK_THEME, LIGHT_THEME = "monokai", "default"


class SourceView(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"source-view--gutter", "source-view--message"}

    BINDINGS = [
        Binding("up,k", "move(0, -1)", "scroll up", show=False, id="source.up"),
        Binding("down,j", "move(0, 1)", "scroll down", show=False, id="source.down"),
        Binding("left", "move(-4, 0)", "scroll left", show=False, id="source.left"),
        Binding("right", "move(4, 0)", "scroll right", show=False, id="source.right"),
        Binding("pageup", "page(-1)", "page up", show=False, id="source.page-up"),
        Binding("pagedown", "page(1)", "page down", show=False, id="source.page-down"),
        Binding("home", "edge(0)", "top", show=False, id="source.top"),
        Binding("end", "edge(1)", "bottom", show=False, id="source.bottom"),
    ]

    DEFAULT_CSS = """
    SourceView { background: $surface; }
    SourceView > .source-view--gutter { color: $text-muted; }
    SourceView > .source-view--message { color: $text-muted; text-style: italic; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[list[tuple[object, str]]] = []
        self._message = "loading…"
        self._band: tuple[int, int] | None = None
        self._marks: dict[int, Style] = {}
        self._band_style = Style()
        self._mark_band_style = Style()
        self._edge_style = Style()
        self._theme = PygmentsSyntaxTheme(DARK_THEME)
        self._token_styles: dict[object, Style] = {}
        self._cache: dict[tuple, Strip] = {}

    # -- what to show ------------------------------------------------------------------------

    def set_source(self, lines: list[list[tuple[object, str]]] | None, message: str = "") -> None:
        self._lines = lines or []
        self._message = message
        width = max((sum(len(t) for _, t in line) for line in self._lines), default=0)
        self.virtual_size = Size(self._gutter_width() + width + 1, len(self._lines))
        self._cache.clear()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def set_marks(self, marks: dict[int, Style], band: Style, mark_band: Style, edge: Style) -> None:
        """Lines with findings -> the style of their mark; the backgrounds of banded and marked
        lines, and the style of the bar along the band."""
        self._marks, self._band_style, self._mark_band_style, self._edge_style = marks, band, mark_band, edge
        self._cache.clear()
        self.refresh()

    def show_lines(self, start: int, end: int, *, band: bool = True) -> None:
        """Band lines start..end (1-based) and scroll so they start near the top."""
        self._band = (start, end) if band else None
        self._cache.clear()
        self.scroll_to(y=max(start - 3, 0), animate=False, immediate=True)
        self.refresh()

    @property
    def band(self) -> tuple[int, int] | None:
        return self._band

    @property
    def top_line(self) -> int:
        """The first line on screen (1-based)."""
        return int(self.scroll_offset.y) + 1

    def restyle(self, dark: bool) -> None:
        self._theme = PygmentsSyntaxTheme(DARK_THEME if dark else LIGHT_THEME)
        self._token_styles.clear()
        self._cache.clear()
        self.refresh()

    def line_text(self, number: int) -> str:
        """The text of a line as shown (for tests and copying)."""
        return "".join(t for _, t in self._lines[number - 1]) if 0 < number <= len(self._lines) else ""

    # -- drawing ---------------------------------------------------------------------------

    def _gutter_width(self) -> int:
        return len(str(max(len(self._lines), 1))) + 3  # number, space, mark, space

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _style_for(self, token: object) -> Style:
        style = self._token_styles.get(token)
        if style is None:
            found = self._theme.get_style_for_token(token)
            # The theme's colours, not its background: the widget's background stays the app's.
            style = Style(color=found.color, bold=found.bold, italic=found.italic, underline=found.underline)
            self._token_styles[token] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        scroll_x, scroll_y = self.scroll_offset
        number = int(scroll_y) + y + 1
        if not self._lines:
            if y == 1:
                style = base + self.get_component_rich_style("source-view--message")
                return Strip([Segment(" " + self._message, style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if number > len(self._lines):
            return Strip.blank(width, base)
        key = (number, int(scroll_x), width)
        strip = self._cache.get(key)
        if strip is not None:
            return strip
        in_band = self._band is not None and self._band[0] <= number <= self._band[1]
        mark = self._marks.get(number)
        background = self._mark_band_style if mark is not None else self._band_style if in_band else Style()
        line_base = base + background
        gutter_style = line_base + self.get_component_rich_style("source-view--gutter")
        digits = self._gutter_width() - 3
        gutter = [Segment(f"{number:>{digits}} ", gutter_style)]
        if mark is not None:
            gutter.append(Segment("▌", line_base + mark))
        elif in_band:
            gutter.append(Segment("▎", line_base + self._edge_style))
        else:
            gutter.append(Segment(" ", line_base))
        gutter.append(Segment(" ", line_base))
        code = Strip([Segment(text, line_base + self._style_for(kind)) for kind, text in self._lines[number - 1]])
        room = max(width - self._gutter_width(), 0)
        code = code.crop_extend(int(scroll_x), int(scroll_x) + room, line_base)
        strip = Strip(gutter + list(code)).adjust_cell_length(width, line_base)
        if len(self._cache) > 4000:
            self._cache.clear()
        self._cache[key] = strip
        return strip

    # Keys scroll at once: a code reader jumps, it does not glide.

    def action_move(self, dx: int, dy: int) -> None:
        self.scroll_to(self.scroll_x + dx, self.scroll_y + dy, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_y + direction * max(self.size.height - 1, 1), animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        self.scroll_to(0, self.max_scroll_y if end else 0, animate=False, immediate=True)

