"""`python -m kiosk` runs the `kiosk` command (its composition root is app.cli)."""

import runpy

runpy.run_module("app.cli", run_name="__main__")
