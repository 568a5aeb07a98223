"""Output of `xxgk check`: a rich table for people (grouped by report, Chinese), JSON in the spec's
finding shape for programs, CSV that is safe to open in Excel (no formula injection)."""
from __future__ import annotations

import csv
import io
import json
import json.encoder
import sys
from typing import NamedTuple

from ..catalogue import SEVERITY_COLOURS, severity_label
from ..model import plain
from ..safetext import printable, quoted

# 表格/行/栏目 name the suspect cell as the printed table does; 单元格编号 keeps the spec's id for programs
SUFFIXES = ".txt .md .xlsx .xlsm .xls .ods .docx .pdf .html .htm"     # what the readers read (a test pins it)
CSV_COLUMNS = ("单位", "年度", "规则", "严重程度", "表格", "行", "栏目", "单元格编号", "位置", "实际值", "应为",
               "建议值", "说明", "来源")


def render(result, fmt: str, out=None, summary: bool = False) -> None:
    """`summary`: one line per report instead of every finding (table format; JSON and CSV are for
    programs and keep every finding)."""
    out = out or sys.stdout
    if fmt == "table" and summary:
        from .summary import per_report
        per_report(result, out)
    elif fmt == "json":
        write_json(result.to_json(), out)
    elif fmt == "csv":
        write_csv(result.findings, out)
    else:
        table(result, out)


ENCODED = ("json", "csv")   # the formats a finding can be written in by the process that found it


class Raw(str):
    """A value already written as JSON (an `Encoded` finding's line): `write_json` copies it."""


class Encoded(NamedTuple):
    """A finding already written in the output format by the worker process that found it
    (`checker.shard`), so that the main process only orders and concatenates the lines. It keeps
    what the ordering, the totals and the exit code read of a finding. Only a check whose caller
    named the format (`check_paths(output=…)`) holds these; its JSON is for `write_json` alone."""
    rule: str
    severity: str
    unit: str | None
    year: int | None
    text: str            # the finding's JSON (one line) or CSV row (its line end included)

    def to_json(self) -> Raw:
        return Raw(self.text)


def encode(findings, fmt: str) -> list:
    """`findings` as `Encoded` in `fmt` (json or csv): the lines `render` would write for them."""
    if fmt == "json":
        return [Encoded(f.rule, f.severity, f.unit, f.year, _dumps(f.to_json())) for f in findings]
    buf = io.StringIO()
    w = csv.writer(buf)
    out = []
    for f in findings:
        w.writerow(_csv_row(f))
        out.append(Encoded(f.rule, f.severity, f.unit, f.year, buf.getvalue()))
        buf.seek(0)
        buf.truncate()
    return out


def write_json(doc: dict, out) -> None:
    """`doc` as JSON with one report, finding or statistic a line. Each line comes from json's C
    encoder: `indent=` makes the json module fall back to its pure-Python encoder (7 s of a 100,000-
    report check). The content is what `json.dump(doc, indent=2)` wrote; only the layout differs.
    Written piece by piece: the findings of a large check are tens of MB, not copied again."""
    out.write("{")
    for n, (key, value) in enumerate(doc.items()):
        out.write(("," if n else "") + "\n  " + _key(key))
        if not value or not isinstance(value, (list, dict)):
            out.write(_dumps(value))
            continue
        items = ((_key(k) + _dumps(v) for k, v in value.items()) if isinstance(value, dict)
                 else (v if type(v) is Raw else _dumps(v) for v in value))
        out.write("{" if isinstance(value, dict) else "[")
        for i, item in enumerate(items):
            out.write(("," if i else "") + "\n    " + item)
        out.write("\n  }" if isinstance(value, dict) else "\n  ]")
    out.write("\n}\n" if doc else "}\n")


def _dumps(value) -> str:
    """json.dumps(value, ensure_ascii=False), by an encoder made once: json.dumps makes one a call,
    a third of the time of a report's line (0.2 s of the main process at 100,000 reports)."""
    if _encode is None or isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    try:
        return "".join(_encode(value, 0))
    except Exception:
        _markers.clear()        # what the failed call left; json.dumps raises its own error
        return json.dumps(value, ensure_ascii=False)


# what json.dumps(…, ensure_ascii=False) builds on every call (json.encoder.JSONEncoder.iterencode)
_markers: dict = {}
_make = getattr(json.encoder, "c_make_encoder", None)      # None without json's C accelerator
_encode = None if _make is None else _make(_markers, json.JSONEncoder().default, json.encoder.encode_basestring,
                                           None, ": ", ", ", False, False, True)


def _key(key) -> str:
    """`"key": ` as json writes a dict's key (a number or None becomes a string, as there)."""
    return _dumps({key: None})[1:-5]


def safe_cell(value) -> str:
    """Text for a CSV cell that Excel shows as text: a leading = + - @ tab or CR gets a quote."""
    if value is None:
        return ""
    return quoted(str(value))


def write_csv(findings, out) -> None:
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    for f in findings:
        if type(f) is Encoded:
            out.write(f.text)       # written by the worker that found it, as the row below
        else:
            w.writerow(_csv_row(f))


def _csv_row(f) -> list[str]:
    """A finding as the row of the CSV (Excel-safe cells)."""
    cell, labels = f.suspect.cell if f.suspect else "", cell_labels(f.suspect.cell if f.suspect else "")
    if len(f.suspects) > 1:          # several wrong cells of one root cause: each, joined by ";"
        many = [cell_labels(x.ref.cell) for x in f.suspects]
        labels = (";".join(p[0] for p in many), ";".join(p[1] for p in many), ";".join(p[2] for p in many))
        cell = ";".join(x.ref.cell for x in f.suspects)
    return [safe_cell(v) for v in (
        f.unit, f.year, f.rule, severity_label(f.severity), *labels, cell,
        f.where, _each(f, lambda x: _num(x.value), _num(f.actual)), _num(f.expected),
        _each(f, lambda x: _num(x.suggestion), _num(f.suggestion)), f.message, f.source)]


