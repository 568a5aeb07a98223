"""Check kinds on the figures a report states in its prose (see `checker.prose`):
`agree` (R10: prose against the table), `sums` (P1: a stated total against its parts),
`share` (P2: a stated percentage against its part and base)."""
from __future__ import annotations

import math

from ...findings import make
from ...model import CellRef, ProseFact, Report
from ...numbers import ROUNDING, SAME
from ...prose.cells import CARRIED, IN_FORCE, LITIGATION, RECEIVED, expand
from ...prose.issued import ISSUED
from ...prose import decisions
from ...prose.normative import REPEALED
from ...prose.facts import share_holds
from ...templates import template
from ..registry import kind

_APPLICANTS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org")


@kind("prose.agree")
def agree(rule, reports, ctx):
    """R10: a figure stated in the prose equals the table cell it names (or the sum of the cells,
    for 行政诉讼 and 新收 + 上年结转), where those cells are printed and not blank. A cell the prose
    itself filled (legacy reports) is not compared with itself."""
    for report in reports:
        if report.format is None:
            ctx.skip(rule.id)
            continue
        index = template(report.format).index
        seen: set[tuple[str, float]] = set()
        compared = False
        for fact, cell, value in _stated(report.prose):
            if (cell, value) in seen:
                continue
            seen.add((cell, value))
            table = _table_value(report, index, expand(cell))
            if table is None:
                continue
            compared = True
            if abs(table - value) < SAME:
                continue
            yield _disagreement(rule, report, fact, cell, value, table)
        if not compared:
            ctx.skip(rule.id)     # no prose figure names a printed table cell


def figures(report: Report) -> dict[str, float]:
    """The single cells whose figure the prose states as R10 compares them (the same facts, the
    same subject and row matching): cell -> figure. Localisation weighs them as soft evidence. Left out: a cell stated with two different
    figures, one left blank or filled from the prose, and a disagreement R10 itself explains by
    another plain reading of the sentence (新收 + 上年结转, 规范性文件库's count): that is no evidence
    the cell is wrong."""
    if report.format is None:
        return {}
    index = template(report.format).index
    said: dict[str, set[float]] = {}
    texts: dict[str, str] = {}
    for fact, cell, value in _stated(report.prose):
        if "+" not in cell and not cell.startswith("group:"):
            said.setdefault(cell, set()).add(value)
            texts.setdefault(cell, fact.text)
    out = {}
    for cell, values in said.items():
        table = _table_value(report, index, [cell]) if len(values) == 1 and cell in index else None
        if table is None or math.isnan(float(report.values[index[cell]])):
            continue
        [value] = values
        if abs(table - value) >= SAME and _reading(report, cell, [cell], value, table, texts[cell]):
            continue
        out[cell] = value
    return out


def _table_value(report: Report, index: dict, cells: list[str]) -> float | None:
    """The printed value of the cells (their sum), or None when one is absent, blank or was
    itself filled from the prose. A request row whose 总计 is left blank while its applicants'
    cells are printed (上海市政府办公厅 2019 prints every 总计 of 三、本年度办理结果 blank) is
    the sum of those cells (blank ones 0: F1 names them)."""
    total = 0.0
    for cell in cells:
        i = index.get(cell)
        if i is None or not report.present[i]:
            return None
        if report.cell_meta.get(cell, {}).get("source") == "prose":
            return None
        value = float(report.values[i])
        if math.isnan(value):
            value = _applicants_sum(report, index, cell)
            if value is None:
                return None
        total += value
    return total


def _applicants_sum(report: Report, index: dict, cell: str) -> float | None:
    """The sum of a request row's applicant cells, when its 总计 is blank and some are printed."""
    row, _, column = cell.rpartition(".")
    if not cell.startswith("requests.") or column != "total":
        return None
    printed = [report.values[index[c]] for c in (f"{row}.{a}" for a in _APPLICANTS)
               if c in index and report.present[index[c]]]
    numbers = [float(v) for v in printed if not math.isnan(v)]
    return math.fsum(numbers) if numbers else None


