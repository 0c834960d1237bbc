"""Display widgets of the workbench: they draw what they are given and decide nothing."""
