"""Progress on stderr for long work, so a run over hundreds of reports is never silent: on a terminal
a rich bar (reading) or spinner (a stage such as writing the annotated workbook); in a log or a
pipe, one plain line at the start of each long step and at every tenth of the reading."""
from __future__ import annotations

import contextlib
import sys
import time

from ..notice import heartbeat, repeating

THRESHOLD = 20       # files: below this a run is short and draws nothing …
SLOW_SUFFIXES = (".pdf",)   # … unless it reads PDFs (seconds each: 15 of them ran a minute in silence)
SLOW_FROM = 3        # files: from this many, a run that has read a PDF draws


def _terminal() -> bool:
    return sys.stderr.isatty()


def _line(text: str) -> None:
    # one write: a sharded check's workers write their own lines to the same stderr meanwhile
    # (print writes the text and its newline apart, and a worker's line could land between them)
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


@contextlib.contextmanager
def progress_callback(threshold: int = THRESHOLD, then: str | None = None):
    """Yields `progress(done, total, path)` for the readers; draws only when total > threshold.
    `then`: what the command does once everything is read (`正在核对`), said when reading ends.
    A later step counts its own way with `what` (a sharded check's `核对报告`: `checker.shard`)."""
    state: dict = {"step": 0}
    beats = contextlib.ExitStack()

    def progress(done: int, total: int, path, what: str = "读取报告") -> None:
        if total <= threshold and not _slow(state, done, total, path):
            return
        state["long"] = True
        ending = then if then and done == total and what == "读取报告" else None
        if not _terminal():
            if state.get("what", what) != what:
                state["step"] = 0
                # the next step counts its own progress (a sharded check): the check goes on, so
                # no "正在核对：完成" here while it has just begun
                state.pop("ending", None)
                beats.close()
            state["what"] = what
            step = done * 10 // total
            if done == 1 or step > state["step"] or done == total:
                state["step"] = step
                _line(f"{what}：{done}/{total}" + (f"，{ending}…" if ending else ""))
            if ending:                 # the check that follows cannot count: say it is alive
                state["ending"] = (ending, time.monotonic())
                beats.enter_context(heartbeat(ending))
            return
        if "bar" not in state:
            from rich.progress import Progress
            bar = Progress(transient=True, console=_stderr())
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task(what, total=total)
        state["bar"].update(state["task"], completed=done, total=total,
                            description=f"{ending}…" if ending else what)

    try:
        yield progress
    except BaseException:
        state.pop("ending", None)      # failed: not "完成"
        raise
    finally:
        beats.close()
        if "ending" in state:     # the uncounted step after the reading ended with the block
            text, start = state.pop("ending")
            _line(f"{text}：完成（{time.monotonic() - start:.1f} 秒）")
        if "bar" in state:
            state["bar"].stop()
    if state.get("long"):
        long_run.set()


def _slow(state: dict, done: int, total: int, path) -> bool:
    """A short run whose files are slow to read: from the first PDF read on, with more to come (a
    deterministic test, by the kind of file, not by a time that depends on the machine's load); not
    when the PDF reader is not installed."""
    if state.get("slow"):
        return True
    state["slow"] = (total >= SLOW_FROM and done < total and str(path or "").lower().endswith(SLOW_SUFFIXES)
                     and _pdf_reader())
    return state["slow"]


def _pdf_reader() -> bool:
    """Whether PDFs are really read (`[pdf]` installed): without it each fails at once (exit 3), no wait."""
    from importlib.util import find_spec
    return find_spec("pdfplumber") is not None


class _LongRun:
    """Set once a run is long (many files): later stages then announce themselves too."""
    value = False

    def set(self) -> None:
        self.value = True


long_run = _LongRun()


BIG_INPUT = 2_000_000     # bytes: one workbook of a few hundred report sheets takes seconds to read


def big_input(paths) -> bool:
    """A few files that are large (a 500-sheet collection workbook): long work without many files."""
    from pathlib import Path
    files = [Path(p) for p in paths]
    if any(p.is_dir() for p in files):
        return False        # folders: the per-file progress speaks for them
    return sum(p.stat().st_size for p in files if p.is_file()) > BIG_INPUT


@contextlib.contextmanager
def stage(text: str, long: bool | None = None, plain: bool = False, counted=None):
    """`with stage("正在写出标注工作簿"):` — a spinner on a terminal, or a start and a done line in a
    log, shown when the run is long: `long`, or else many files were read, or the input was big.
    `plain`: the lines even on a terminal, for a stage that writes to stdout (rich's spinner
    would take over stdout and send what is written there to stderr). `counted`: a
    `notice.Counted` a reader counts meanwhile (a big workbook's sheets), said with the seconds."""
    if not (long if long is not None else long_run.value):
        yield
        return
    start = time.monotonic()
    if _terminal() and not plain:
        with _stderr().status(text + "…") as status, _counting(status, text, counted):
            yield
    else:
        _line(text + "…")
        with heartbeat(text, counted=counted):
            yield
    _line(f"{text}：完成（{time.monotonic() - start:.1f} 秒）")


@contextlib.contextmanager
def _counting(status, text: str, counted):
    """The spinner's text follows what `counted` counts, twice a second (a thread: none in Pyodide)."""
    if counted is None:
        yield
        return

    def follow() -> None:
        status.update(f"{text}…（{counted.said().rstrip('，')}）" if counted.said() else text + "…")
    with repeating(0.5, follow):
        yield


def _stderr():
    from rich.console import Console
    return Console(stderr=True)
