"""How well the readers read the renditions people actually hold: generated reports (formats 2019
and 2021, with blank cells, zeros and large numbers) rendered as a saved web page, the crawler's
flattened text of that page (tags stripped, nothing between cells, one line), copy-pasted text (tab
separated; one cell per line), `|` markdown with group-label columns, markdown with displaced labels,
Word, a workbook with inserted rows, a LibreOffice PDF and its `pdftotext -layout` text; and, harder
and closer to real PDFs, 2021 reports filled into the official Word template as offices fill it
(cells left empty) printed with and without ruling lines, each read directly and as `-layout` text.
Each file is read back through the real readers and every cell compared with the truth:

    right   the value read is the printed value (a printed blank read as blank)
    unread  left blank and reported (F3/F4): honest, but not read
    WRONG   a value that is not the printed one — must be 0

    python -m bench.renditions [--units 12] [--pdf 6] [--seed 3] [--json]
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import Report
from checker.readers import read_path
from checker.templates import template

from .generate import district
from .htmlpage import page
from .officialdoc import fill_2021
from .text_layout import report_text

REQ_COLS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")


# --- the truth: generated reports, with blanks and large numbers ---------------------------------

# The crawled archive's reports, as measured in 44 page.txt files of 平潭 (bench/NOTES.md, "Crawler
# pages"). The crawler rendition is modelled on that archive, so its reports are drawn as those are:
# 3 of 44 hold a printed blank (one or two cells, all in 表三) where the generated set has 23 %;
# a row of 第二十条（五）（六）（八） in format 2019 prints a non-zero figure in 25 of 70 (36 %) where
# the generator gives 83 %: most units handle no 行政强制 or fees, so they print zeros there.
ARCHIVE_BLANK_REPORTS = 3 / 44
ARCHIVE_MATTER_ROWS = ("licensing", "other_services", "penalty", "enforcement", "fees")
ARCHIVE_MATTER_KEEP = (25 / 70) / 0.83     # a generated row keeps its figures this often, else zeros


def reports(units: int, seed: int, archive: bool = False) -> list[Report]:
    """A district over 2020 (format 2019) and 2021, then some cells blank and some large. With
    `archive`, blanks and zero rows as often as in the crawled archive (above)."""
    rng = random.Random(seed)
    d = district(units, (2020, 2021), seed)
    out = d.reports
    blank_share, most_blanks = (ARCHIVE_BLANK_REPORTS, 2) if archive else (0.3, 3)
    for r in out:
        tpl = template(r.format)
        if rng.random() < blank_share:       # a few printed blanks
            for _ in range(rng.randint(1, most_blanks)):
                spec = rng.choice(tpl.cells)
                r.set(spec.id, None)
        if rng.random() < 0.3:       # large figures where they occur in real reports
            for cid in ("active.penalty.decisions", "active.licensing.decisions"):
                if cid in tpl.index:
                    r.set(cid, float(rng.choice((1121, 12345, 784, 2030))))
        if archive and r.format == "2019":
            _unhandled_matters(r, rng)
    return out


def _unhandled_matters(r: Report, rng: random.Random) -> None:
    """The 第二十条 matters a unit does not handle: their row printed as zeros (a blank stays blank)."""
    for row in template(r.format).table("active").rows:
        if row.id in ARCHIVE_MATTER_ROWS and rng.random() > ARCHIVE_MATTER_KEEP:
            for c in row.columns:
                cid = f"active.{row.id}.{c.id}"
                if r.get(cid) is not None:
                    r.set(cid, 0.0)


def sparse(r: Report, seed: int) -> Report:
    """The same report as many offices fill it: some cells left empty, and in one report of three
    every 0 of table 三 printed as an empty cell (rows of one or two figures)."""
    rng = random.Random(seed)
    out = copy.deepcopy(r)
    zeros_blank = rng.random() < 1 / 3
    for i, c in enumerate(template(r.format).cells):
        v = out.values[i]
        if c.table == "appeals" or math.isnan(v):
            continue
        if (zeros_blank and c.table == "requests" and v == 0) or rng.random() < 0.08:
            out.set(c.id, None)
    return out


def truth(r: Report) -> dict[str, float | None]:
    tpl = template(r.format)
    return {c.id: (None if math.isnan(r.values[i]) else float(r.values[i])) for i, c in enumerate(tpl.cells)}


def _text(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:.2f}"


# --- renditions --------------------------------------------------------------------------------

def html_page(r: Report) -> str:
    return page(r.format, truth(r), unit=r.unit, year=r.year, said=prose_figures(r))


# What real pages' prose states about 表二 (bench/NOTES.md, "Crawler pages"): 9 of 42 state a cell in
# wording that names it, 本年制发件数 on 6 (one also 现行有效, one also 废止), 处理决定数量 on 2, 采购 on 1.
STATING_PAGES = 9 / 42
_STATED_KIND = (("normative_docs",) * 6 + ("penalty",) * 2 + ("procurement",))


def prose_figures(r: Report) -> str:
    """The sentences stating 表二 figures on this report's page, drawn as often as real pages state
    them; only figures printed and not 0 (no real page states a 0). The same report, the same page."""
    rng = random.Random(zlib.crc32(f"{r.unit}{r.year}".encode()))
    if rng.random() >= STATING_PAGES:
        return ""
    kind = rng.choice(_STATED_KIND)
    if kind == "procurement" and r.format == "2019":
        items, amount = r.get("active.procurement.items"), r.get("active.procurement.amount")
        return f"全年发布政府采购信息{_text(items)}批次，涉及金额{_text(amount)}元。" if items and amount else ""
    if kind == "penalty":
        n = r.get("active.penalty.decisions")
        return f"全年作出行政处罚决定{_text(n)}起。" if n else ""
    made = r.get("active.normative_docs." + ("made" if r.format == "2019" else "issued"))
    out = f"本年度制发规范性文件{_text(made)}件。" if made else ""
    if r.format == "2021":
        for cell, wording in (("in_force", "现行有效规范性文件{n}件。"), ("repealed", "废止规范性文件{n}件。")):
            n = r.get(f"active.normative_docs.{cell}")
            if n and rng.random() < 1 / 6:
                out += wording.format(n=_text(n))
    return out


_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def crawler_text(r: Report) -> str:
    """What a crawler keeps of the page, as in the real archive (tests/fixtures/corpus/pingtan-page-txt):
    a header of the page's fields, then the text of the page from its breadcrumb (`当前位置：…`, the
    side menu, the article, the links and footer after it) with every tag removed and nothing put
    between cells, on one line. An empty cell leaves no trace, as the archive's do (`<td><br/></td>`
    gives nothing in its page.txt; bench/NOTES.md "Crawler pages")."""
    html = _SCRIPT.sub("", html_page(r))
    body = html[html.index('<div class="breadcrumb">'):]
    text = _TAG.sub("", body).replace("\n", "").replace("&gt;", ">").replace("&copy;", "©")
    title = f"{r.unit}{r.year}年政府信息公开工作年度报告"
    return (f"标题: {title}\n发布时间: {r.year + 1}-01-20 09:00\n文号: \n发布机构: \n栏目: 政府信息公开年报\n"
            f"原文链接: https://www.example.gov.cn/zwgk/xxgknb/t{r.year + 1}0120_1.htm\n"
            f"本地目录: zwgk/xxgknb/{r.year + 1}01/1_{title}\n页面链接与图片详见 links.tsv(同目录)\n"
            f"==================== 正文 ====================\n{text}\n")


def tab_text(r: Report) -> str:
    return report_text(r, None, None, r.year)


def cell_lines(r: Report) -> str:
    """Copied from a browser into a plain editor that puts each table cell on its own line."""
    out = []
    for line in tab_text(r).splitlines():
        if "\t" in line:
            out.extend(c for c in line.split("\t") if c.strip() or c == "")
        else:
            out.append(line)
    return "\n".join(out)


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def markdown(r: Report, displaced: bool = False) -> str:
    """A PDF-to-markdown conversion: `|` tables, the group label in a column of its own (printed on
    the group's first row), empty cells explicit. `displaced`: some row labels moved out of their
    row onto a line above the table, leaving a bare value row."""
    tpl = template(r.format)
    t = truth(r)
    lines = [f"# {r.unit}{r.year}年政府信息公开工作年度报告", "",
             f"本报告所列数据统计期限自{r.year}年1月1日起至{r.year}年12月31日止。", "", "## 二、主动公开政府信息情况", ""]
    for row in tpl.table("active").rows:
        lines.append(_md_row([row.label] + [_text(t[f"active.{row.id}.{c.id}"]) for c in row.columns]))
    lines += ["", "## 三、收到和处理政府信息公开申请情况", "",
              _md_row(["", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]),
              "|---|---|---|---|---|---|---|---|---|"]
    moved = []
    seen = set()
    for i, row in enumerate(tpl.table("requests").rows):
        group = row.group or ""
        lead = group if group and group not in seen else ""
        seen.add(group)
        vals = [_text(t[f"requests.{row.id}.{c}"]) for c in REQ_COLS]
        label = row.label
        if displaced and i % 9 == 4:
            moved.append(label)
            lines.append(_md_row(vals))
            continue
        lines.append(_md_row([lead, label] + vals))
    if moved:
        lines += [""] + moved
    cols = [c.id for c in tpl.table("appeals").rows[0].columns]
    lines += ["", "## 四、政府信息公开行政复议、行政诉讼情况", "",
              _md_row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
              _md_row([_text(t[f"appeals.count.{c}"]) for c in cols]), "",
              "## 五、存在的主要问题及改进情况", "", "无。", "", r.unit, f"{r.year + 1}年1月20日"]
    return "\n".join(lines)


def grid(r: Report) -> list[tuple[str, list[list[str]]]]:
    """The three tables as a person lays them out in Word or a sheet: (heading, rows), every row
    with the same columns as its header (label columns, then one column per value)."""
    tpl = template(r.format)
    t = truth(r)
    active = []
    section = None
    width = max(len(row.columns) for row in tpl.table("active").rows)
    for row in tpl.table("active").rows:
        if row.section != section:
            section = row.section
            active.append([section] + [""] * width)
            active.append(["信息内容"] + [c.label for c in row.columns] + [""] * (width - len(row.columns)))
        vals = [_text(t[f"active.{row.id}.{c.id}"]) for c in row.columns]
        active.append([row.label] + vals + [""] * (width - len(vals)))
    requests = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况"] + [""] * 6,
                ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    seen = set()
    for row in tpl.table("requests").rows:
        vals = [_text(t[f"requests.{row.id}.{c}"]) for c in REQ_COLS]
        if row.group:
            lead = row.group if row.group not in seen else ""
            seen.add(row.group)
            requests.append([lead, row.label] + vals)
        else:
            requests.append([row.label, ""] + vals)
    res = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    cols = [c.id for c in tpl.table("appeals").rows[0].columns]
    appeals = [["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9,
               [""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
               res * 3, [_text(t[f"appeals.count.{c}"]) for c in cols]]
    return [("二、主动公开政府信息情况", active), ("三、收到和处理政府信息公开申请情况", requests),
            ("四、政府信息公开行政复议、行政诉讼情况", appeals)]


def word(r: Report, path: Path) -> Path:
    """A Word document: title, period, headings and the three tables as real tables."""
    import docx
    d = docx.Document()
    d.add_paragraph(f"{r.unit}{r.year}年政府信息公开工作年度报告")
    d.add_paragraph(f"本报告所列数据统计期限自{r.year}年1月1日起至{r.year}年12月31日止。")
    d.add_paragraph("一、总体情况")
    d.add_paragraph(f"{r.year}年，本机关认真贯彻落实政府信息公开工作要求。")
    for heading, rows in grid(r):
        d.add_paragraph(heading)
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for i, cells in enumerate(rows):
            for j, c in enumerate(cells):
                table.cell(i, j).text = c
    d.add_paragraph("五、存在的主要问题及改进情况")
    d.add_paragraph("公开内容还不够全面。")
    d.add_paragraph(r.unit)
    d.add_paragraph(f"{r.year + 1}年1月20日")
    d.save(str(path))
    return path


def workbook(r: Report, path: Path) -> Path:
    """The tables pasted into a sheet, with rows a person inserted (notes, blank rows) among them."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "年报"
    ws.cell(1, 1, f"{r.unit}{r.year}年政府信息公开工作年度报告")
    ws.cell(2, 1, f"本报告所列数据统计期限自{r.year}年1月1日起至{r.year}年12月31日止。")
    n = 4
    for heading, rows in grid(r):
        ws.cell(n, 1, heading)
        n += 1
        for k, cells in enumerate(rows):
            for j, c in enumerate(cells, 1):
                if c == "":
                    continue
                ws.cell(n, j, int(c) if re.fullmatch(r"-?\d+", c) else float(c) if re.fullmatch(r"-?\d+\.\d+", c) else c)
            n += 1
            if k % 11 == 5:
                n += 1                                   # an inserted blank row
            if k % 17 == 8:
                ws.cell(n, 1, "（注：本行为填报人插入的说明）")
                n += 1
        n += 1
    ws.cell(n + 1, 1, r.unit)
    ws.cell(n + 2, 1, f"{r.year + 1}年1月20日")
    wb.save(path)
    return path


def official(r: Report, path: Path, rules: bool = True) -> Path:
    """The office's own Word file: the official 2021 template (merged header cells, three label
    columns, narrow value columns) filled with the report; `rules=False` without ruling lines."""
    return fill_2021(truth(r), path, title=f"{r.unit}{r.year}年政府信息公开工作年度报告", rules=rules)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdfs(docs: list[Path], outdir: Path) -> list[Path]:
    """LibreOffice headless: the Word files as PDFs, in one run."""
    if not docs or soffice() is None:
        return []
    profile = outdir / ".lo-profile"
    cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(outdir), *map(str, docs)]
    subprocess.run(cmd, check=False, capture_output=True, timeout=900, env={**os.environ, "HOME": str(outdir)})
    return [p for p in (outdir / f"{d.stem}.pdf" for d in docs) if p.exists()]