def _blank_totals(report: Report, index: dict, cells: list[str]) -> list[str]:
    """The cells among `cells` whose 总计 is blank (compared through their applicants' sum)."""
    return [c for c in cells if c in index and report.present[index[c]] and math.isnan(report.values[index[c]])]


def _disagreement(rule, report: Report, fact: ProseFact, cell: str, value: float, table: float):
    cells = expand(cell)
    tpl = template(report.format)
    reading = _reading(report, cell, cells, value, table, fact.text)
    severity = "warning" if reading else None
    if len(cells) == 1:
        suspect, suggestion, evidence = _evidence(report, cell, value)
        evidence = reading or evidence
        label = tpl.cell(cell).label
    else:
        suspect, suggestion = None, None
        evidence = reading or "无法确定是正文还是表格有误，请核对原始台账。"
        label = _sum_label(tpl, cells)
    blank = _blank_totals(report, template(report.format).index, cells)
    if blank:
        evidence = (f"表格中「{tpl.cell(blank[0]).label}」等总计栏为空，按该行各申请人栏之和比较。" if len(blank) > 1
                    else f"表格中「{tpl.cell(blank[0]).label}」为空，按该行各申请人栏之和比较。") + evidence
    return make(rule.id, unit=report.unit, year=report.year, severity=severity,
                cells=[report.ref(c) for c in cells], suspect=suspect, expected=plain(table),
                actual=plain(value), suggestion=None if suggestion is None else plain(suggestion),
                source=report.source, where=_where(report, fact.line, cells[0]),
                text=_quote(fact.text), label=label, evidence=evidence)


def _sum_label(tpl, cells: list[str]) -> str:
    """"（四）无法提供（各项之和）" for the rows of one printed group, else the cells' labels joined."""
    rows = tpl.table("requests").rows if cells[0].startswith("requests.") else ()
    groups = {r.group for r in rows if f"requests.{r.id}.total" in cells}
    if len(groups) == 1 and (group := groups.pop()) and group.startswith("（") and len(cells) > 1:
        return f"{group}（各项总计之和）"     # （四）无法提供: its rows, not 三、本年度办理结果's
    return " + ".join(tpl.cell(c).label for c in cells)


def _reading(report: Report, cell: str, cells: list[str], value: float, table: float, text: str) -> str | None:
    """Another plain meaning of the sentence under which prose and table agree: the finding is then
    a warning naming it."""
    if (other := decisions.reading(cell, text)) is not None:
        return other        # "办理行政许可 27 件": what was processed, said without 决定
    if cell == LITIGATION:
        pending = math.fsum(report.get(c.replace(".total", ".pending")) or 0 for c in cells)
        if pending and abs(table - pending - value) < SAME:
            # the prose counts the suits decided this year only
            return (f"正文的数字等于已审结的行政诉讼数（直接起诉与复议后起诉的总计 {plain(table)} "
                    f"减去尚未审结 {plain(pending)}）；若正文指已审结案件，请写明，否则请改正。")
    if cell == RECEIVED:
        carried = report.get(CARRIED[0]) or 0
        if carried and abs(table + carried - value) < SAME:
            # "全区收到申请 75 件，涉及自然人 72 件、商业企业 3 件" with 新收 74 and 上年结转 1 (a real report)
            return (f"正文的数字等于新收加上年结转（{plain(table)} + {plain(carried)}），即全年办理的申请数；"
                    f"若正文指的是这个数，请写明“含上年结转”，否则请改正。")
    if cell in ISSUED:
        # "出台四项规范性文件" may count policy documents, or ones issued in the 管委会's name
        return "若正文所说的规范性文件包括政策文件或以上级机关名义印发的文件，请写明；否则正文或表二有一处填错。"
    if cell == REPEALED:
        # "废止" in prose may take in documents that expired or were declared void (宣布失效) with those repealed
        return "若正文所说的废止件数包括宣布失效或以上级机关名义废止的文件，请写明；否则正文或表二有一处填错。"
    if cell == IN_FORCE:
        # real reports often give the 规范性文件库's count here (the whole area's, or after a clean-up):
        # two of the three such sentences in the Pingtan archive differ from 表二 for that reason
        return "若正文指规范性文件库中集中发布的（或全区的）件数，请写明；否则正文或表二有一处填错。"
    return None


