"""Pick: choose one value from a short list (a language, a decision state, a sort column)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class PickScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "close", id="pick.close")]

    def __init__(self, title: str, options: list[tuple[str, str]], current: str | None = None) -> None:
        """`options`: (value, label) pairs; labels are shown as plain text."""
        super().__init__()
        self.title_text, self.options, self.current = title, options, current

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box", classes="dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield OptionList(*[Option(Text(label), id=value) for value, label in self.options], id="pick-list")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        values = [value for value, _ in self.options]
        if self.current in values:
            choices.highlighted = values.index(self.current)
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