def pdftotext(pdf: Path) -> Path | None:
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    out = pdf.with_name(pdf.stem + "-layout.txt")
    subprocess.run([exe, "-layout", str(pdf), str(out)], check=False, capture_output=True, timeout=120)
    return out if out.exists() else None


# --- scoring -----------------------------------------------------------------------------------

@dataclass
class Score:
    files: int = 0
    cells: int = 0
    right: int = 0
    unread: int = 0
    wrong: int = 0
    flagged: int = 0          # cells named by an F3/F4 finding (or in a table an F4 found missing)
    # printed numbers read as blank that no F3/F4 names: the reviewer is told nothing (or "blank", F1),
    # so these are as bad as a wrong number; counted apart so "unread" stays honest
    silent: int = 0
    failed: int = 0           # files that could not be read at all
    seconds: float = 0.0
    wrong_examples: list = field(default_factory=list)
    silent_examples: list = field(default_factory=list)

    def add(self, r: Report | None, t: dict[str, float | None], name: str) -> None:
        self.files += 1
        self.cells += len(t)
        if r is None or r.values is None:
            self.failed += 1
            self.unread += len(t)
            return
        got = {}
        if r.values is not None:
            tpl = template(r.format)
            got = {c.id: (None if math.isnan(r.values[i]) else float(r.values[i])) for i, c in enumerate(tpl.cells)}
        # an F3/F4 提示 (info) names cells that were read (a row other reports decided, a label matched)
        unread = [f for f in r.findings if f.rule in ("F3", "F4") and f.severity != "info"]
        reported = {c.cell for f in unread for c in f.cells}
        whole = any(not f.cells for f in unread)
        for cid, v in t.items():
            g = got.get(cid)
            if g is None and v is None:
                self.right += 1
            elif g is None:
                self.unread += 1
                if not whole and cid not in reported:
                    self.silent += 1
                    if len(self.silent_examples) < 5:
                        self.silent_examples.append(f"{name} {cid}: printed {v}, read as blank, no F3/F4")
            elif v is not None and math.isclose(g, v, abs_tol=1e-6):
                self.right += 1
            else:
                self.wrong += 1
                if len(self.wrong_examples) < 5:
                    self.wrong_examples.append(f"{name} {cid}: read {g}, printed {v}")
        self.flagged += sum(len(f.cells) or 1 for f in unread)

    def row(self) -> dict:
        pct = (lambda a: round(100.0 * a / self.cells, 2) if self.cells else None)
        return {"files": self.files, "cells": self.cells, "right_pct": pct(self.right), "unread_pct": pct(self.unread),
                "wrong": self.wrong, "silent": self.silent, "f3_f4_cells_pct": pct(self.flagged), "failed_files": self.failed,
                "seconds": round(self.seconds, 1), "wrong_examples": self.wrong_examples,
                "silent_examples": self.silent_examples}


