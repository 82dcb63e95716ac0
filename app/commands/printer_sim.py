"""`kiosk printer-sim [--port 9100] [--out DIR]`: the ESC/POS simulator as a LAN printer; one PNG per cut."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hardware.printer.profiles import profile_named
from hardware.printer.simulator import PrinterSimulator, TcpPrinterServer, page_file


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("printer-sim", help="run the printer simulator on a TCP port (PNG per cut)")
    p.add_argument("--port", type=int, default=9100, help="TCP port (default 9100; 0 picks a free one)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default loopback)")
    p.add_argument("--out", type=Path, default=Path("printer-sim-out"), help="folder for page PNGs")
    p.add_argument("--profile", default="korean-80mm", help="paper width from this profile")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        profile = profile_named(args.profile)
        sim = PrinterSimulator(profile.dots, args.out)
        server = TcpPrinterServer(sim, args.host, args.port)
    except (ValueError, OSError) as exc:
        print(f"kiosk: printer-sim: {exc}; pick another --port or --profile", file=sys.stderr)
        return 2
    print(f"printer simulator listening on {server.url}, pages to {args.out}/", flush=True)
    shown = 0
    with server:
        try:
            while True:
                if sim.wait_for_pages(shown + 1, timeout=0.5):
                    shown += 1
                    page = sim.page(shown)
                    if page is None:  # more pages came at once than the simulator keeps
                        continue
                    state = "torn" if page.torn else "cut"
                    print(f"page {shown} ({state}): {args.out}/{page_file(shown, page.torn)}", flush=True)
                    for line in page.text_lines:
                        print(f"  | {line}", flush=True)
        except KeyboardInterrupt:
            pass
    return 0
