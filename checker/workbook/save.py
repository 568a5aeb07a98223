"""Writing a workbook safely: never over an existing file without `force`, always atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExists(Exception):
    def __init__(self, path: Path):
        super().__init__(f"输出文件已存在：{path}。如需覆盖请加 --force。")
        self.message = str(self)


def save_atomic(workbook, out: Path, force: bool = False) -> Path:
    """Save an openpyxl workbook to `out` via a temp file in the same folder, then rename, so a
    crash or a full disk never leaves a half-written workbook where the reviewer expects one."""
    out = Path(out)
    if out.exists() and not force:
        raise OutputExists(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".xxgk-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        workbook.save(tmp)
        os.chmod(tmp, _mode(out))      # mkstemp makes 0600; a workbook is shared like any file
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def _mode(out: Path) -> int:
    if out.exists():
        return out.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
