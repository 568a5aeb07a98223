"""Reports that print one table in the 2019 generation's layout and another in 2021's, in every
rendition `bench.renditions` can draw them in (web page, crawler text, tab and one-cell-a-line text,
`|` markdown with and without displaced labels, Word, workbook, LibreOffice PDF and its
`pdftotext -layout` text; the official 2021 Word template cannot print a 2019 table).

Four mixes, each made from one generated unit's two years (2020 in format 2019, 2021 in 2021):

    A  a 2021 report whose 表二 keeps the 2019 columns            -> read as 2021, 表二 departs
    B  a 2020 report whose 表三 has the 2021 rows of （六）          -> read as 2019, 表三 departs
    C  a 2021 report whose 表三 prints （六）其他处理 as one row     -> read as 2021 (the group kept, F4)
    D  a 2020 report whose 表二 has the 2021 columns              -> read as 2019, 表二 departs

Every printed cell is compared with what the reader kept: in the report's cells (the data year's
generation), or in its `departures` (the table printed in the other one). Scored as
`bench.renditions` scores: right, unread (reported by F3/F4), WRONG (must be 0), and silent (a
printed figure read as blank with no finding: must be 0).

    python -m bench.mixed_generations [--units 6] [--seed 3] [--pdf 2] [--json]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from checker.readers import read_path
from checker.templates import Template, template

from . import htmlpage, renditions as R, text_layout

# mix -> (data year, 表二's generation, 表三's generation)
MIXES = {"A": (2021, "2019", "2021"), "B": (2020, "2019", "2021"),
         "C": (2021, "2021", "2019"), "D": (2020, "2021", "2019")}
KINDS = ("html", "crawler", "tab", "lines", "markdown", "displaced", "docx", "xlsx", "pdf", "layout")


def hybrid(active: str, requests: str) -> Template:
    """A template whose 表二 is of generation `active` and 表三 of `requests` (表四 is the same)."""
    tables = (template(active).table("active"), template(requests).table("requests"),
              template(requests).table("appeals"))
    cells = tuple(c for t in tables for c in template(active if t.id == "active" else requests).cells if c.table == t.id)
    return Template(f"{active}/{requests}", "", tables, cells, {c.id: i for i, c in enumerate(cells)})


@contextmanager
def hybrid_templates():
    """The renderers look a report's template up by its format: give them the hybrids."""
    real = template

    def look(fmt: str) -> Template:
        return hybrid(*fmt.split("/")) if "/" in fmt else real(fmt)
    mods = (R, htmlpage, text_layout)
    for m in mods:
        m.template = look
    try:
        yield
    finally:
        for m in mods:
            m.template = real


@dataclass
class Mixed:
    """What the renderers need of a report (duck-typing checker.model.Report)."""
    unit: str
    year: int
    format: str
    values: np.ndarray
    parent: str | None = None
    cell_meta: dict = field(default_factory=dict)

    def get(self, cid: str):
        tpl = hybrid(*self.format.split("/"))
        i = tpl.index.get(cid)
        return None if i is None or math.isnan(self.values[i]) else float(self.values[i])


def mixes(units: int, seed: int) -> list[tuple[str, Mixed]]:
    out = []
    reps = R.reports(units, seed)
    by_unit: dict[str, dict[str, object]] = {}
    for r in reps:
        by_unit.setdefault(r.unit, {})[r.format] = r
    for unit, pair in by_unit.items():
        if len(pair) < 2:
            continue
        for name, (year, a, q) in MIXES.items():
            tpl = hybrid(a, q)
            src = {"active": pair[a], "requests": pair[q], "appeals": pair[q]}
            vals = np.array([src[c.table].values[template(src[c.table].format).index[c.id]] for c in tpl.cells])
            meta = {cid: m for t in src.values() for cid, m in t.cell_meta.items()}
            out.append((name, Mixed(unit, year, tpl.format, vals, pair[a].parent, meta)))
    return out


