"""The `xxgk` executable's entry point: the command line, run with the garbage collector off.

A check's start-up imports (pandas, pandera, typer) and its reports are ~10^5–10^6 objects that live
until the process exits; with the collector on they are scanned again and again on the way (the
measurement: bench/NOTES.md). The checker makes next to no reference cycles, and the process ends
with the command, so nothing is left for the collector to find.

For the same reason the process leaves with `os._exit` once its output is flushed and the atexit
handlers have run: the interpreter's own teardown would free those objects one by one (seconds at
100,000 reports) for nothing anyone sees.
"""
from __future__ import annotations

import atexit
import gc
import os
import sys
import threading


def main() -> None:
    gc.disable()
    try:
        from .cli import main as cli_main
    except ImportError as e:   # a broken installation (typer or rich removed): say how to repair it
        from .extras import missing_extra
        message = missing_extra(e)
        if message is None:
            raise
        from .exitcodes import MISSING
        print(f"xxgk：{message}", file=sys.stderr)
        sys.exit(MISSING)
    try:
        cli_main()
    except SystemExit as e:
        _leave(e.code)
        raise
    _leave(0)


def _leave(code) -> None:
    """End the process now with `code`, as Python would end it but without freeing every object.
    Returns (the caller then exits the usual way) when that is not plainly the same: a code that is
    not a number, a thread still running, output that cannot be flushed (a closed pipe: Python's
    own exit reports it)."""
    if code is None:
        code = 0
    if not isinstance(code, int) or threading.active_count() > 1 or not _flushed():
        return
    atexit._run_exitfuncs()
    os._exit(code if _flushed() else 120)      # 120: what Python exits with when the flush fails


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        return True
    except (OSError, ValueError):
        return False
