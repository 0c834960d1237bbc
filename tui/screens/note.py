"""Note: a decision with a note -- the tag to record and why -- on one region or a whole file."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from vibetriage.model import TAGS


class NoteScreen(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (tag, note), or None when cancelled."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "cancel", id="note.cancel"),
        Binding("ctrl+s", "save", "save", id="note.save"),
    ]

    def __init__(self, target: Text, tag: str = "reviewed") -> None:
        super().__init__()
        self.target, self.tag = target, tag

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Static(Text.assemble(("Decision on ", "bold"), self.target), id="note-target")
            yield Input(placeholder="why (enter saves, tab: the tag, escape cancels)", id="note-text", max_length=2000)
            with RadioSet(id="note-tag"):
                for tag in TAGS:
                    yield RadioButton(tag, value=tag == self.tag, id=f"tag-{tag}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (enter)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        # RadioSet starts its keyboard highlight on the first button: start it on the chosen one.
        for tags in self.query(RadioSet):  # none when the app is closing as this opens
            for _ in range(max(tags.pressed_index, 0)):
                tags.action_next_button()
        for note in self.query(Input):
            note.focus()

    def _chosen(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.id.removeprefix("tag-") if pressed is not None and pressed.id else self.tag

    def action_save(self) -> None:
        self.dismiss((self._chosen(), self.query_one(Input).value.strip()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)