NAMES = {
    "html": "网页（另存为）", "crawler": "爬虫扁平文本（一行，无分隔）", "tab": "复制粘贴文本（制表符）",
    "lines": "复制粘贴文本（每格一行）", "markdown": "Markdown 表（分组标签单列）", "displaced": "Markdown（标签错位）",
    "docx": "Word", "xlsx": "工作簿（插入行）", "pdf": "LibreOffice PDF", "layout": "pdftotext -layout 文本",
    "official_pdf": "官方模板 PDF", "official_layout": "官方模板 PDF 的 pdftotext -layout 文本",
    "official_norules": "官方模板 PDF（无表格线）", "official_norules_layout": "官方模板无表格线 PDF 的 -layout 文本",
}
# PDF renditions: (Word file maker, read the PDF, read its -layout text)
PDF_KINDS = {
    "": (lambda r, p: word(r, p), "pdf", "layout"),
    "-official": (lambda r, p: official(r, p), "official_pdf", "official_layout"),
    "-norules": (lambda r, p: official(r, p, rules=False), "official_norules", "official_norules_layout"),
}


def _read(path: Path) -> Report | None:
    res = read_path(path)
    return res.reports[0] if res.reports else None


def write_units(reps: list[Report], path: Path) -> Path:
    """The units file a reviewer gives `xxgk check --units`: each generated unit and its district."""
    import csv
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["单位", "上级单位"])
        for unit, parent in dict.fromkeys((r.unit, r.parent or "") for r in reps):
            w.writerow([unit, parent])
    return path


