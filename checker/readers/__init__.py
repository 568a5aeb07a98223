"""Readers: report documents and workbooks in, `Report`s out, all in the one shape of `model.py`.

Each reader module has `read(path) -> list[Report]`: it produces a `document.Document` (rows of
printed cells and prose lines) and `document.to_report` makes the Report, the same way for every
reader (docs/architecture.md). A reader raises `ReadError` (a Chinese message naming the file and
place) for input it cannot read; `read_path` turns that into an F5 finding so a run goes on with its
other inputs. Reader modules are imported lazily: a small run starts fast.
"""
from __future__ import annotations

import errno
import functools
import gc
import importlib
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from ..extras import missing_extra
from ..model import Finding, Report
from ..safetext import escape_strings, storable
from .sniff import SNIFFED, content_reader

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


class PartlyRead(Exception):
    """A file read but for some parts over the limits (a workbook's sheet: `safety.SheetOverLimit`):
    the reports of the rest, and an error naming each part left out (an F5 each)."""
    def __init__(self, reports: list[Report], left_out: list[ReadError]):
        super().__init__(left_out[0].message)
        self.reports, self.left_out = reports, left_out


@dataclass
class ReadResult:
    reports: list[Report] = field(default_factory=list)
    failures: list[Finding] = field(default_factory=list)   # F5: files that could not be read


# Document formats people save reports in that we do not read: in a folder they are reported (a unit's
# report silently skipped would be a wrong all-clear), with what to save them as.
UNSUPPORTED_DOCUMENTS = {".doc": ".docx", ".wps": ".docx", ".rtf": ".docx", ".odt": ".docx",
                         ".et": ".xlsx", ".ett": ".xlsx", ".ofd": ".pdf", ".mht": ".html", ".mhtml": ".html",
                         # Excel's binary workbook, Apple's Numbers and Pages: named, not silently passed over
                         ".xlsb": ".xlsx", ".numbers": ".xlsx", ".pages": ".docx"}
# Archives, as offices send their reports: what is inside is not checked, so they are named too.
ARCHIVES = frozenset((".zip", ".rar", ".7z"))


def discover(paths: list[Path], as_text: bool = False) -> tuple[list, list[Finding]]:
    """Files to read: the given files, and the supported files below given folders (sorted); and
    F5 findings for what cannot be read: a missing path, a symlink loop, a pipe or device, a folder
    without permission, a report document in a format we do not read. `as_text`: the files as
    strings (`str` of the Path each would be), for a caller that only hands them on (`checker.shard`:
    a Path each is 0.4 s at 100,000 files, in the main process before any worker starts)."""
    files: list = []
    problems: list[Finding] = []
    for p in paths:
        p = Path(p)
        try:
            st = os.stat(p)
        except OSError as e:
            problems.append(unreadable(p, _missing(p, e)))
            continue
        if stat.S_ISDIR(st.st_mode):
            below = _below(p, problems)
            files.extend(below if as_text else map(Path, below))
        elif stat.S_ISREG(st.st_mode):
            files.append(str(p) if as_text else p)
        else:   # never opened: a FIFO would block the run, /dev/zero would never end
            problems.append(unreadable(p, "不是普通文件（是管道、设备或套接字），不读取。请给出报告文件或文件夹。"))
    return files, problems


