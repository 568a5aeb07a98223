"""Check kinds on a report's metadata and outline (see `checker.prose`): `dates` (M1: title year,
statistical period and signature agree), `regions` (M2: no other region's district named as
one's own), `sections` (M3: the six sections of the 2019/2021 outline are present), `template` (M4:
the tables' generation fits the data year)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...findings import make
from ...model import Report
from ...prose.sections import SECTIONS
from ...templates import template as table_template
from ..registry import Params, kind

_CLAIM_CELL = {"title": "meta.year", "period": "meta.period", "published": "meta.published"}
_CLAIM_NAME = {"title": "标题年度", "period": "统计期限", "published": "落款日期"}


@dataclass(frozen=True)
class DatesParams(Params):
    normal_months: int = 6      # a report of year Y is normally signed by this month of Y+1


@dataclass(frozen=True)
class SectionsParams(Params):
    min_chars: int = 800        # shorter text (a workbook's title cells) is no whole report


@kind("meta.dates", DatesParams)
def dates(rule, reports, ctx):
    """M1. Each of title, period and signature says which year the data are for (a signature in
    year S says S−1). Two that agree outvote the third, which is the suspect; two that disagree
    with no third leave the suspect open."""
    normal = int(rule.params.get("normal_months", 6))
    for report in reports:
        meta = _meta(report)
        claims: dict[str, int] = {}
        if meta.get("title_year"):
            claims["title"] = int(meta["title_year"])
        period = meta.get("period")
        if period:
            start, end = period.split("/")
            if start[:4] != end[:4]:
                yield _finding(rule, report, meta, "period", None,
                               f"统计期限“{meta.get('period_text')}”跨越两个年度，年报的统计期限应为一个自然年。")
                continue
            claims["period"] = int(end[:4])
        published = meta.get("published")
        if published:
            claims["published"] = int(published[:4]) - 1
            if published[5:] == "12-31" and int(published[:4]) in claims.values():
                claims["published"] = int(published[:4])   # signed the day its own period ends
        if len(claims) < 2:
            ctx.skip(rule.id)     # one statement of the year (or none): nothing to compare
            continue
        # the claims agree in almost every report: test that before building any message text
        first = next(iter(claims.values()))
        if all(v == first for v in claims.values()):
            year = first
            if published and int(published[:4]) == year + 1 and int(published[5:7]) > normal:
                yield _finding(rule, report, meta, "published", None,
                               f"{_states(meta, claims)}。落款日期晚于 {year + 1} 年 {normal} 月，发布偏晚"
                               f"（条例要求每年 1 月 31 日前公布上一年度的年报）。", severity="warning")
            continue
        states = _states(meta, claims)
        tally = Counter(claims.values())
        year, votes = tally.most_common(1)[0]
        odd = [k for k, v in claims.items() if v != year]
        if votes >= 2 and len(odd) == 1:
            k = odd[0]
            suggestion = year if k == "title" else f"{year}-01-01/{year}-12-31" if k == "period" else None
            should = {"title": f"应为 {year} 年", "period": f"应为 {year} 年 1 月 1 日至 12 月 31 日",
                      "published": f"应在 {year + 1} 年"}[k]
            yield _finding(rule, report, meta, k, suggestion,
                           f"{states}：{_CLAIM_NAME[k]}与另外两项不符，{should}。", claims=claims)
        else:
            yield _finding(rule, report, meta, None, None,
                           f"{states}：两者所指的年度不一致，无法判断哪一项有误，请核对。", claims=claims)


def _meta(report: Report) -> dict:
    """What the prose analysis read; where it did not run (or a reader fixed the year, e.g. from a
    workbook's header block), the report's own fields stand in."""
    meta = report.facts.get("meta") or {}
    if (meta.get("title_year") or report.year is None or meta.get("year_source") not in (None, "reader")) \
            and (meta.get("period") or not report.period) and (meta.get("published") or not report.published):
        return meta   # nothing to fill in (the usual case): read-only, no copy
    meta = dict(meta)
    if not meta.get("title_year") and report.year is not None and meta.get("year_source") in (None, "reader"):
        meta["title_year"] = report.year
    if not meta.get("period") and report.period:
        meta["period"] = report.period
        meta["period_text"] = report.period.replace("/", " 至 ")
    if not meta.get("published") and report.published:
        meta["published"] = report.published
    return meta


def _states(meta: dict, claims: dict[str, int]) -> str:
    out = []
    if "title" in claims:
        out.append(f"标题年度为 {claims['title']} 年")
    if "period" in claims:
        out.append(f"统计期限写“{meta.get('period_text')}”")
    if "published" in claims:
        out.append(f"落款日期为 {meta.get('published')}")
    return "，".join(out)


def _finding(rule, report: Report, meta: dict, suspect: str | None, suggestion, detail: str,
             claims: dict | None = None, severity: str | None = None):
    line_of = {"title": meta.get("title_line"), "period": meta.get("period_line"),
               "published": meta.get("published_line")}
    involved = list(claims) if claims else [suspect]
    line = line_of.get(suspect) if suspect else min((line_of[k] for k in involved if line_of.get(k)), default=0)
    actual = {"title": meta.get("title_year"), "period": meta.get("period"),
              "published": meta.get("published")}.get(suspect) if suspect else dict(claims or {})
    return make(rule.id, unit=report.unit, year=report.year, severity=severity,
                cells=[report.ref(_CLAIM_CELL[k]) for k in involved if k],
                suspect=report.ref(_CLAIM_CELL[suspect]) if suspect else None,
                candidates=[report.ref(_CLAIM_CELL[k]) for k in involved]
                if suspect is None and claims else None,
                expected=suggestion, actual=actual, suggestion=suggestion,
                source=report.source, where=report.text_where(line), detail=detail)


@kind("meta.regions")
def regions(rule, reports, ctx):
    """M2: a district or county of another city named as one's own (the prose analysis has
    already set aside same-city districts, places visited, and names given with their city)."""
    for report in reports:
        info = report.facts.get("regions") or {}
        if not info.get("home"):
            ctx.skip(rule.id)     # the body's own city is unknown: no place is foreign to it
            continue
        for hit in info.get("foreign", ()):
            yield make(rule.id, unit=report.unit, year=report.year, report=report.identity,
                       severity="warning" if hit.get("same_province") else None,
                       actual=hit["name"], source=report.source, where=report.text_where(hit.get("line", 0)),
                       name=hit["name"], province=hit["province"], city=hit["city"],
                       home=info.get("home"), home_province=info.get("home_province", ""),
                       basis=info.get("basis"), sentence=_excerpt(hit["sentence"], hit["name"]))


@dataclass(frozen=True)
class TemplateParams(Params):
    first_year_2021: int = 2021     # the 2021 tables are used from this data year on


_BASIS = {"2019": "国办公开办函〔2019〕60号", "2021": "国办公开办函〔2021〕30号"}


@kind("meta.template", TemplateParams)
def template(rule, reports, ctx):
    """M4: a report of data year Y uses the tables of Y's generation (2019 for 2019–2020, 2021 from
    2021). The format is what the reader recognised in the tables themselves, so a mismatch is the
    report's, not a guess of ours."""
    first = int(rule.params.get("first_year_2021", 2021))
    for report in reports:
        if report.year is None or report.format not in _BASIS:
            ctx.skip(rule.id)
            continue
        expected = "2021" if report.year >= first else "2019"
        used, which, how = report.format, "统计表", f"表格按 {report.format} 版读取和核对。"
        if used == expected:
            # one table printed in the other generation (readers/generations.py): that table departs
            odd = [(tid, d["format"]) for tid, d in report.facts.get("departures", {}).items() if d["format"] != expected]
            if not odd:
                continue
            used = odd[0][1]
            which = f"表格“{table_template(used).table(odd[0][0]).label}”"
            how = (f"该表按 {used} 版读取，两版相同的格参与核对，其余的格原样记下（见 F4）；"
                   f"其余表格按 {expected} 版读取和核对。")
        yield make(rule.id, unit=report.unit, year=report.year, report=report.identity,
                   expected=expected, actual=used, source=report.source,
                   where=report.text_where(0), used=used, used_basis=_BASIS[used],
                   expected_basis=_BASIS[expected], which=which, how=how)


@kind("meta.sections", SectionsParams)
def sections(rule, reports, ctx):
    """M3: every one of the six outline sections has a heading (only for whole report texts)."""
    min_chars = int(rule.params.get("min_chars", 800))
    for report in reports:
        found = report.facts.get("sections")
        if found is None or report.facts.get("text_chars", 0) < min_chars:
            ctx.skip(rule.id)     # no whole report text to look for headings in
            continue
        have = {int(k) for k in found}
        missing = [n for n in SECTIONS if n not in have]
        if not missing:
            continue
        names = "；".join(f"{'一二三四五六'[n - 1]}、{SECTIONS[n][0]}" for n in missing)
        yield make(rule.id, unit=report.unit, year=report.year, report=report.identity, expected=6, actual=6 - len(missing),
                   source=report.source, where=report.text_where(0), missing=names)


def _excerpt(sentence: str, name: str, width: int = 30) -> str:
    i = sentence.find(name)
    if i < 0 or len(sentence) <= 2 * width:
        return sentence
    a, b = max(0, i - width), min(len(sentence), i + len(name) + width)
    return ("…" if a else "") + sentence[a:b] + ("…" if b < len(sentence) else "")