def read_checked(files: list[Path], units: Path | None) -> dict[str, Report]:
    """What a reviewer gets from `xxgk check FOLDER --units units.csv`: the files of one rendition
    read and checked together (a cell one report leaves open may be decided by the others:
    checker/crossread.py), by file name."""
    from checker.check import check_paths
    folder = files[0].parent if files else None
    assert folder is None or all(f.parent == folder for f in files), "one rendition, one folder"
    if folder is None:
        return {}
    result = check_paths([folder], units_file=units, stand_ins=False)
    return {Path(r.source).name: r for r in result.reports}


def run(units: int, pdf_count: int, seed: int, only: list[str] | None = None) -> dict[str, Score]:
    reps = reports(units, seed)
    scores = {k: Score() for k in NAMES if not only or k in only}
    with tempfile.TemporaryDirectory(prefix="xxgk-renditions-") as tmp:
        tmp = Path(tmp)
        unit_file = write_units(reps, tmp / "units.csv")
        written: dict[str, list[tuple[Path, dict]]] = {k: [] for k in scores}

        def folder(kind: str) -> Path:
            (tmp / kind).mkdir(exist_ok=True)
            return tmp / kind

        docs = []
        n2021 = 0
        for n, r in enumerate(reps):
            t = truth(r)
            stem = f"r{n:04d}"
            files = {
                "html": (stem + ".html", lambda p: p.write_text(html_page(r), encoding="utf-8")),
                "tab": (stem + "-tab.txt", lambda p: p.write_text(tab_text(r), encoding="utf-8")),
                "lines": (stem + "-lines.txt", lambda p: p.write_text(cell_lines(r), encoding="utf-8")),
                "markdown": (stem + ".md", lambda p: p.write_text(markdown(r), encoding="utf-8")),
                "displaced": (stem + "-displaced.md", lambda p: p.write_text(markdown(r, True), encoding="utf-8")),
                "docx": (stem + ".docx", lambda p: word(r, p)),
                "xlsx": (stem + ".xlsx", lambda p: workbook(r, p)),
            }
            for kind, (fname, write) in files.items():
                if kind not in scores:
                    continue
                p = folder(kind) / fname
                write(p)
                written[kind].append((p, t))
            # PDFs: the first `pdf_count` reports as plain Word tables; the first `pdf_count` of
            # format 2021 also in the official template, with and without ruling lines
            n2021 += r.format == "2021"
            for suffix, (make, pdf_kind, layout_kind) in PDF_KINDS.items():
                wanted = pdf_kind in scores or layout_kind in scores
                if not wanted:
                    continue
                if not suffix and n < pdf_count:
                    docs.append((make(r, tmp / f"{stem}.docx"), t, pdf_kind, layout_kind))
                elif suffix and r.format == "2021" and n2021 <= pdf_count:
                    filled = sparse(r, seed * 1000 + n)      # offices leave cells empty
                    docs.append((make(filled, tmp / f"{stem}{suffix}.docx"), truth(filled), pdf_kind, layout_kind))
        if docs:
            outdir = tmp / "pdf-out"
            outdir.mkdir()
            pdfs = {p.stem: p for p in to_pdfs([d for d, *_ in docs], outdir)}
            for d, t, pdf_kind, layout_kind in docs:
                pdf = pdfs.get(d.stem)
                if pdf is None:
                    continue
                if pdf_kind in scores:
                    written[pdf_kind].append((shutil.copy(pdf, folder(pdf_kind) / pdf.name), t))
                lay = pdftotext(pdf) if layout_kind in scores else None
                if lay is not None:
                    written[layout_kind].append((shutil.copy(lay, folder(layout_kind) / lay.name), t))
        if "crawler" in scores:      # drawn as the crawled archive's reports (ARCHIVE_… above)
            for n, r in enumerate(reports(units, seed, archive=True)):
                p = folder("crawler") / f"r{n:04d}-crawler.txt"
                p.write_text(crawler_text(r), encoding="utf-8")
                written["crawler"].append((p, truth(r)))
        for kind, pairs in written.items():
            start = time.perf_counter()
            got = read_checked([Path(p) for p, _ in pairs], unit_file)
            scores[kind].seconds += time.perf_counter() - start
            for p, t in pairs:
                scores[kind].add(got.get(Path(p).name), t, Path(p).name)
    return scores