def _missing(p: Path, e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "是一个循环的符号链接（指向自身），无法读取。"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "没有读取权限（无法进入所在文件夹）。"
    if p.is_symlink():
        return f"是一个符号链接，指向的“{os.readlink(p)}”不存在。"
    return "文件或文件夹不存在。"


# Reports come from many offices, and a folder unpacked from one of their archives may hold links:
# a link out of the folder given is not followed (it could name any file of this machine, whose text
# would go into the workbook sent back). A file named on the command line is read wherever it is.
OUTSIDE = ("是指向所给文件夹以外的符号链接，没有读取（链接可能指向本机的其他文件）。"
           "如需检查它指向的报告，请在命令行直接给出该文件。")


def _inside(link: str, top: str) -> bool:
    return os.path.realpath(link).startswith(top.rstrip(os.sep) + os.sep)


def _below(folder: Path, problems: list[Finding]) -> list[str]:
    """The supported files below `folder`, as the text of their paths, sorted as their Paths sort
    (what `rglob` + `is_file` found). os.scandir: a directory entry knows its type, so 100,000 files
    need no stat each (bench/NOTES.md). A sub-folder that cannot be read and a report in a format we
    do not read go to `problems` (in the order the folders are walked)."""
    entries_of: dict[str, list[tuple[str, str, bool]]] = {}   # folder -> (name, path, is a folder)
    stack = [str(folder)]
    top = None     # the folder's real path, for the rare link (os.scandir knows links without a stat)
    while stack:
        here = stack.pop()
        kept = entries_of[here] = []      # what was found before an error is kept
        try:
            with os.scandir(here) as entries:
                for e in entries:
                    if e.is_dir(follow_symlinks=False):
                        stack.append(e.path)   # as rglob: a link to a folder is not followed (no loops)
                        kept.append((e.name, e.path, True))
                        continue
                    name = e.name
                    dot = name.rfind(".")
                    suffix = name[dot:].lower() if 0 < dot < len(name) - 1 else ""
                    if suffix in READERS and not name.startswith(("~$", ".")) and e.is_file():
                        if e.is_symlink() and not _inside(e.path, top := top or os.path.realpath(folder)):
                            problems.append(unreadable(Path(e.path), OUTSIDE))
                            continue
                        kept.append((name, e.path, False))
                    elif suffix in SNIFFED and not name.startswith(("~$", ".")) and e.is_file() \
                            and not e.is_symlink() and content_reader(e.path):
                        kept.append((name, e.path, False))     # a .doc/.mht … holding what we read
                    elif suffix in UNSUPPORTED_DOCUMENTS and not name.startswith(("~$", ".")):
                        problems.append(unreadable(Path(e.path), f"不支持的文件类型“{suffix}”：请在 WPS 或 Office 中"
                                                                 f"另存为 {UNSUPPORTED_DOCUMENTS[suffix]} 后再检查。"))
                    elif suffix in ARCHIVES and not name.startswith(("~$", ".")):
                        problems.append(unreadable(Path(e.path), f"是压缩包（{suffix}），其中的报告没有检查：请解压后再检查。"))
        except OSError as e:
            reason = "没有读取权限" if e.errno in (errno.EACCES, errno.EPERM) else (e.strerror or "无法读取")
            problems.append(unreadable(Path(here), f"文件夹无法读取（{reason}），其中的报告没有检查。"))
            continue
    if os.name != "posix":     # Path order compares parts case-folded on Windows: let Path sort
        found = [path for kept in entries_of.values() for _, path, is_dir in kept if not is_dir]
        return [str(q) for q in sorted(map(Path, found))]
    # Path order compares parts: each folder's entries by name, a sub-folder's files in its place;
    # each file as str(Path(its path)) is, from its folder's once ("./a" is "a", "//a" is "/a")
    out: list[str] = []
    todo = [(iter(sorted(entries_of[str(folder)])), _prefix(str(folder)))]
    while todo:
        listing, prefix = todo[-1]
        for name, path, is_dir in listing:
            if is_dir:
                todo.append((iter(sorted(entries_of.get(path, ()))), _prefix(path)))
                break
            out.append(prefix + name)
        else:
            todo.pop()
    return out


def _prefix(folder: str) -> str:
    """What str(Path) puts before a name in `folder`."""
    return str(Path(folder) / "x")[:-1]


def nothing_read(paths: list[Path]) -> str:
    """The message when no report at all was read: a check of nothing is no all-clear."""
    shown = "、".join(storable(str(p)) for p in paths[:3]) + ("等" if len(paths) > 3 else "")
    return (f"没有检查任何报告：{shown} 中没有可以读取的报告（支持 {', '.join(sorted(set(READERS)))}）。"
            "这不表示没有问题；请检查路径和文件格式。")


def read_path(path: Path | str, fd: int | None = None) -> ReadResult:
    """Read one file. Never raises for bad input: an unreadable file becomes an F5 finding. `fd`: a
    text file that `is_plain` opened already (`_prefetch`), read from it and closed here."""
    # A text file named by the text of its Path (`discover(as_text=True)`, what shard workers read)
    # stays that text: the text reader needs only it and its name, and a Path (~5 µs) and the os
    # calls' conversions back to text cost ~1 % of a report's reading. Every other file is a Path.
    # Such a file is opened first: one open and fstat serve the checks and the reading (as access,
    # stat, open and fstat did). One that does not open takes the checks below, which say why.
    if isinstance(path, str) and _suffix(path) in _TEXT_SUFFIXES and is_plain(path):
        module: str | None = "text"
        if fd is None:
            try:
                fd = os.open(path, os.O_RDONLY)    # (POSIX: no O_BINARY)
            except OSError:
                pass
    else:
        if fd is not None:    # (only a plain text path is handed one)
            os.close(fd)
            fd = None
        path = Path(path)
        module = READERS.get(path.suffix.lower())
        if path.suffix.lower() in SNIFFED:      # a name that often lies (.xls holding a web page …)
            module = content_reader(path) or module
        if module is None:
            return ReadResult(failures=[unreadable(path, f"不支持的文件类型“{path.suffix or '无扩展名'}”；"
                                                         f"支持 {', '.join(sorted(set(READERS)))}。")])
    if fd is None and not os.access(path, os.R_OK):
        return ReadResult(failures=[unreadable(Path(path), "没有读取权限，无法读取。请检查文件的权限。")])
    try:
        from .safety import bound_figures, check_file
        size = os.stat(path).st_size if fd is None else os.fstat(fd).st_size
        check_file(path, module, size, sheets_apart=True)   # size and zip-bomb limits, before parsing
        reader = _reader(module)
        left_out: list[ReadError] = []
        try:
            reports = reader.read(path) if fd is None else reader.read(path, fd, size)
        except PartlyRead as e:     # (a workbook's sheet over the limits: the others are checked)
            reports, left_out = e.reports, e.left_out
        reports = bound_figures(reports)    # no figure beyond what a float checks
        if storable(str(path)) != str(path):   # a name that is not UTF-8 (copied from an old GBK disk)
            reports = escape_strings(reports)
        if left_out:
            return ReadResult(reports, [unreadable(Path(path), e.message, e.where) for e in left_out])
        return ReadResult(reports=reports)
    except ReadError as e:
        return ReadResult(failures=[unreadable(Path(path), e.message, e.where)])
    except Exception as e:  # a reader bug must not lose the other inputs: report it, go on
        path = Path(path)
        # the reader's optional part (extra: pdf, docx, html) is not installed
        if isinstance(e, ImportError) and (message := missing_extra(e)):
            return ReadResult(failures=[unreadable(path, f"无法读取该文件。{message}")])
        return ReadResult(failures=[unreadable(
            path, f"读取时出现意外错误（{type(e).__name__}: {e}），请把该文件反馈给开发者。")])
    finally:
        if fd is not None:
            os.close(fd)


_TEXT_SUFFIXES = frozenset(s for s, m in READERS.items() if m == "text")


def _suffix(text: str) -> str:
    """`Path(text).suffix.lower()` of a path's text that `is_plain`: its name's last `.suffix`."""
    name = text[text.rfind("/") + 1:]
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def is_plain(text: str) -> bool:
    """Whether `text` is `str(Path(text))` on POSIX, so that its name is what follows its last `/`:
    no empty part (`//`, a trailing `/`), no `.` part, nothing but `/` between parts (a part
    starting with a dot, `./x` or `a/.b`, is taken as not plain too: the Path decides those)."""
    return _POSIX and text != "" and "//" not in text and "/." not in text and not text.startswith("./") \
        and not text.endswith("/") and text != "."


_POSIX = os.name == "posix" and os.sep == "/" and os.altsep is None


def path_name(path: Path | str) -> str:
    """`Path(path).name`, of a Path or of a text `is_plain`."""
    return path.name if isinstance(path, Path) else path[path.rfind("/") + 1:]


@functools.cache   # a reader module once imported: a cache look-up a report, not import_module's
def _reader(module: str) -> ModuleType:
    return importlib.import_module(f".{module}", __name__)


def unreadable(path: Path, detail: str, where: str | None = None) -> Finding:
    """The F5 finding for a file that could not be read; `where` narrows it (sheet, line)."""
    from ..findings import make
    return escape_strings(make("F5", unit=None, year=None, source=str(path),
                               where=f"{path}（{where}）" if where else str(path), detail=detail))


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


def _read_batch(files: Sequence[str | Path]) -> ReadResult:     # text: `discover(as_text=True)`
    out = ReadResult()
    opened = _prefetch(files) if len(files) > 1 else {}
    try:
        for i, f in enumerate(files):
            r = read_path(f, opened.pop(i, None))    # (read_path closes the file it is given)
            out.reports.extend(r.reports)
            out.failures.extend(r.failures)
    finally:
        for fd in opened.values():     # only if a read raised (read_path does not for bad input)
            os.close(fd)
    return out


def _prefetch(files: Sequence[str | Path]) -> dict[int, int]:
    """Ask the kernel to read a batch's files ahead (posix_fadvise WILLNEED, Linux): files that are
    not in the page cache then arrive together, while the first ones are parsed, instead of one
    synchronous disk read a report (bench/NOTES.md). The text files `read_path` opens by their
    path's text (the shard workers' files) stay open for it, by their index in `files`: one open
    and close a file, not two (~1.5 % of a report's reading); at most `_KEEP_OPEN` at a time."""
    advise = getattr(os, "posix_fadvise", None)
    kept: dict[int, int] = {}
    if advise is None:
        return kept
    for i, f in enumerate(files):
        try:
            fd = os.open(f, os.O_RDONLY)
        except OSError:
            continue          # reading the file will say what is wrong with it
        try:
            advise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        if len(kept) < _KEEP_OPEN and isinstance(f, str) and _suffix(f) in _TEXT_SUFFIXES and is_plain(f):
            kept[i] = fd
        else:
            os.close(fd)
    return kept


_KEEP_OPEN = 128     # files a batch keeps open for its reading (a shard batch is 64 to 128 files)


def _collect(result: ReadResult, batches, sizes: list[int], files: list[Path], progress) -> None:
    done = 0
    for batch, n in zip(batches, sizes):
        result.reports.extend(batch.reports)
        result.failures.extend(batch.failures)
        done += n
        if progress:
            progress(done, len(files), files[done - 1])
