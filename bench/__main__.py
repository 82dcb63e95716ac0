"""Run every benchmark module in bench/ (or those named): `python -m bench [--quick] [NAME ...]`."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import platform
import sys
import time

import bench


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="smaller runs, for a smoke check")
    parser.add_argument("names", nargs="*", help="benchmark modules to run (default: all)")
    args = parser.parse_args()
    names = args.names or sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_"))
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} {platform.machine()} {platform.python_version()}, quick={args.quick}")
    failed = []
    for name in names:
        print(f"\n## bench.{name}", flush=True)
        try:
            importlib.import_module(f"bench.{name}").main(quick=args.quick)
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            print(f"FAILED: {exc!r}")
            failed.append(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
