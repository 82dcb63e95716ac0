"""Benchmarks: each module has main(quick) -> result lines; `python -m bench` runs them all."""
