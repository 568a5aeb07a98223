"""The `xxgk` executable's entry point: the command line, run with the garbage collector off.

A check's start-up imports (pandas, pandera, typer) and its reports are ~10^5–10^6 objects that live
until the process exits; with the collector on they are scanned again and again on the way (the
measurement: bench/NOTES.md). The checker makes next to no reference cycles, and the process ends
with the command, so nothing is left for the collector to find.
"""
from __future__ import annotations

import gc
import sys


def main() -> None:
    gc.disable()
    try:
        from .cli import main as cli_main
    except ImportError as e:   # installed without the `cli` extra (e.g. for Excel only)
        from .extras import missing_extra
        message = missing_extra(e)
        if message is None:
            raise
        from .exitcodes import MISSING
        print(f"xxgk：{message}", file=sys.stderr)
        sys.exit(MISSING)
    cli_main()
