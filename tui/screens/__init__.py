"""The screens of the workbench; each owns its bindings and handlers."""
