"""Helpers for the hostile-input tests: run the real `xxgk` as a child process (as users run it),
measure its peak memory, and check what it wrote (no formula in any cell, nothing half-written)."""
from __future__ import annotations

import csv
import hashlib
import io
import os
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
FORMULA_START = ("=", "+", "-", "@")


@dataclass
class Run:
    code: int
    out: str
    err: str
    peak_mb: float        # the child's peak resident memory

    @property
    def text(self) -> str:
        return self.out + self.err


def xxgk(*args, cwd: Path | None = None, timeout: float = 240, unprivileged: bool = False,
         limits: dict | None = None, stdin=subprocess.DEVNULL) -> Run:
    """Run `xxgk ARGS` in a child process. `unprivileged`: file permissions apply to it even when the
    tests run as root (as CI does); `limits`: resource limits, e.g. {resource.RLIMIT_FSIZE: 20000}."""
    exe = shutil.which("xxgk", path=str(Path(sys.executable).parent)) or "xxgk"

    def pre():
        for lim, value in (limits or {}).items():
            resource.setrlimit(lim, (value, value))
        if unprivileged and os.geteuid() == 0:
            drop_file_privileges()

    # a child is measured alone: run it through a fresh `python -c` waiter so RUSAGE_CHILDREN
    # of that waiter holds just this child's peak (the test process has had other children)
    waiter = ("import resource,subprocess,sys;"
              "r=subprocess.run(sys.argv[1:]);"
              "sys.stderr.write('\\n@@peak_kb=%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);"
              "sys.exit(r.returncode)")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    p = subprocess.run([sys.executable, "-c", waiter, exe, *map(_arg, args)], capture_output=True, cwd=cwd,
                       timeout=timeout, preexec_fn=pre, env=env, stdin=stdin)
    err = p.stderr.decode("utf-8", "replace")
    peak = 0.0
    if "@@peak_kb=" in err:
        err, _, tail = err.rpartition("\n@@peak_kb=")
        peak = int(tail.strip()) / 1024
    return Run(p.returncode, p.stdout.decode("utf-8", "replace"), err, peak)


# Linux capabilities that let root ignore file permissions: CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
_DAC_CAPS = (1, 2, 3)
_PR_CAPBSET_DROP = 24


def drop_file_privileges() -> None:
    """In a child about to exec, as root: drop the capabilities that bypass file permissions from
    the bounding set, so the executed program (still uid 0, owner of the test files) meets them like
    any user. Needs CAP_SETPCAP, which root has; the test's own process keeps its privileges."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _DAC_CAPS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def permissions_apply() -> bool:
    """Whether a child started with `unprivileged=True` is refused a file with mode 000 (false when
    root cannot drop its bypass here, e.g. without CAP_SETPCAP)."""
    import tempfile
    with tempfile.NamedTemporaryFile() as f:
        os.chmod(f.name, 0)
        try:
            p = subprocess.run([sys.executable, "-c", f"open({f.name!r}).close()"], capture_output=True,
                               preexec_fn=drop_file_privileges if os.geteuid() == 0 else None)
        except (OSError, subprocess.SubprocessError):
            return False
        return p.returncode != 0 and b"PermissionError" in p.stderr


def _arg(a):
    return os.fsencode(a) if isinstance(a, (Path, bytes)) else a


PEAK_MB = 1500       # the bound for any run, bombs included


def assert_clean(run: Run) -> None:
    """No Python traceback reached the user, the process was not killed by a signal, and its peak
    memory stayed under PEAK_MB."""
    assert "Traceback" not in run.text, run.text[-3000:]
    assert run.code >= 0, f"killed by signal {-run.code}: {run.text[-2000:]}"
    assert 0 < run.peak_mb < PEAK_MB, f"peak memory {run.peak_mb:.0f} MB"


def extracted(folder: Path) -> tuple[dict, dict]:
    """`xxgk extract` of a folder: its reports and its unread files, each by file name."""
    import json
    run = xxgk("extract", folder)
    assert_clean(run)
    doc = json.loads(run.out)
    return {Path(r["source"]).name: r for r in doc["reports"]}, {Path(e["source"]).name: e for e in doc["errors"]}


def same_as_plain(reports: dict, names, wrong: set) -> None:
    """Each of `names` (a rendition of the generated report `plain.docx`) read cell for cell as the
    plain document, with the same findings, none of the `wrong` values it hid or deleted read."""
    whole = reports["plain.docx"]
    assert len(whole["cells"]) == 198 and all(v is not None for v in whole["cells"].values())
    said = sorted((f["rule"], f["message"].replace("plain.docx", "…")) for f in whole["findings"])
    for name in names:
        r = reports[name]
        assert r["cells"] == whole["cells"], name
        assert sorted((f["rule"], f["message"].replace(name, "…")) for f in r["findings"]) == said, name
        assert not wrong & set(r["cells"].values()), name


def pages_read_as_plain(folder: Path, page: str, variants: dict[str, str]) -> None:
    """The real page `page` (平潭 君山片区 2021, 200 cells) as plain.html and each of `variants` (name ->
    page text) in `folder`: `xxgk extract` reads each variant cell for cell as the plain page, with
    the same unit, year and findings."""
    import json
    (folder / "plain.html").write_text(page, encoding="utf-8")
    for name, text in variants.items():
        assert text != page, name
        (folder / name).write_text(text, encoding="utf-8")
    run = xxgk("extract", folder)
    assert_clean(run)
    assert run.code == 0, run.text[-2000:]
    doc = json.loads(run.out)
    assert doc["errors"] == []
    reports = {Path(r["source"]).name: r for r in doc["reports"]}
    assert set(reports) == {"plain.html", *variants}, sorted(reports)
    plain = reports["plain.html"]
    assert len(plain["cells"]) == 200 and all(v is not None for v in plain["cells"].values())
    said = sorted((f["rule"], f["message"].replace("plain.html", "…")) for f in plain["findings"])
    for name in variants:
        r = reports[name]
        assert (r["unit"], r["year"]) == (plain["unit"], plain["year"]), name
        assert r["cells"] == plain["cells"], name
        assert sorted((f["rule"], f["message"].replace(name, "…")) for f in r["findings"]) == said, name


def seed_copies(folder: Path, n: int = 2) -> list[Path]:
    """Copies of the first n real seed reports (good inputs that must still be checked)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for src in sorted(SEEDS.glob("*.txt"))[:n]:
        shutil.copy(src, folder / src.name)
        out.append(folder / src.name)
    return out