def table(scores: dict[str, Score]) -> str:
    lines = ["| 形式 | 文件 | 单元格 | 读对 | 未读（F3/F4 报告） | 读错 | F3/F4 涉及单元格 |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for k, s in scores.items():
        row = s.row()
        if not s.files:
            continue
        lines.append(f"| {NAMES[k]} | {s.files} | {s.cells:,} | {row['right_pct']} % | {row['unread_pct']} % "
                     f"| {s.wrong} | {row['f3_f4_cells_pct']} % |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="各种报告形式的读取准确性基准")
    ap.add_argument("--units", type=int, default=12, help="生成的单位数（每单位 2020、2021 两年，另加区汇总）")
    ap.add_argument("--pdf", type=int, default=6, help="转成 PDF 的报告数（LibreOffice 较慢）")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--only", nargs="*", choices=sorted(NAMES), help="只测这些形式")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    scores = run(a.units, a.pdf, a.seed, a.only)
    if a.json:
        print(json.dumps({k: s.row() for k, s in scores.items()}, ensure_ascii=False, indent=2))
    else:
        print(table(scores))
        for k, s in scores.items():
            for ex in s.wrong_examples:
                print(f"  读错（{NAMES[k]}）：{ex}")
            for ex in s.silent_examples:
                print(f"  印了数却读成空白且未报告（{NAMES[k]}）：{ex}")
        print("印了数却读成空白、又没有 F3/F4 指出的格：" + "，".join(
            f"{NAMES[k]} {s.silent}" for k, s in scores.items() if s.files))
    return 1 if any(s.wrong for s in scores.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