@dataclass
class Score:
    files: int = 0
    cells: int = 0
    right: int = 0
    unread: int = 0
    wrong: int = 0
    silent: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, got: dict | None, m: Mixed, name: str) -> None:
        tpl = hybrid(*m.format.split("/"))
        self.files += 1
        kept: dict = {}
        reported: set[str] = set()
        whole = got is None
        if got is not None:
            kept = dict(got["cells"])
            for dep in (got.get("departures") or {}).values():
                kept.update(dep["cells"])
            reported = {c["cell"] for f in got["findings"] if f["rule"] in ("F3", "F4") for c in f["cells"]}
            # a finding naming a table or a row without cells (F4) covers the table it names
            whole = any(f["rule"] in ("F3", "F4") and not f["cells"] for f in got["findings"])
        for cid, g in (got or {}).get("cells", {}).items():
            if cid not in tpl.index and g is not None:
                # a figure put in a cell the report does not print (a 2019 表二 read in 2021's columns)
                self.wrong += 1
                self._example(f"{name} {cid}: read {g}, a cell this layout does not print")
        for i, c in enumerate(tpl.cells):
            v = None if math.isnan(m.values[i]) else float(m.values[i])
            self.cells += 1
            g = kept.get(c.id)
            if g is None and v is None:
                self.right += 1
            elif g is None:
                self.unread += 1
                if not whole and c.id not in reported:
                    self.silent += 1
                    self._example(f"{name} {c.id}: printed {v}, read as blank, no F3/F4")
            elif v is not None and math.isclose(g, v, abs_tol=1e-6):
                self.right += 1
            else:
                self.wrong += 1
                self._example(f"{name} {c.id}: read {g}, printed {v}")

    def _example(self, s: str) -> None:
        if len(self.examples) < 8:
            self.examples.append(s)

    def row(self) -> dict:
        pct = (lambda a: round(100.0 * a / self.cells, 2) if self.cells else None)
        return {"files": self.files, "cells": self.cells, "right_pct": pct(self.right), "unread_pct": pct(self.unread),
                "wrong": self.wrong, "silent": self.silent, "examples": self.examples}


def run(units: int, seed: int, pdf_count: int, only: tuple[str, ...] = KINDS) -> dict[str, Score]:
    """Scores per `rendition/mix`, for the renditions in `only`."""
    scores = {f"{k}/{mix}": Score() for k in KINDS for mix in MIXES if k in only}
    with tempfile.TemporaryDirectory(prefix="xxgk-mixed-") as tmp, hybrid_templates():
        tmp = Path(tmp)
        written: list[tuple[str, Path, Mixed]] = []
        docs: list[tuple[str, Path, Mixed]] = []
        pdfs_per_mix: dict[str, int] = {}
        for n, (mix, m) in enumerate(mixes(units, seed)):
            stem = f"m{n:04d}{mix}"
            files = {
                "html": (".html", lambda p: p.write_text(R.html_page(m), encoding="utf-8")),
                "crawler": ("-crawler.txt", lambda p: p.write_text(R.crawler_text(m), encoding="utf-8")),
                "tab": ("-tab.txt", lambda p: p.write_text(R.tab_text(m), encoding="utf-8")),
                "lines": ("-lines.txt", lambda p: p.write_text(R.cell_lines(m), encoding="utf-8")),
                "markdown": (".md", lambda p: p.write_text(R.markdown(m), encoding="utf-8")),
                "displaced": ("-displaced.md", lambda p: p.write_text(R.markdown(m, True), encoding="utf-8")),
                "docx": (".docx", lambda p: R.word(m, p)),
                "xlsx": (".xlsx", lambda p: R.workbook(m, p)),
            }
            for kind, (suffix, write) in files.items():
                if kind not in only:
                    continue
                p = tmp / f"{stem}{suffix}"
                write(p)
                written.append((kind, p, m))
            if pdfs_per_mix.get(mix, 0) < pdf_count and ("pdf" in only or "layout" in only):
                pdfs_per_mix[mix] = pdfs_per_mix.get(mix, 0) + 1
                docs.append((mix, R.word(m, tmp / f"{stem}-pdf.docx"), m))
        if docs:
            outdir = tmp / "pdf-out"
            outdir.mkdir()
            made = {p.stem: p for p in R.to_pdfs([d for _, d, _ in docs], outdir)}
            for mix, d, m in docs:
                pdf = made.get(d.stem)
                if pdf is None:
                    continue
                if "pdf" in only:
                    written.append(("pdf", pdf, m))
                lay = R.pdftotext(pdf) if "layout" in only else None
                if lay is not None:
                    written.append(("layout", lay, m))
        for kind, p, m in written:
            mix = next(k for k, (y, a, q) in MIXES.items() if m.year == y and m.format == f"{a}/{q}")
            res = read_path(p)
            got = res.reports[0].to_json() if res.reports else None
            scores[f"{kind}/{mix}"].add(got, m, p.name)
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="一份报告的表格分属 2019、2021 两版时的读取准确性")
    ap.add_argument("--units", type=int, default=6)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--pdf", type=int, default=2, help="每种混合转成 PDF 的报告数（LibreOffice 较慢）")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    scores = run(a.units, a.seed, a.pdf)
    if a.json:
        print(json.dumps({k: s.row() for k, s in scores.items()}, ensure_ascii=False, indent=2))
    else:
        print("| 形式/混合 | 文件 | 单元格 | 读对 | 未读（F3/F4 报告） | 读错 | 印了数却读成空白且未报告 |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for k, s in scores.items():
            if s.files:
                row = s.row()
                print(f"| {k} | {s.files} | {s.cells} | {row['right_pct']} % | {row['unread_pct']} % | {s.wrong} | {s.silent} |")
        for k, s in scores.items():
            for ex in s.examples:
                print(f"  {k}: {ex}")
    return 1 if any(s.wrong or s.silent for s in scores.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
