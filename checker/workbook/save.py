"""Writing an output file safely, for every command that writes one (import, template, --annotate,
check's --output).

Nothing is lost: the output is never one of the inputs (whatever the flags: the same path, via `..`,
a symlink, a hard link, or a report inside an input folder); an existing output is replaced only with
`--force`, and a read-only one never; the file is written to a temporary `.xxgk-*` file in the same folder, flushed to disk and
checked to be a whole workbook before it is renamed over the old one, so a full disk or a crash never
leaves a damaged output and the previous one stays. Temporary files a killed run left are removed.
"""
from __future__ import annotations

import errno
import os
import tempfile
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

TEMP_PREFIX = ".xxgk-"
STALE_AFTER = 3600        # seconds: an older temporary file is no run's work in progress


class OutputError(Exception):
    """The output cannot be written; `message` is Chinese and names the path."""
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class OutputExists(OutputError):
    def __init__(self, path: Path):
        super().__init__(f"输出文件已存在：{_show(path)}。如需覆盖请加 --force。")


def check_output(out: Path, inputs=(), force: bool = False, suffixes: tuple[str, ...] = (),
                 example: str = "汇总.xlsx") -> Path:
    """Refuse an output path that would lose data or cannot be written, before any work is done.
    `inputs`: the files and folders given as input (and a units file); `suffixes`: the extensions
    the file may have (what we write is a workbook: named `.csv` or without one, Excel cannot open it);
    `example`: a file name to suggest inside a folder given as the output (what the command writes)."""
    try:
        return _check_output(Path(out), inputs, force, suffixes, example)
    except OutputError:
        raise
    except OSError as e:     # a name longer than the file system allows, a path through a file …
        raise OutputError(f"无法写出“{_show(out)}”：{_reason(e)}。请换一个输出文件名。") from None


def _check_output(out: Path, inputs, force: bool, suffixes: tuple[str, ...], example: str) -> Path:
    not_a_folder(out, example)
    _not_an_input(out, inputs)
    if suffixes and out.suffix.lower() not in suffixes:
        raise OutputError(f"输出文件“{_show(out)}”的扩展名应为 {' 或 '.join(suffixes)}（写出的是 Excel 工作簿，"
                          f"扩展名不对 Excel 打不开），如 {_show(out.with_name(out.stem + suffixes[0]))}。")
    if out.exists() and not force:
        raise OutputExists(out)
    folder = out.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"无法创建输出文件夹“{_show(folder)}”：{_reason(e)}。") from None
    # again now the folder exists: `new/../in.xlsx` only resolves to the input once `new` is there
    _not_an_input(out, inputs)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"无法写出“{_show(out)}”：没有写入文件夹“{_show(folder)}”的权限。请换一个输出位置。")
    if out.exists() and not out.stat().st_mode & 0o222:
        # someone protected it (a signed-off workbook): --force replaces files, not protections.
        # Checked by the mode bits, not os.access: an administrator may write anything
        raise OutputError(f"输出文件“{_show(out)}”是只读文件，没有覆盖（加 --force 也不覆盖只读文件）。"
                          "请先取消它的只读属性，或换一个输出文件名。")
    return out


def not_a_folder(out: Path, example: str) -> None:
    """A folder given as the output file (`-o 结果/`, `-o 目录.csv` that is a folder): the file to
    write in it suggested by the name of what the command writes, in its format."""
    if out.is_dir():
        raise OutputError(f"输出路径“{_show(out)}”是一个文件夹，请给出要写出的文件名（如 {_show(out / example)}）。")


def _not_an_input(out: Path, inputs) -> None:
    for given in inputs:
        clash = _input_at(out, Path(given))
        if clash is not None:
            raise OutputError(f"输出文件不能与输入文件相同：“{_show(out)}”就是输入文件“{_show(clash)}”，"
                              "输入文件从不覆盖（加 --force 也不会）。请换一个输出文件名。")


def _input_at(out: Path, given: Path) -> Path | None:
    """The input `out` would overwrite: `given` itself, or a file below the input folder `given`."""
    if not out.exists() and not out.is_symlink():
        return None
    try:
        if given.is_dir():
            real_out, real_dir = out.resolve(), given.resolve()
            return out if real_dir in real_out.parents else None
        return given if given.exists() and os.path.samefile(out, given) else None
    except OSError:
        return None


