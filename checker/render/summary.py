"""Short overviews of a check for the terminal: the closing totals with the units and rules that have
the most problems, and `--summary`'s one line per report (for runs over thousands of reports)."""
from __future__ import annotations

from collections import Counter

from ..catalogue import SEVERITIES, SEVERITY_ORDER, catalogue, severity_label
from ..safetext import printable

TOP = 5     # units and rules named in the closing lines


def report_name(unit, year, reported: set | None = None, files: dict | None = None) -> str:
    """`某某局 2022 年度`; a name of the units list with no report of it (its U1) is no report of an
    unknown year: `单位清单中的“某某局”`, when `reported` (the checked reports' keys) is given.
    `files` (`unnamed_files`): for a report whose unit or year was not found, the files it stands
    for (several such reports share the line: without their files none could be found)."""
    listed = units_list_name(unit, year, reported)
    if listed is not None:
        return printable(listed)
    name = f"{printable(unit) or '（未识别单位）'} {year or '（未识别年度）'} 年度"
    shown = (files or {}).get((unit, year))
    if shown:
        more = f"等 {len(shown)} 份" if len(shown) > SHOWN_FILES else ""
        name += f"（{'、'.join(printable(f) for f in shown[:SHOWN_FILES])}{more}）"
    return name


SHOWN_FILES = 3    # files named after a report whose unit or year was not found


def unnamed_files(result) -> dict[tuple, list[str]]:
    """(unit, year) -> the files of the checked reports whose unit or year was not found: `甲.xlsx`;
    with the sheet or part when one file holds several: `汇总.xlsx 工作表“Sheet2”`, `合集.docx（第2篇）`."""
    from ..model import file_name
    unnamed = [r for r in result.reports if r.format is not None and (r.unit is None or r.year is None)]
    files = Counter(file_name(r.source or "") for r in unnamed)
    out: dict[tuple, list[str]] = {}
    for r in unnamed:
        shown = file_name(r.source or "")
        if files[shown] > 1 and r.place:     # one file's several reports: which sheet or part
            shown += f" 工作表“{r.place}”" if getattr(r, "location_style", None) == "sheet" else f"（{r.place}）"
        out.setdefault((r.unit, r.year), []).append(shown)
    return out


def units_list_name(unit, year, reported: set | None) -> str | None:
    """`单位清单中的“某某局”` for the findings of a units-list name no checked report bears (its U1:
    a unit without a year of its own), else None. `reported`: the checked reports' (unit, year)."""
    if reported is not None and unit and year is None and (unit, year) not in reported:
        return f"单位清单中的“{unit}”"
    return None


def counts_by_report(result) -> dict[tuple, Counter]:
    """(unit, year) -> Counter of severities, every checked report included (with no problem: empty)."""
    out: dict[tuple, Counter] = {(r.unit, r.year): Counter() for r in result.reports}
    for f in result.findings:
        if f.unit is None and f.year is None and f.rule == "F5":
            continue          # an unreadable input is not a report: it is counted on its own
        out.setdefault((f.unit, f.year), Counter())[f.severity] += 1
    return out


def _ranked(counts: dict) -> list:
    """Most errors first, then most warnings: the reports a reviewer should open first."""
    return sorted(counts.items(), key=lambda kv: (*(-kv[1][s] for s in SEVERITIES), str(kv[0][0]), kv[0][1] or 0))


def _tally(c: Counter) -> str:
    return "，".join(f"{severity_label(s)} {c[s]} 条" for s in SEVERITIES if c[s]) or "没有发现问题"


def top_lines(result) -> list[str]:
    """`问题最多的报告：…` and `出现最多的规则：…` (empty when nothing was found)."""
    by_report = [(k, c) for k, c in _ranked(counts_by_report(result)) if sum(c.values())][:TOP]
    rules = Counter(f.rule for f in result.findings)
    if not by_report and not rules:
        return []
    lines = []
    if by_report:
        reported = {(r.unit, r.year) for r in result.reports}
        files = unnamed_files(result)
        lines.append("问题最多的报告：" + "；".join(f"{report_name(k[0], k[1], reported, files)}（{sum(c.values())} 条）"
                                            for k, c in by_report))
    if rules:
        cat = catalogue()
        top = sorted(rules.items(), key=lambda kv: (-kv[1], SEVERITY_ORDER.get(cat[kv[0]].severity, 9), kv[0]))[:TOP]
        lines.append("出现最多的规则：" + "；".join(f"{rid} {cat[rid].title}（{n} 条）" for rid, n in top))
    return lines


def per_report(result, out) -> None:
    """`--summary`: one line per report, most problems first, then the unreadable inputs and totals."""
    rules_of: dict[tuple, Counter] = {}
    for f in result.findings:
        if not (f.unit is None and f.year is None and f.rule == "F5"):   # unreadable: listed below
            rules_of.setdefault((f.unit, f.year), Counter())[f.rule] += 1
    # an input with nothing of a report in it is no report "没有发现问题" (the command names it on stderr)
    strange = {(r.unit, r.year) for r in not_reports(result)} - {(r.unit, r.year) for r in result.reports if r.format}
    reported = {(r.unit, r.year) for r in result.reports}
    files = unnamed_files(result)
    for (unit, year), c in _ranked(counts_by_report(result)):
        if (unit, year) in strange and not c:
            continue
        rules = rules_of.get((unit, year), Counter())
        shown = "、".join(f"{rid}×{n}" if n > 1 else rid for rid, n in sorted(rules.items()))
        out.write(f"{report_name(unit, year, reported, files)}：{_tally(c)}" + (f"（{shown}）" if shown else "") + "\n")
    for f in result.unreadable:
        out.write(f"无法读取：{printable(f.message)}\n")
    from ..check import NO_REPORT_FOUND, not_a_report_place
    for r in not_reports(result):     # (their F5s are in the JSON and CSV)
        place = not_a_report_place(r)
        out.write(f"无法识别为年度报告：{printable(r.source)}{f'（{printable(place)}）' if place else ''}"
                  f"（{NO_REPORT_FOUND}，未做任何核对）\n")
    out.write(totals(result) + "\n")


def not_reports(result) -> list:
    """Inputs read with nothing of a report in them (no standard table, no format): "hello world",
    a meeting note, text in an unexpected encoding. Nothing was checked in them."""
    return [r for r in result.reports if r.format is None]


def totals(result) -> str:
    n = Counter(f.severity for f in result.findings)
    crashed = result.crashed_rules
    strange = len(not_reports(result))
    return (f"共检查 {len(result.reports) - strange} 份报告：错误 {n['error']} 条，警告 {n['warning']} 条"
            + (f"，提示 {n['info']} 条" if n["info"] else "")
            + (f"；无法读取的输入 {len(result.unreadable)} 个" if result.unreadable else "")
            + (f"；无法识别为年度报告的输入 {strange} 个（未核对）" if strange else "")
            + (f"；运行出错的规则：{'、'.join(crashed)}" if crashed else "") + "。")