def _stated(prose: list[ProseFact]):
    """(fact, cell, value) for every figure the prose ties to a cell: single figures, sums' totals
    and their parts."""
    for f in prose:
        if f.kind in ("count", "sum") and f.cell:
            yield f, f.cell, f.value
        if f.kind == "sum":
            for cell, value in zip(f.part_cells, f.parts):
                if cell:
                    yield f, cell, value


def _evidence(report: Report, cell: str, stated: float) -> tuple[CellRef | None, float | None, str]:
    """Which side is likely wrong. A request-table total whose row of applicants adds up to it is
    backed by the table: the prose is the likelier slip (no table cell to suspect). A total whose
    applicants add up to the prose figure instead is the suspect, with that figure as suggestion."""
    row, _, column = cell.rpartition(".")
    parts = None
    if cell.startswith("requests.") and column == "total":
        parts = [report.get(f"{row}.{c}") for c in _APPLICANTS]
    elif cell.startswith("appeals.") and column == "total":
        parts = [report.get(f"{row}.{c}") for c in ("upheld", "corrected", "other", "pending")]
    if parts is not None and report.get(cell) is not None:    # a blank 总计 blames nothing here
        if all(p is not None for p in parts):
            s = math.fsum(parts)
            balanced = _balance(report, cell)
            if balanced is not None and abs(balanced - report.get(cell)) >= SAME:
                # its row adds up, but R1 (新收 + 上年结转 = 办理结果 + 结转下年度) does not: the row
                # backs nothing (a unit that copied last year's 新收 row and zeroed the rest, a real
                # report whose prose says 0); R1's value decides
                if abs(balanced - stated) < SAME:
                    return (report.ref(cell), stated,
                            "表格中新收、上年结转、办理结果、结转下年度四项的勾稽关系要求该格为正文的数字，更可能是表格填错。")
                return None, None, "无法确定是正文还是表格有误，请核对原始台账。"
            if abs(s - report.get(cell)) < SAME and s == 0 and _zero_table(report, row):
                table = "表三" if cell.startswith("requests.") else "表四"
                return None, None, f"{table}各格都是 0（可能没有按实际填写），无法确定是正文还是表格有误，请核对原始台账。"
            if abs(s - report.get(cell)) < SAME:
                return None, None, "表格中构成该总计的各格之和与总计一致，更可能是正文的数字有误。"
            if abs(s - stated) < SAME:
                return report.ref(cell), stated, "表格中构成该总计的各格之和与正文一致，更可能是表格总计一格填错。"
    return None, None, "无法确定是正文还是表格有误，请核对原始台账。"


def _zero_table(report: Report, row: str) -> bool:
    """Every read cell of the row's table is 0: a table left at its zeros (a real unit printed 表三
    all 0 while its prose tells of 4 requests, 3 answered, 1 不掌握), whose rows adding up back nothing."""
    prefix = row.split(".", 1)[0] + "."
    return all(report.get(c) in (0, None) for c in template(report.format).index if c.startswith(prefix))


_R1 = {"requests.received.total": 1, "requests.carried_over.total": 1,
       "requests.handled_total.total": -1, "requests.carried_forward.total": -1}


def _balance(report: Report, cell: str) -> float | None:
    """The value R1's 总计 column gives `cell` from the other three rows' totals (None: `cell` is
    not in R1, or one of the others is blank or itself disagrees with its own row of applicants or,
    for （七）总计, with the results it totals:
    R1's gap may then be that total's slip, and R1 backs neither side — （七）总计 printed 32 for its
    row's 23 while the prose misstates 新收 23 as 32 must not make 新收 the suspect)."""
    if cell not in _R1:
        return None
    others = [(c, report.get(c)) for c in _R1 if c != cell]
    if any(v is None for _, v in others):
        return None
    for c, v in others:
        parts = [report.get(f"{c.rpartition('.')[0]}.{a}") for a in _APPLICANTS]
        if all(p is not None for p in parts) and abs(math.fsum(parts) - v) >= SAME:
            return None
        if c == "requests.handled_total.total":
            # （七）总计 is also the sum of the results above it (R2): a row printed 0 0 0 adds up along
            # itself yet is no figure for R1 when the results say otherwise
            results = [report.get(r) for r in _results(report.format)]
            if all(r is not None for r in results) and abs(math.fsum(results) - v) >= SAME:
                return None
    return -_R1[cell] * math.fsum(_R1[c] * v for c, v in others)


