"""The reading floor: the least work any checker must do on the same inputs, on both cores —
for text reports, reading and tokenising the files (lines split into tab cells); for workbooks,
calamine reading every sheet's cells. `xxgk check`'s time is reported as a ratio to this."""
from __future__ import annotations

import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def _tokenise_text(files: list[str]) -> int:
    cells = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh.read().splitlines():
                cells += len(line.split("\t"))
    return cells


def _read_workbooks(files: list[str]) -> int:
    from python_calamine import CalamineWorkbook
    cells = 0
    for f in files:
        wb = CalamineWorkbook.from_path(f)
        for name in wb.sheet_names:
            cells += sum(len(r) for r in wb.get_sheet_by_name(name).to_python())
    return cells


def floor_seconds(files: list[Path], workers: int | None = None) -> float:
    """Seconds to read (and tokenise) `files` in parallel, as the checker's reader would."""
    return floor_measure(files, workers)[0]


def _cpu() -> float:
    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))


def floor_measure(files: list[Path], workers: int | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its workers) to read and tokenise `files`."""
    workers = workers or os.cpu_count() or 1
    names = [str(f) for f in files]
    fn = _read_workbooks if names and names[0].endswith((".xlsx", ".xlsm", ".xls")) else _tokenise_text
    size = max(16, min(512, len(names) // (workers * 8) or 1))
    chunks = [names[i:i + size] for i in range(0, len(names), size)]
    cpu, start = _cpu(), time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        sum(pool.map(fn, chunks))
    return time.perf_counter() - start, _cpu() - cpu   # the pool's workers are reaped on leaving


if __name__ == "__main__":
    paths = sorted(Path(sys.argv[1]).rglob("*.*"))
    print(f"{len(paths)} files: {floor_seconds(paths):.2f} s")
