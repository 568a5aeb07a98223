"""Progress on the terminal for long runs: a rich bar on stderr, shown only past a few files."""
from __future__ import annotations

import contextlib
import sys


@contextlib.contextmanager
def progress_callback(threshold: int = 20):
    """Yields `progress(done, total, path)`; draws a bar when total > threshold and stderr is a terminal."""
    state: dict = {}

    def progress(done: int, total: int, path) -> None:
        if total <= threshold or not sys.stderr.isatty():
            return
        if "bar" not in state:
            from rich.progress import Progress
            bar = Progress(transient=True, console=_stderr())
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("读取报告", total=total)
        state["bar"].update(state["task"], completed=done)

    try:
        yield progress
    finally:
        if "bar" in state:
            state["bar"].stop()


def _stderr():
    from rich.console import Console
    return Console(stderr=True)
