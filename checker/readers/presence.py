"""After the prose has named unit and year: which standard tables a report lacks (F4), and the
reading findings stamped with the report's unit and year. Readers call `finish` last."""
from __future__ import annotations

import dataclasses

import numpy as np

from ..findings import make
from ..model import Report
from ..templates import TABLES, format_for_year, template
from . import cutoff


def finish(report: Report, where: str) -> None:
    """Idempotent. A 2019/2021 report with no table at all gets one F4 error (the tables may be an
    image or an attachment: nothing could be checked, so it is never an all-clear); one with some
    tables gets an F4 error per missing table."""
    if _not_a_report(report):
        report.format = report.values = report.present = report.loc = None
        report.cell_meta.clear()
        report.findings[:] = [f for f in report.findings if f.rule not in ("F1", "F2", "F3", "F4")]
        report.facts["tables_found"] = []
        return
    found = report.facts.get("tables_found")
    if report.format is None and report.year is not None:
        fmt = format_for_year(report.year)
        if fmt != "legacy":
            report.set_format(fmt)
    if report.format in ("2019", "2021") and found is not None and not report.facts.get("_f4_done"):
        report.facts["_f4_done"] = True
        missing = [t for t in TABLES if t not in found]
        bare = report.facts.get("labels_only", ())
        if len(missing) == 3 and not bare:
            report.findings.append(make(
                "F4", unit=report.unit, year=report.year, source=report.source,
                where=where, detail="报告中没有找到三张标准表格（主动公开、收到和处理申请、行政复议和诉讼），"
                                    "表格可能以图片或附件形式发布，请人工核对。"))
        else:
            for t in missing:
                label = template(report.format).table(t).label
                gone = f"缺少标准表格“{label}”。" if "_cut_off" not in report.facts \
                    else cutoff.later_table_detail(label, report.facts["_cut_off"])   # the file ended before it
                report.findings.append(make(
                    "F4", unit=report.unit, year=report.year, source=report.source, where=where,
                    detail=f"表格“{label}”只印出了行名，没有任何数值（空白表格，或数值没有随文字保存下来），"
                           "这些单元格未读取。" if t in bare else gone))
    _stamp(report)


# A text that names no unit and no year anywhere (title, period, signature) and holds fewer
# template rows with a figure read than this is about reports, not one (a list of sources quoting
# rows, a README, a note): it goes the not-a-report way (format None: named on stderr, never checked)
# instead of becoming a report of F3/F4s for tables it never had. A row counts by its figures, not its
# label: a README or SOURCES.md quotes many row labels, each with a figure count that fits no table.
NOT_A_REPORT_ROWS = 3
# … unless it prints a table's rows, blank (an unfilled template sent back): this many template rows
# found by their labels is a table, not a note quoting a few rows (w15's SOURCES.md quotes 4)
BLANK_TABLE_ROWS = 10


def _not_a_report(report: Report) -> bool:
    if report.facts.get("notice"):
        # a notice asking for the reports (`document.is_notice`), no table in it: the body and year its
        # prose gave are the notice's, no report's (武威 2025's, a 2021 one read as a 2021 report before)
        report.unit = report.year = None
        return True
    if report.format not in ("2019", "2021") or report.year is not None or report.unit is not None:
        return False
    if "meta" not in report.facts:
        return False   # the prose has not been read yet (a reader's first, early call)
    tpl = template(report.format)
    rows = labels = 0
    for t in TABLES:
        for row in tpl.table(t).rows:
            idx = [tpl.index[f"{t}.{row.id}.{c.id}"] for c in row.columns]
            printed = bool(report.present[idx].any())
            labels += printed
            rows += printed and not np.isnan(report.values[idx]).all()
            if rows >= NOT_A_REPORT_ROWS or labels >= BLANK_TABLE_ROWS:
                return False
    return True


def _stamp(report: Report) -> None:
    """Findings made before the prose named unit and year get them now."""
    if not (report.unit or report.year):
        return
    for n, f in enumerate(report.findings):
        if f.unit is None and f.year is None:
            report.findings[n] = dataclasses.replace(
                f, unit=report.unit, year=report.year, suspects=(),
                cells=[report.ref(c.cell) for c in f.cells],
                suspect=None if f.suspect is None else report.ref(f.suspect.cell))
