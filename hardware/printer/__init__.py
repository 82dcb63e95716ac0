"""ESC/POS receipt printers: profiles, the one renderer, transports, the driver on its worker thread,
and the simulator (interpreter + TCP / pty server) that shows what a printer would print.

escpos's capabilities cache directory is set by the composition root (app/builders/printing.py,
`configure_escpos_cache`) before anything imports escpos: nothing happens when this package is imported."""
