"""Readers: report documents and workbooks in, `Report`s out, all in the one shape of `model.py`.

Each reader module has `read(path) -> list[Report]` and raises `ReadError` (a Chinese message
naming the file and place) for input it cannot read; `read_path` turns that into an F5 finding
so a run goes on with its other inputs. Reader modules are imported lazily: a small run starts fast.
"""
from __future__ import annotations

import gc
import importlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..extras import missing_extra
from ..model import Finding, Report

# file suffix -> reader module (relative to this package)
READERS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".xlsx": "workbook", ".xlsm": "workbook", ".xls": "workbook", ".ods": "workbook",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html", ".htm": "html",
}


class ReadError(Exception):
    """Input that cannot be read. `message` is Chinese and names the place (sheet/cell, line)."""
    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where


@dataclass
class ReadResult:
    reports: list[Report] = field(default_factory=list)
    failures: list[Finding] = field(default_factory=list)   # F5: files that could not be read


def discover(paths: list[Path]) -> tuple[list[Path], list[Finding]]:
    """Files to read: the given files, and the supported files below given folders (sorted)."""
    files: list[Path] = []
    missing: list[Finding] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(_below(p))
        elif p.is_file():
            files.append(p)
        else:
            missing.append(unreadable(p, "文件或文件夹不存在。"))
    return files, missing


def _below(folder: Path) -> list[Path]:
    """The supported files below `folder`, sorted as paths sort (what `rglob` + `is_file` found).
    os.scandir: a directory entry knows its type, so 100,000 files need no stat each (bench/NOTES.md)."""
    found: list[str] = []
    stack = [str(folder)]
    while stack:
        try:
            with os.scandir(stack.pop()) as entries:
                for e in entries:
                    if e.is_dir(follow_symlinks=False):
                        stack.append(e.path)   # as rglob: a link to a folder is not followed
                        continue
                    name = e.name
                    dot = name.rfind(".")
                    suffix = name[dot:].lower() if 0 < dot < len(name) - 1 else ""
                    if suffix in READERS and not name.startswith(("~$", ".")) and e.is_file():
                        found.append(e.path)
        except OSError:   # an unreadable folder is skipped, as rglob skips it
            continue
    paths = [Path(f) for f in found]
    # Path order compares parts (case-folded on Windows); on POSIX the parts themselves, cheaper
    paths.sort(key=(lambda q: q.parts) if os.name == "posix" else None)
    return paths


def read_path(path: Path) -> ReadResult:
    """Read one file. Never raises for bad input: an unreadable file becomes an F5 finding."""
    path = Path(path)
    module = READERS.get(path.suffix.lower())
    if module is None:
        return ReadResult(failures=[unreadable(path, f"不支持的文件类型“{path.suffix or '无扩展名'}”；"
                                                     f"支持 {', '.join(sorted(set(READERS)))}。")])
    try:
        reader = importlib.import_module(f".{module}", __name__)
        return ReadResult(reports=reader.read(path))
    except ReadError as e:
        return ReadResult(failures=[unreadable(path, e.message, e.where)])
    except Exception as e:  # a reader bug must not lose the other inputs: report it, go on
        # the reader's optional part (extra: pdf, docx, html) is not installed
        if isinstance(e, ImportError) and (message := missing_extra(e)):
            return ReadResult(failures=[unreadable(path, f"无法读取该文件。{message}")])
        return ReadResult(failures=[unreadable(
            path, f"读取时出现意外错误（{type(e).__name__}: {e}），请把该文件反馈给开发者。")])


def unreadable(path: Path, detail: str, where: str | None = None) -> Finding:
    """The F5 finding for a file that could not be read; `where` narrows it (sheet, line)."""
    from ..findings import make
    return make("F5", unit=None, year=None, source=str(path),
                where=f"{path}（{where}）" if where else str(path), detail=detail)


def read_all(paths: list[Path], progress=None, workers: int | None = None) -> ReadResult:
    """Read every file under `paths`, in input order; `progress(done, total, path)` after each batch.
    Large runs read in parallel processes (both cores): reading is most of a big check's time."""
    files, missing = discover(paths)
    result = ReadResult(failures=list(missing))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_FROM:
        batches = map(_read_batch, ([f] for f in files))
        sizes = [1] * len(files)
        _collect(result, batches, sizes, files, progress)
        return result
    size = max(16, min(512, len(files) // (workers * 8) or 1))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    # imported here: Pyodide (xlwings Lite) has no processes, and a workbook's sheets never need them
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    enabled = gc.isenabled()
    gc.disable()   # the collector would scan the unpickled reports again and again (bench/NOTES.md)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_gc) as pool:
            _collect(result, pool.map(_read_batch, chunks), [len(c) for c in chunks], files, progress)
    finally:
        gc.freeze()    # the reports live to the end of the run: no later collection scans them again
        if enabled:
            gc.enable()
    return result


def _worker_gc() -> None:
    """A reading worker makes few cycles: what it inherited is never scanned, young objects seldom."""
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)


PARALLEL_FROM = 64  # below this, starting processes costs more than it saves


def _read_batch(files: list[Path]) -> ReadResult:
    out = ReadResult()
    if len(files) > 1:
        _prefetch(files)
    for f in files:
        r = read_path(f)
        out.reports.extend(r.reports)
        out.failures.extend(r.failures)
    return out


def _prefetch(files: list[Path]) -> None:
    """Ask the kernel to read a batch's files ahead (posix_fadvise WILLNEED, Linux): files that are
    not in the page cache then arrive together, while the first ones are parsed, instead of one
    synchronous disk read a report (bench/NOTES.md)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    for f in files:
        try:
            fd = os.open(f, os.O_RDONLY)
        except OSError:
            continue          # reading the file will say what is wrong with it
        try:
            advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(fd)


def _collect(result: ReadResult, batches, sizes: list[int], files: list[Path], progress) -> None:
    done = 0
    for batch, n in zip(batches, sizes):
        result.reports.extend(batch.reports)
        result.failures.extend(batch.failures)
        done += n
        if progress:
            progress(done, len(files), files[done - 1])