def _results(fmt: str) -> list[str]:
    """The 总计 cells of 表三's result rows (（一）予以公开 … （六）其他处理), which R2 adds up to （七）总计."""
    return [c for c in template(fmt).index
            if c.startswith("requests.") and c.endswith(".total") and c not in _R1]


@kind("prose.sums")
def sums(rule, reports, ctx):
    """P1: a stated total equals its stated parts. Parts that exceed the total are an error; parts
    short of it only a warning (“其中” may list some items only); an unclear list is a warning."""
    for report in reports:
        if not any(f.kind == "sum" and f.parts for f in report.prose):
            ctx.skip(rule.id)     # the prose states no total with its parts
            continue
        for f in report.prose:
            if f.kind != "sum" or not f.parts:
                continue
            total = math.fsum(f.parts)
            if abs(total - f.value) < ROUNDING:
                continue
            if f.clear and total > f.value:
                severity, detail = None, "分项之和超过合计，至少有一个数字写错。"
            elif f.clear:   # a list without 其中 ("在……90 条……中，", one closed by 其他) is named as what it is
                listed = "“其中”列出的" if "其中" in f.text else "所列的"
                severity, detail = "warning", f"分项之和小于合计：若{listed}是全部分项，则有数字写错或漏列一项。"
            elif any(p >= f.value for p in f.parts):   # "内容1条，包括……1条，以及……2条": a restatement, maybe
                severity, detail = "warning", "所列数字中有一项不小于合计，未必都是这个合计的分项，请核对。"
            else:   # parts in other units, or several figures before a 其中 that opens its sentence
                severity, detail = "warning", ("分项的计量单位不一或所指的合计不明，"
                                               "无法确定哪些数字属于这个合计，请核对。")
            yield make(rule.id, unit=report.unit, year=report.year, severity=severity, report=report.identity,
                       cells=[report.ref(x) for c in [f.cell, *f.part_cells] if c for x in expand(c)],
                       expected=plain(total), actual=plain(f.value), source=report.source,
                       where=_where(report, f.line), text=_quote(f.text), unit_word=f.unit or "",
                       parts=" + ".join(str(plain(p)) for p in f.parts), detail=detail)


@kind("prose.share")
def share(rule, reports, ctx):
    """P2: a stated share equals part / base within the rounding its printed decimals allow."""
    for report in reports:
        if not any(f.kind == "share" and f.of is not None and f.share is not None for f in report.prose):
            ctx.skip(rule.id)     # the prose states no share with its base
            continue
        for f in report.prose:
            if f.kind != "share" or f.of is None or f.share is None:
                continue
            if share_holds(f.value, f.of, f.share, f.decimals):
                continue
            computed = round(100.0 * f.value / f.of, max(f.decimals, 1) + 1)
            yield make(rule.id, unit=report.unit, year=report.year, report=report.identity, expected=computed, actual=f.share,
                       source=report.source, where=_where(report, f.line), text=_quote(f.text),
                       part=plain(f.value), base=plain(f.of), computed=computed)


def _where(report: Report, line: int, cell: str | None = None) -> str:
    place = report.text_where(line)
    if cell and report.location_style != "text":
        located = report.locate(cell)
        if located:
            place += f"（表格 {located}）"
    return place


def _quote(text: str, width: int = 90) -> str:
    """A long sentence cut in the middle: its start names the subject, its end the figures."""
    if len(text) <= width:
        return text
    return text[:width // 3] + "……" + text[-(width - width // 3):]


def plain(v: float):
    return int(v) if float(v).is_integer() else v