def _each(f, part, one):
    """A CSV field of a finding that blames several cells: one value per cell, joined by ";"."""
    return ";".join(str(part(x)) for x in f.suspects) if len(f.suspects) > 1 else one


def _num(v):
    """A value for a cell of the CSV or the table: integral floats as ints, nothing as ""."""
    v = plain(v)
    return "" if v is None else v


def _spec(cell_id: str):
    """The cell's template entry and its table (None where no template knows the id, e.g. meta.period)."""
    from ..templates import FORMATS, template
    for fmt in FORMATS:
        tpl = template(fmt)
        if cell_id in tpl.index:
            spec = tpl.cells[tpl.index[cell_id]]
            return spec, tpl.table(spec.table)
    return None, None


def _label(cell_id: str) -> str:
    """A cell's Chinese label for people (the id where no template knows it)."""
    spec, _ = _spec(cell_id)
    return spec.label if spec else cell_id


_META_LABELS = {"meta.title": "标题", "meta.period": "统计期限", "meta.published": "落款日期", "meta.unit": "单位"}


def cell_labels(cell_id: str) -> tuple[str, str, str]:
    """(表格, 行, 栏目) as printed in the report: `("收到和处理政府信息公开申请情况",
    "三、本年度办理结果 （三）不予公开 1.属于国家秘密", "自然人")`."""
    if not cell_id:
        return "", "", ""
    spec, table = _spec(cell_id)
    if spec is None:
        return "", _META_LABELS.get(cell_id, ""), ""
    row = next(r for r in table.rows if r.id == spec.row)
    column = next(c for c in row.columns if c.id == spec.column)
    return table.label, " ".join(x for x in (row.group, row.label) if x), column.label


def _cell_column(f) -> str:
    """What the 单元格 column shows: the suspect; else the candidates; else the cells involved
    (a blank row: its label and how many cells)."""
    if len(f.suspects) > 1:
        return "、".join(_label(x.ref.cell) for x in f.suspects)
    if f.suspect:
        return _label(f.suspect.cell)
    if f.candidates:
        return "、".join(_label(c.cell) for c in f.candidates[:3]) + ("…" if len(f.candidates) > 3 else "")
    if len(f.cells) == 1:
        return _label(f.cells[0].cell)
    if f.cells:
        return f"{_label(f.cells[0].cell).split('·')[0]}（{len(f.cells)} 格）"
    return ""


MANY_UNREADABLE = 50


def table(result, out) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text
    from ..findings import problem_first
    from ..model import file_name, part_of
    from .summary import units_list_name
    # cells as Text, not markup strings: report text (unit, file name, message) is shown as written
    # (`[x]` in it is no markup) and rich skips parsing markup and emoji in every cell (--format table
    # on thousands of findings); no highlighter (it only coloured numbers on a terminal)
    console = Console(file=out, width=max(100, Console().width if out is sys.stdout else 140), highlight=False)
    groups: dict = {}
    # many inputs that could not be read (a folder of 100,000 empty files): a table each took 3 ms
    # (5½ minutes); they are listed one line each after the tables, as --summary lists them
    unread = {id(f) for f in result.unreadable}
    apart = [f for f in result.findings if id(f) in unread]      # (not when --ignore F5)
    apart = apart if len(apart) > MANY_UNREADABLE else []
    for f in result.findings if not apart else (f for f in result.findings if id(f) not in unread):
        # a report that is one of several in its file (`第2篇`) is a table of its own, named so
        part = part_of(f.report[1]) if f.report is not None else None
        groups.setdefault((f.unit, f.year, f.source if f.unit is None or part else None, part), []).append(f)
    reported = {(r.unit, r.year) for r in result.reports}
    for (unit, year, source, part), fs in groups.items():
        title = (units_list_name(unit, year, reported)
                 or (f"{unit or '（未识别单位）'} {year or ''} 年度报告" if unit or year else f"{source or '输入'}"))
        if part is not None:
            title += f"（{file_name(source or '')} 第{part}篇）"
        # control characters shown, not obeyed: a file named `a\x1b[2J.txt` must not clear the screen
        t = Table(title=Text(printable(title)), title_justify="left", show_lines=False, expand=False)
        t.add_column("规则", no_wrap=True)
        t.add_column("级别", no_wrap=True)
        t.add_column("单元格", overflow="fold")
        t.add_column("建议", justify="right", no_wrap=True)
        t.add_column("说明", overflow="fold")
        for f in fs:
            colour = SEVERITY_COLOURS.get(f.severity, "cyan")
            t.add_row(Text(f.rule), Text(severity_label(f.severity), style=colour), Text(_cell_column(f)),
                      Text("、".join(str(_num(x.suggestion)) for x in f.suspects) if len(f.suspects) > 1
                           else "" if f.suggestion is None else str(_num(f.suggestion))),
                      Text(printable(problem_first(f))))
        console.print(t)
    if apart:
        console.file.write(f"无法读取的输入 {len(apart):,} 个：\n")
        console.file.writelines(f"无法读取：{printable(f.message)}\n" for f in apart)
    if not result.reports and not result.findings:
        console.print(f"没有找到可检查的报告文件（支持 {SUFFIXES}）。", markup=False)
    from .summary import top_lines, totals
    for line in top_lines(result) if len(result.reports) > 1 else []:
        console.print(line, markup=False)
    console.print(totals(result), markup=False)
