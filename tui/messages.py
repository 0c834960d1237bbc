"""Messages the app sends to every open screen when shared data changes: a decision was recorded
(with the new states of the touched files), a scan replaced the snapshot (reload everything), or a
tour changed."""

from __future__ import annotations

from textual.message import Message

from tui.data import Written


class DecisionsRecorded(Message):
    def __init__(self, written: Written) -> None:
        super().__init__()
        self.written = written


class SnapshotChanged(Message):
    """A scan wrote a new snapshot: what every screen shows must be read again."""


class ScanStateChanged(Message):
    def __init__(self, state: str) -> None:
        super().__init__()
        self.state = state


class TourChanged(Message):
    """A tour was changed from outside its screen (a stop added, the tour deleted): read it again."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