def save_atomic(workbook, out: Path, force: bool = False, inputs=()) -> Path:
    """Save an openpyxl workbook to `out` through a checked temporary file (see the module doc)."""
    out = check_output(out, inputs, force)
    with atomic_path(out) as tmp:
        with _quiet_unraisable():
            failed = None
            try:
                workbook.save(tmp)
            except Exception as e:   # OSError, or lxml's SerialisationError("IO_ENOSPC") mid-stream
                failed = f"无法写出“{_show(out)}”：{_reason(e)}。原有文件未改动。"
            if failed:    # its half-run writers sit in reference cycles: finalise them now, quietly
                import gc
                gc.collect()
        if failed:
            raise OutputError(failed)
    return out


@contextmanager
def _quiet_unraisable():
    """openpyxl's sheet writers are generators; a save that fails mid-stream leaves them to be
    finalised with a second error Python prints as "Exception ignored … Traceback". The failure is
    reported once, as a message; those echoes are dropped."""
    import sys
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        yield
    finally:
        sys.unraisablehook = hook


def save_text(out: Path, write, force: bool = False, inputs=(), encoding: str = "utf-8") -> Path:
    """A text output (`write(stream)` writes it) saved as a workbook is: never an input, through a
    synced temporary file renamed over `out`. Line ends as written (CSV's CRLF stays CRLF);
    `encoding` "utf-8-sig" starts the file with a BOM, how Excel knows a CSV is UTF-8."""
    out = check_output(out, inputs, force)
    with atomic_path(out, workbook=False) as tmp:
        try:
            with open(tmp, "w", encoding=encoding, newline="") as stream:
                write(stream)
        except OSError as e:
            raise OutputError(f"无法写出“{_show(out)}”：{_reason(e)}。原有文件未改动。") from None
    return out


@contextmanager
def atomic_path(out: Path, workbook: bool = True):
    """A temporary path next to `out` to write to; on success it is synced, checked to be a whole
    workbook (a zip package with its content types; `workbook`) and renamed to `out`. Always cleaned up."""
    out = Path(out)
    remove_stale(out.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=out.suffix, dir=out.parent)
    except OSError as e:
        raise OutputError(f"无法在“{_show(out.parent)}”中写出文件：{_reason(e)}。") from None
    os.close(fd)
    try:
        yield tmp
        try:
            _sync(tmp)
            if workbook:
                _verify(tmp, out)
            os.chmod(tmp, _mode(out))      # mkstemp makes 0600; a workbook is shared like any file
            os.replace(tmp, out)
        except OSError as e:
            raise OutputError(f"无法写出“{_show(out)}”：{_reason(e)}。原有文件未改动。") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _sync(tmp: str) -> None:
    """Push the file to the disk now: a full disk may only say so here (delayed allocation)."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _verify(tmp: str, out: Path) -> None:
    """The written file is a whole package: its zip directory (written last) reads, and names the
    workbook's content types. A short write (full disk, failing drive) fails here, not after rename."""
    try:
        with zipfile.ZipFile(tmp) as z:
            z.getinfo("[Content_Types].xml")
            if z.testzip() is not None:
                raise zipfile.BadZipFile("CRC")
    except (zipfile.BadZipFile, KeyError, EOFError) as e:
        raise OutputError(f"写出的“{_show(out)}”不完整（磁盘空间不足或写入出错，技术信息：{e}）；"
                          "原有文件未改动。") from None


def remove_stale(folder: Path) -> None:
    """Remove our temporary files a killed run left in `folder` (older than STALE_AFTER)."""
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            for e in entries:
                if e.name.startswith(TEMP_PREFIX) and e.is_file(follow_symlinks=False):
                    try:
                        if now - e.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                            os.unlink(e.path)
                    except OSError:
                        pass
    except OSError:
        pass


def _reason(e: Exception) -> str:
    """A write error as a person reads it."""
    if not isinstance(e, OSError):      # lxml names the OS error in its message (IO_ENOSPC, IO_EFBIG)
        name = str(e).removeprefix("IO_")
        code = getattr(errno, name, None) if name.isupper() and name.isalpha() else None
        e = OSError(code, name) if code else e
    if not isinstance(e, OSError):
        return f"写入出错（技术信息：{type(e).__name__}: {e}）"
    reasons = {errno.ENOSPC: "磁盘空间不足", errno.EFBIG: "磁盘空间不足或文件超过允许的大小",
               errno.EDQUOT: "磁盘配额已满", errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限",
               errno.EROFS: "磁盘是只读的", errno.EISDIR: "这是一个文件夹", errno.ENOENT: "文件夹不存在",
               errno.ENAMETOOLONG: "文件名太长"}
    return reasons.get(e.errno, "写入出错") + f"（技术信息：{e.strerror or e}）"


def _show(path) -> str:
    """A path for a message: characters that are not text (a name from an old GBK disk) escaped."""
    return str(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _mode(out: Path) -> int:
    if out.exists():
        return out.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
