"""Note: a decision with a note -- the tag to record and why -- on one region or a whole file; and
its plain sibling for one text, a tour's name or a tour stop's note."""

from __future__ import annotations

from typing import Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static, TextArea

from vibetriage.model import TAGS
from vibetriage.text import visible

T = TypeVar("T")


class _Dialog(ModalScreen[T], Generic[T]):
    """A dialog that saves (enter in its input, ctrl+s, the Save button) or is cancelled (escape,
    the Cancel button: None)."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "cancel", id="note.cancel"),
        Binding("ctrl+s", "save", "save", id="note.save"),
    ]
    save_label = "Save (enter)"

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button(self.save_label, variant="primary", id="save")
            yield Button("Cancel (esc)", id="cancel")

    def result(self) -> T:
        raise NotImplementedError

    def action_save(self) -> None:
        self.dismiss(self.result())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)


class NoteScreen(_Dialog[tuple[str, str] | None]):
    """Dismisses with (tag, note), or None when cancelled."""

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
            yield from self.buttons()

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

    def result(self) -> tuple[str, str]:
        return self._chosen(), self.query_one(Input).value.strip()


class TextScreen(_Dialog[str | None]):
    """One text: a name (one line; enter saves) or a note of several lines (enter starts a new
    line; ctrl+s saves). Dismisses with the text, stripped, or None when cancelled.

    The text may be repository text (a note imported with a CodeTour file): it is shown with its
    control characters made visible, and an unedited text comes back as it was, not as shown."""

    def __init__(self, title: Text, value: str = "", *, placeholder: str = "", lines: bool = False) -> None:
        super().__init__()
        self.title_text, self.initial, self.placeholder, self.multiline = title, value, placeholder, lines
        self.shown = "\n".join(visible(line) for line in value.split("\n"))
        self.save_label = "Save (ctrl+s)" if lines else "Save (enter)"

    def compose(self) -> ComposeResult:
        with Vertical(id="text-box", classes="dialog"):
            yield Static(self.title_text, id="text-title")
            if self.multiline:
                yield TextArea(self.shown, id="text-lines", soft_wrap=True, placeholder=self.placeholder)
            else:
                yield Input(self.shown, placeholder=self.placeholder, id="text-line", max_length=200)
            yield from self.buttons()

    def on_mount(self) -> None:
        for field in self.query("#text-lines, #text-line"):  # none when the app is closing as this opens
            field.focus()
            if isinstance(field, TextArea):
                field.move_cursor(field.document.end)

    def result(self) -> str:
        field = self.query_one("#text-lines, #text-line")
        text = field.text if isinstance(field, TextArea) else field.value
        return (self.initial if text == self.shown else text).strip()
