"""How well `xxgk extract` reads the real reports we hold, against what people typed by hand from each page
(tests/fixtures/corpus/*/expected.json; SOURCES.md in each folder names every page). One table for the whole
corpus, per folder: pages, what each page says about itself (body, data year, template) and every typed cell:

    right   the value read is the printed value (a printed blank read as blank)
    unread  left blank (the reader reports it F3/F4 or a finding names it): honest, but not read
    WRONG   a value that is not the printed one, or a body/year/template that is not the page's — must be 0
    UNPRINTED  a value read into a cell the page does not print (counted wrong too) — judged only where a folder's
            expected.json types every cell its pages print (not `"typed": "sample"`: some cells checked by hand)

The folder tests (tests/readers/test_corpus_*.py) assert each page's expectations one by one; this command adds
them up, so the README can say how much of real reports is read, and a new folder is measured the moment its
expected.json exists. Each folder is read as a user reads it: `xxgk extract FILES --format json` as a subprocess
(`--xxgk PATH` runs an installed `xxgk` instead of this checkout).

    python -m bench.real_corpus [FOLDER...] [--xxgk PATH] [--json] [--readme]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .run import update_readme

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
README = ROOT / "README.md"

# Folders whose expected.json has another shape: renditions-real types one report per rendition
# (tests/readers/test_renditions_real.py measures it), renditions-real-2 too (bench.real_renditions).
OTHER_SHAPES = {"renditions-real", "renditions-real-2"}


@dataclass
class Tally:
    pages: int = 0
    refused: int = 0                 # pages expected.json says are not a report, and were not taken as one
    refused_wrongly: int = 0         # a page expected to be read that was not recognised, or the reverse
    facts: dict = field(default_factory=lambda: {k: [0, 0, 0] for k in ("unit", "year", "format")})  # right, unread, wrong
    cells: list = field(default_factory=lambda: [0, 0, 0])                                            # right, unread, wrong
    undecidable: list = field(default_factory=lambda: [0, 0])     # cells listed as not decidable from the text: unread, read
    unprinted: int = 0               # values read into cells the page does not print (folders typed in full only)
    wrong_examples: list = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.pages += other.pages
        self.refused += other.refused
        self.refused_wrongly += other.refused_wrongly
        for k, v in other.facts.items():
            self.facts[k] = [a + b for a, b in zip(self.facts[k], v)]
        self.cells = [a + b for a, b in zip(self.cells, other.cells)]
        self.undecidable = [a + b for a, b in zip(self.undecidable, other.undecidable)]
        self.unprinted += other.unprinted
        self.wrong_examples += other.wrong_examples

    @property
    def wrong(self) -> int:
        return self.cells[2] + self.undecidable[1] + self.unprinted + sum(v[2] for v in self.facts.values()) + self.refused_wrongly


def _count(into: list, read, truth, example: str, examples: list) -> None:
    """Right when read as typed, unread when nothing was read, wrong otherwise."""
    if read == truth:
        into[0] += 1
    elif read is None:
        into[1] += 1
    else:
        into[2] += 1
        examples.append(f"{example}: 读出 {read!r}，页面 {truth!r}")


def extract_reports(files: list[Path], xxgk: str | None = None, cwd: Path | None = None,
                    ok: tuple[int, ...] = (0, 2)) -> list[dict]:
    """The reports `xxgk extract FILES --format json` gives, run as a user runs it (a subprocess; `xxgk`: an
    installed command instead of this checkout); any exit code not in `ok` ends the bench with its stderr."""
    cmd = [xxgk] if xxgk else [sys.executable, "-m", "checker.cli"]
    out = subprocess.run([*cmd, "extract", *map(str, files), "--format", "json"],
                         capture_output=True, text=True, encoding="utf-8", check=False, cwd=cwd)
    if out.returncode not in ok:
        raise SystemExit(f"xxgk extract 失败（退出码 {out.returncode}）：{out.stderr[-2000:]}")
    return json.loads(out.stdout)["reports"]


def _extract(files: list[Path], xxgk: str | None) -> dict[str, dict]:
    reports: dict[str, dict] = {}
    for r in extract_reports(files, xxgk):
        reports.setdefault(Path(r["source"]).stem, r)     # a page holding several reports: its first
    return reports


def row_cells(cells: Collection[str], row: str) -> list[str]:
    """The cell ids of a typed row (or the one cell named) among `cells` (a report's cells, or a template's
    ids), in the template's order."""
    if row in cells:
        return [row]
    return [c for c in cells if c.rpartition(".")[0] == row]


def typed_rows(cells: Collection[str], rows: dict[str, str]) -> dict[str, float | None]:
    """Cells typed by rows (`rows`: row -> 'v|v|v' in column order, '' or '-' printed empty)."""
    typed: dict[str, float | None] = {}
    for row, printed in rows.items():
        for c, v in zip(row_cells(cells, row), printed.split("|")):
            typed[c] = None if v in ("", "-") else float(v)
    return typed


def _typed_cells(report: dict, e: dict) -> dict[str, float | None]:
    """Every cell typed by hand for a page: `checked` (cell → value, null = printed empty) and `blank` (printed
    empty), or for the folders typed by rows (`rows`: 'v|v|v' in column order; every other cell of 表三/表四 prints
    0, per their note) those rows and zeros."""
    typed: dict[str, float | None] = {c: None if v is None else float(v) for c, v in e.get("checked", {}).items()}
    typed.update({c: None for c in e.get("blank", [])})
    if "rows" in e:
        typed.update(typed_rows(report["cells"], e["rows"]))
        listed = {c for row in [*e["rows"], *e.get("unread", {}), *e.get("missing", {})]
                  for c in row_cells(report["cells"], row)}
        typed.update({c: 0.0 for c in report["cells"]
                      if c.startswith(("requests.", "appeals.")) and c not in listed})
    return typed


