"""The `xxgk` executable's entry point: the command line, run with the garbage collector off.

A check's start-up imports (pandas, pandera, typer) and its reports are ~10^5–10^6 objects that live
until the process exits; with the collector on they are scanned again and again on the way (the
measurement: bench/NOTES.md). The checker makes next to no reference cycles, and the process ends
with the command, so nothing is left for the collector to find.
"""
from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from .cli import main as cli_main
    cli_main()
