"""The Textual workbench (issue 4). Reads and writes only through `vibetriage.store`."""