def _unknown_cells(report: dict, e: dict, typed: dict) -> list[str]:
    """Cells a page prints that must stay unread whose values were not typed (the text cannot fix them): `unread`
    as a list of cells, or as rows → the words of the finding naming them. Each counts unread when left blank
    and wrong when read (nothing on the page decides it)."""
    cells = [c for row in e.get("unread", []) for c in row_cells(report["cells"], row)]
    return [c for c in cells if c not in typed]


def measure(folder: Path, xxgk: str | None = None) -> Tally:
    data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    expected = data["files"]
    typed_in_full = data.get("typed") != "sample"
    files = sorted(p for p in folder.iterdir() if p.stem in expected and p.suffix in (".txt", ".md", ".html", ".htm"))
    read = _extract(files, xxgk)
    t = Tally(pages=len(expected))
    for name, e in sorted(expected.items()):
        r = read.get(name)
        recognised = r is not None and not (r["year"] is None and r["format"] is None and not any(
            v is not None for v in r["cells"].values()))
        if e.get("refused"):
            t.refused += not recognised
            t.refused_wrongly += recognised
            continue
        if not recognised:
            t.refused_wrongly += 1
            t.wrong_examples.append(f"{folder.name}/{name}: 没有读成报告")
            continue
        unit = e.get("unit")
        if unit is not None:
            also = e.get("unit_also", [])
            _count(t.facts["unit"], unit if r["unit"] in also else r["unit"], unit, f"{folder.name}/{name} 单位",
                   t.wrong_examples)
        for key in ("year", "format"):
            if e.get(key) is not None:
                _count(t.facts[key], r[key], e[key], f"{folder.name}/{name} {key}", t.wrong_examples)
        typed = _typed_cells(r, e)
        for cell, truth in sorted(typed.items()):
            _count(t.cells, r["cells"].get(cell), truth, f"{folder.name}/{name} {cell}", t.wrong_examples)
        for cell in _unknown_cells(r, e, typed):
            got = r["cells"].get(cell)
            t.undecidable[got is not None] += 1
            if got is not None:
                t.wrong_examples.append(f"{folder.name}/{name} {cell}: 读出 {got!r}，页面印得无法确定")
        if typed_in_full:
            _count_unprinted(t, f"{folder.name}/{name}", r, e, typed)
    return t


def _count_unprinted(t: Tally, page: str, r: dict, e: dict, typed: dict) -> None:
    """A value in a cell nobody typed, listed unread or as also read (`also_read`) is one the page does not print:
    a prose figure put into a table cell, a value carried into the wrong row."""
    listed = set(typed) | set(e.get("also_read", {})) | set(e.get("must_unread", []))
    for item in e.get("unread", []):
        listed |= {item, *row_cells(r["cells"], item)}
    for cell, got in sorted(r["cells"].items()):
        if got is not None and cell not in listed:
            t.unprinted += 1
            t.wrong_examples.append(f"{page} {cell}: 读出 {got!r}，页面没有印这一格")


def folders(names: list[str]) -> list[Path]:
    if names:
        return [Path(n) if Path(n).is_dir() else CORPUS / n for n in names]
    return sorted(p for p in CORPUS.iterdir() if (p / "expected.json").is_file() and p.name not in OTHER_SHAPES)


def _pct(right: int, unread: int, wrong: int) -> str:
    n = right + unread + wrong
    return f"{100 * right / n:.1f} %" if n else "—"


def table(tallies: dict[str, Tally]) -> str:
    lines = ["| 语料 | 页面 | 按设计拒读 | 单位 对/未读/错 | 年度 对/未读/错 | 版式 对/未读/错 | 录入的单元格 | 读对 | 未读 | 读错 | 页面未印而读出 | 文字定不下的格：未读/读出 |",
             "|---|---:|---:|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for name, t in tallies.items():
        f = {k: "/".join(map(str, v)) for k, v in t.facts.items()}
        right, unread, wrong = t.cells
        lines.append(f"| {name} | {t.pages} | {t.refused} | {f['unit']} | {f['year']} | {f['format']} | "
                     f"{right + unread + wrong:,} | {right:,} ({_pct(right, unread, wrong)}) | {unread:,} | {wrong} | {t.unprinted} | "
                     f"{t.undecidable[0]:,}/{t.undecidable[1]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="真实报告语料的读取准确性（与手工录入的页面比较）")
    ap.add_argument("folders", nargs="*", help="语料文件夹（默认 tests/fixtures/corpus/ 下的全部）")
    ap.add_argument("--xxgk", help="用安装好的 xxgk（如新虚拟环境里的 bin/xxgk）代替本仓库的代码")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--readme", action="store_true", help="把结果表写入 README 的准确性一节")
    a = ap.parse_args(argv)
    chosen = folders(a.folders)
    tallies = {}
    for k, p in enumerate(chosen, 1):
        # Progress on stderr: the whole corpus takes about a minute; stdout stays the table (or JSON).
        print(f"[{k}/{len(chosen)}] {p.name}", file=sys.stderr, flush=True)
        tallies[p.name] = measure(p, a.xxgk)
    total = Tally()
    for t in tallies.values():
        total.add(t)
    tallies["合计"] = total
    if a.json:
        print(json.dumps({k: asdict(t) for k, t in tallies.items()}, ensure_ascii=False, indent=2))
    else:
        print(table(tallies))
        if a.readme:
            update_readme(README, table(tallies) + "\n", marker="corpus-table")
        for ex in total.wrong_examples:
            print(f"  读错：{ex}")
    return 1 if total.wrong else 0


if __name__ == "__main__":
    sys.exit(main())