def import_seed(folder: Path, seed: Path) -> Path:
    """A collection workbook of the one seed report `seed`, written by `xxgk import`."""
    (folder / "in").mkdir(parents=True)
    (folder / "in" / "r.txt").write_bytes(seed.read_bytes())
    run = xxgk("import", folder / "in", "-o", folder / "汇总.xlsx")
    assert run.code == 0, run.text
    return folder / "汇总.xlsx"


def make_collection(folder: Path, n: int) -> Path:
    """A collection workbook of the first n real seed reports, written by `xxgk import`."""
    seed_copies(folder / "in", n)
    run = xxgk("import", folder / "in", "-o", folder / "汇总.xlsx")
    assert run.code == 0, run.text
    return folder / "汇总.xlsx"


def digest(paths) -> dict[str, str]:
    """Content hashes of files (and of every file below folders): inputs must be byte-identical after."""
    out = {}
    for p in paths:
        p = Path(p)
        files = [f for f in sorted(p.rglob("*")) if f.is_file() and not f.is_symlink()] if p.is_dir() else [p]
        for f in files:
            out[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def written_formulas(path: Path) -> list[str]:
    """Every cell of a written workbook that Excel would evaluate (a formula), as 'sheet!A1: value'."""
    wb = openpyxl.load_workbook(path)
    bad = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (isinstance(c.value, str) and c.data_type != "s"
                                          and c.value.startswith("=")):
                    bad.append(f"{ws.title}!{c.coordinate}: {c.value!r}")
    return bad


def csv_formulas(text: str) -> list[str]:
    """CSV fields a spreadsheet would take for a formula (OWASP CSV injection)."""
    return [f for row in csv.reader(io.StringIO(text)) for f in row if f.startswith(FORMULA_START)]


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write left behind."""
    return [p.name for p in Path(folder).iterdir() if p.name.startswith(".xxgk-")]


def report_text(unit: str) -> str:
    """The first real seed report, naming `unit` (e.g. a hostile unit name) in its title and signature."""
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    assert "哈尔滨文化园区管理处" in seed
    return seed.replace("哈尔滨文化园区管理处", unit)


def with_own_sheets(collection: Path, out: Path, sheets: dict[str, list[list]]) -> Path:
    """The collection workbook plus sheets of an office's own (`sheets`: name -> rows), saved as `out`."""
    wb = openpyxl.load_workbook(collection)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(out)
    return out


def sheet_values(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]
