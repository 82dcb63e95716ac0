"""ESC/POS receipt printers: profiles, the one renderer, transports, the driver on its worker thread,
and the simulator (interpreter + TCP / pty server) that shows what a printer would print."""
