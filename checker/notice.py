"""A line on stderr when one step outlasts a few seconds, so a long wait is never silent: one solver
call of the exact localisation may take up to its 120 s CPU limit (`rules.exact.ROUND_SECONDS`) on a
dense district, with nothing else to show meanwhile. HiGHS releases the GIL while it works, so a
timer thread can speak during the call. The command line turns this on (`enable`); as a library
(Excel, tests) the checker stays silent."""
from __future__ import annotations

import contextlib
import os
import sys
import threading
import time

AFTER = 10.0          # seconds a step runs before it is announced
_after: float | None = None     # None: off


def enable() -> None:
    """Announce slow steps on stderr from now on (in this process and the workers it forks).
    `XXGK_NOTICE_AFTER` sets the delay in seconds (0: every step, said before it starts)."""
    global _after
    _after = _delay()


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get("XXGK_NOTICE_AFTER", AFTER)))
    except ValueError:
        return AFTER


@contextlib.contextmanager
def slow(what):
    """`with slow(lambda: "正在…"):` — if the block takes longer than the delay, `what()` is said on
    stderr while it runs, and how long it took once it ends. `what` is called only then."""
    if _after is None:
        yield
        return
    start = time.monotonic()
    said = threading.Event()

    def say() -> None:
        said.set()
        _line(f"{what()}（已用 {time.monotonic() - start:.0f} 秒，仍在进行）")

    timer = None
    if _after == 0:
        say()
    else:
        try:
            timer = threading.Timer(_after, say)
            timer.daemon = True
            timer.start()
        except RuntimeError:      # no threads here (Pyodide): stay silent
            timer = None
    try:
        yield
    finally:
        if timer is not None:
            timer.cancel()
        if said.is_set():
            _line(f"{what()}：完成（{time.monotonic() - start:.1f} 秒）")


def _line(text: str) -> None:
    sys.stderr.write(text + "\n")     # one write: workers share this stderr
    sys.stderr.flush()


class Counted:
    """Work a reader counts while a heartbeat speaks: the sheets of one big workbook, which is one
    file to the per-file progress (`checker.readers.workbook.read_sheets` counts them)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.done = self.total = 0

    def said(self) -> str:
        """`已读 600/1,500 个工作表，` (then the seconds), or nothing when no sheets are counted."""
        if not self.total:
            return ""
        if self.done < self.total:
            return f"已读 {self.done:,}/{self.total:,} 个工作表，"
        return f"{self.total:,} 个工作表已读完，正在核对，"


sheets = Counted()


@contextlib.contextmanager
def heartbeat(text: str, done: bool = False, counted: Counted | None = None):
    """While the block runs, `text…（已用 N 秒）` on stderr every AFTER seconds (`XXGK_NOTICE_AFTER`):
    for a step that cannot count its progress (the rules run over all reports at once), so a log
    shows it is alive. `done`: also say how long it took, at the end. `counted`: what a reader
    counts meanwhile, said before the seconds."""
    start = time.monotonic()
    try:
        with repeating(max(0.1, _delay()), lambda: _line(
                f"{text}…（{counted.said() if counted else ''}已用 {time.monotonic() - start:.0f} 秒）")):
            yield
    finally:
        if done:
            _line(f"{text}：完成（{time.monotonic() - start:.1f} 秒）")


@contextlib.contextmanager
def repeating(every: float, do):
    """While the block runs, `do()` every `every` seconds in a thread (none in Pyodide: nothing)."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every):
            do()

    thread = threading.Thread(target=loop, daemon=True)
    try:
        thread.start()
    except RuntimeError:          # no threads here (Pyodide)
        thread = None
    try:
        yield
    finally:
        stop.set()
        if thread is not None:
            thread.join()
