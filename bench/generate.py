"""Synthetic districts: a district (the parent, reporting the sum of its units) and N units over
several years, every rule holding (R1–R4 within a report, R6 carry-over, R7/R8 across years, R9
parent = sum of units), with plausible small counts and many zeros like real reports. Format 2019
for 2019–2020 and 2021 for 2021 on.

`district()` builds the reports in memory; `write_texts` writes them as text reports in the seeds'
layout, `write_workbook` as a collection workbook (checker.collection), `write_units` the units CSV.
`inject()` (bench/inject.py) adds known errors with a record of the truth.

    python -m bench.generate OUT_DIR [--districts 1] [--units 50] [--years 2019 2020 2021] [--errors 40]
                             [--seed 1] [--workbook] [--draw fixed|real]

`draw` chooses how 表二's 处理决定数量 are drawn (cells only the district's sum checks): `fixed` (the
default, what every bench measured before session 12) from ten values, `real` as the hand-typed real
corpus prints them (`DecisionsDraw`; measured by `python -m bench.real_values`).
"""
from __future__ import annotations

import csv
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

from checker.model import Report
from checker.templates import format_for_year, template

DISTRICTS = ("道里区", "南岗区", "道外区", "香坊区", "平房区", "松北区", "呼兰区", "阿城区", "双城区")
CITY = "哈尔滨市"
OFFICES = ("人民政府办公室", "发展和改革局", "教育局", "科学技术局", "工业和信息化局", "民政局", "司法局", "财政局",
           "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局",
           "水务局", "商务局", "文化广电和旅游局", "卫生健康局", "退役军人事务局", "应急管理局", "审计局",
           "市场监督管理局", "统计局", "医疗保障局", "城市管理局", "信访局", "营商环境建设局", "民族宗教事务局",
           "林业和草原局", "机关事务服务中心", "政务服务中心", "融媒体中心", "城市管理综合执法局", "档案馆")
STREETS = ("安静", "抚顺", "新阳路", "工农", "尚志", "斯大林", "兆麟", "经纬", "共乐", "新华", "城乡路", "群力",
           "康安", "建国", "通达", "顾乡", "正阳河", "友谊路", "新发", "太平", "管理", "机场路", "榆树", "新农")
RESULT_WEIGHTS = {
    "granted": 40, "partly_granted": 8, "denied.third_party": 3, "denied.process": 3, "denied.internal": 2,
    "unavailable.not_held": 18, "unavailable.needs_creation": 4, "unavailable.unclear": 3,
    "not_processed.petition": 8, "not_processed.duplicate": 5, "not_processed.publication": 1,
    "other": 5, "other.no_correction": 3, "other.other": 2,
}
APPLICANTS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org")
SECTIONS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进措施", "六、其他需要报告的事项")


@dataclass
class District:
    name: str                               # the district, e.g. 哈尔滨市道里区
    parent_unit: str                        # the district's own aggregate report's unit
    units: list[str]
    years: list[int]
    reports: list[Report] = field(default_factory=list)
    truth: list = field(default_factory=list)          # bench.inject.Injected records
    prose: dict = field(default_factory=dict)          # (unit, year) -> (received, granted) as stated
    decisions: dict = field(default_factory=dict)      # (unit, year) -> (cell, value) the prose states
    periods: dict = field(default_factory=dict)        # (unit, year) -> year the period sentence states

    def parents(self) -> dict[str, str]:
        return {u: self.parent_unit for u in self.units}

    def hierarchy(self):
        """The district's units as a `units.Hierarchy` (what a units file would give)."""
        from checker.units import Hierarchy
        h = Hierarchy(source="(generated)")
        h.parents[self.parent_unit] = None
        h.parents.update(self.parents())
        return h

    def report(self, unit: str, year: int) -> Report:
        return next(r for r in self.reports if r.unit == unit and r.year == year)


def unit_names(district: str, n: int) -> list[str]:
    names = [district + o for o in OFFICES] + [district + s + "街道办事处" for s in STREETS]
    k = 1
    while len(names) < n:
        names.append(f"{district}第{k}社区服务中心")
        k += 1
    return names[:n]


def district(n_units: int = 50, years=(2019, 2020, 2021), seed: int = 1, name: str = "道里区",
             draw: str = "fixed") -> District:
    """A consistent district: `n_units` units and the district's aggregate, for each of `years`
    (`draw`: how 处理决定数量 are drawn, one of DRAWS)."""
    if draw not in DRAWS:
        raise ValueError(f"draw must be one of {DRAWS}")
    rng = random.Random(seed)
    d = District(CITY + name, name + "人民政府", unit_names(name, n_units), list(years))
    # the real draw has its own random stream: every other cell (and so the errors injected later,
    # except where they pick a 处理决定数量) is the same under both draws
    real = random.Random(seed * 104729 + 11)
    state = {u: _UnitState(rng, DecisionsDraw(real) if draw == "real" else None) for u in d.units}
    for y in years:
        fmt = format_for_year(y)
        kids = []
        for u in d.units:
            r = Report(source=f"{u}{y}.txt", unit=u, year=y, parent=d.parent_unit)
            r.set_format(fmt)
            state[u].fill(r, rng)
            kids.append(r)
        parent = Report(source=f"{d.parent_unit}{y}.txt", unit=d.parent_unit, year=y)
        parent.set_format(fmt)
        tpl = template(fmt)
        total = sum(k.values for k in kids)
        for c, spec in enumerate(tpl.cells):
            v = float(total[c])
            if spec.kind in ("money", "wan"):
                v = round(v, 2)
                parent.set(spec.id, v, decimals=2)
            else:
                parent.set(spec.id, v)
        d.reports.extend(kids + [parent])
    for r in d.reports:
        _finish_meta(r)
        d.prose[(r.unit, r.year)] = (r.get("requests.received.total"), r.get("requests.granted.total"))
        d.periods[(r.unit, r.year)] = r.year
    _state_decisions(d, random.Random(seed * 7919 + 17))
    return d


# Real reports sometimes state a 处理决定数量 in their prose ("作出行政处罚决定784起": 2 of the 24
# 2019/2021-format reports in /work/shared/corpus, their largest such cell, equal to the table).
# Re-measured over every real text we hold (tests/fixtures/seeds and corpus, /work/shared/corpus,
# the 25 other provinces' pages): 3 of 75 2019/2021-format reports, always 行政处罚, never 许可/强制.
DECISIONS_SHARE = 0.04
DECISION_CELLS = ("active.licensing.decisions", "active.penalty.decisions", "active.enforcement.decisions")


def _state_decisions(d: District, rng: random.Random) -> None:
    """Which reports state their largest 处理决定数量 in the prose (an own random stream: the
    tables, and the errors injected later, are the same with or without it)."""
    for r in d.reports:
        if rng.random() < DECISIONS_SHARE:
            value, cell = max((r.get(c) or 0, c) for c in DECISION_CELLS)
            if value:
                d.decisions[(r.unit, r.year)] = (cell, value)


def real_districts(n: int) -> list[str]:
    """`n` real county-level names with their city ("南京市玄武区"), in code order, so the reports'
    home city is known and rule M2 (regions of another city) is evaluated as on real reports;
    numbered names ("第1区") only past China's ~2,800 counties."""
    from checker.prose.regions import divisions
    d = divisions()
    names = [d.city_name(p.city) + p.name for code, p in sorted(d.by_code.items())
             if p.level == "county" and p.name in d.names][:n]
    return names + [f"第{k}区" for k in range(1, n - len(names) + 1)]


def many(n_districts: int, n_units: int = 50, years=(2019, 2020, 2021), seed: int = 1,
         draw: str = "fixed") -> list[District]:
    """Several districts (for the benchmark): Harbin's districts first, then numbered ones."""
    names = list(DISTRICTS) + [f"第{k}区" for k in range(1, max(0, n_districts - len(DISTRICTS)) + 1)]
    return [district(n_units, years, seed * 1000 + k, names[k], draw) for k in range(n_districts)]


def _finish_meta(r: Report) -> None:
    y = r.year
    r.period = f"{y}-01-01/{y}-12-31"
    r.published = f"{y + 1}-01-20"
    r.title = f"{r.unit}{y}年政府信息公开工作年度报告"


DRAWS = ("fixed", "real")
FIXED_DECISIONS = (0, 0, 0, 1, 3, 7, 15, 48, 126, 2483)      # the `fixed` draw of a 2021 report's cell


class DecisionsDraw:
    """A unit's 处理决定数量 as real reports print them (`python -m bench.real_values`: 466 hand-typed
    real pages, the Pingtan zone's own report left out): most units never print one in a row (they
    hold no such power), the others a figure of their own size, spread over orders of magnitude, that
    moves from year to year. Per row: share of units that print one (real share of non-zero cells),
    and the range their size is drawn from log-uniformly (real non-zero values: quartiles)."""
    ROWS = {                 # row: (share non-zero, smallest, largest size)
        "licensing": (0.29, 1, 10_000),          # 35/119 non-zero; 1 … 7,677, quartiles 16 / 112 / 650
        "penalty": (0.36, 1, 1_000),             # 41/115; 1 … 887, quartiles 9 / 57 / 159
        "enforcement": (0.05, 10, 500),          # 6/113; 21 … 452
        "other_services": (0.06, 10, 20_000),    # 2/35 (format 2019 only): 24, 14,397
    }
    WOBBLE = 0.6             # year to year: log-normal spread (Pingtan departments' years: ×/÷ 1.2–2.6)

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.size = {row: math.exp(rng.uniform(math.log(lo), math.log(hi))) if rng.random() < share else 0.0
                     for row, (share, lo, hi) in self.ROWS.items()}

    def value(self, row: str) -> float:
        size = self.size[row]
        return float(round(size * math.exp(self.rng.gauss(0, self.WOBBLE)))) if size else 0.0


class _UnitState:
    """What carries over between a unit's years: requests carried forward, item counts, stocks."""

    def __init__(self, rng: random.Random, decisions: DecisionsDraw | None = None):
        self.decisions = decisions          # None: the fixed draw
        self.busy = rng.random()                    # how many requests this unit gets
        self.forward = {c: 0 for c in APPLICANTS}
        self.items = {r: rng.choice((0, 0, 0, 1, 2, 5, 12, 30)) for r in
                      ("licensing", "other_services", "penalty", "enforcement", "fees")}
        self.change = {r: 0 for r in self.items}
        self.in_force = {"regulations": 0, "normative_docs": rng.choice((0, 0, 1, 3, 8))}
        self.published = {"regulations": 0, "normative_docs": rng.choice((0, 2, 5))}

    def fill(self, r: Report, rng: random.Random) -> None:
        self._requests(r, rng)
        self._appeals(r, rng)
        (self._active_2019 if r.format == "2019" else self._active_2021)(r, rng)

    def _requests(self, r: Report, rng: random.Random) -> None:
        tpl = template(r.format)
        results = [row.id for row in tpl.table("requests").rows if row.id in RESULT_WEIGHTS]
        weights = [RESULT_WEIGHTS[x] for x in results]
        rows = {row.id: {} for row in tpl.table("requests").rows}
        for c in APPLICANTS:
            if c == "natural_person":
                new = 0 if rng.random() > 0.3 + self.busy else rng.choice((1, 2, 3, 4, 6, 9, 12, 15, 23, 38, 57))
            else:
                new = rng.choice((1, 2)) if rng.random() < 0.08 * self.busy else 0
            over = self.forward[c]
            forward = rng.choice((0, 0, 0, 1)) if new + over > 0 else 0
            handled = new + over - forward
            counts = {x: 0 for x in results}
            for _ in range(handled):
                counts[rng.choices(results, weights)[0]] += 1
            for row in rows:
                rows[row][c] = counts.get(row, 0)
            rows["received"][c], rows["carried_over"][c] = new, over
            rows["handled_total"][c], rows["carried_forward"][c] = handled, forward
            self.forward[c] = forward
        for row, cols in rows.items():
            for c, v in cols.items():
                r.set(f"requests.{row}.{c}", v)
            r.set(f"requests.{row}.total", sum(cols.values()))

    def _appeals(self, r: Report, rng: random.Random) -> None:
        for g in ("review", "direct_suit", "suit_after_review"):
            parts = {k: (rng.choice((0, 0, 0, 0, 0, 0, 1, 1, 2)) if g == "review" else rng.choice((0,) * 12 + (1,)))
                     for k in ("upheld", "corrected", "other", "pending")}
            for k, v in parts.items():
                r.set(f"appeals.count.{g}.{k}", v)
            r.set(f"appeals.count.{g}.total", sum(parts.values()))

    def _active_2019(self, r: Report, rng: random.Random) -> None:
        for row in ("regulations", "normative_docs"):
            made = 0 if row == "regulations" else rng.choice((0, 0, 1, 2, 3))
            self.published[row] += made
            r.set(f"active.{row}.made", made)
            r.set(f"active.{row}.published", made)
            r.set(f"active.{row}.total_published", self.published[row])
        for row in self.items:
            self.items[row] += self.change[row]
            self.change[row] = rng.choice((0, 0, 0, 1, 2, -1)) if self.items[row] > 1 else rng.choice((0, 1))
            r.set(f"active.{row}.prev_items", self.items[row])
            r.set(f"active.{row}.change", self.change[row])
            if row != "fees":
                busy = self.items[row] * rng.choice((0, 1, 3, 10, 40))
                r.set(f"active.{row}.decisions", self.decisions.value(row) if self.decisions else busy)
        r.set("active.procurement.items", rng.choice((0, 0, 1, 2, 4)))
        amount = 0.0 if r.get("active.procurement.items") == 0 else round(rng.uniform(1, 400), 2)
        r.set("active.procurement.amount", amount, decimals=2)

    def _active_2021(self, r: Report, rng: random.Random) -> None:
        for row in ("regulations", "normative_docs"):
            issued = 0 if row == "regulations" else rng.choice((0, 0, 1, 2))
            repealed = min(self.in_force[row], rng.choice((0, 0, 0, 1)))
            self.in_force[row] += issued - repealed
            r.set(f"active.{row}.issued", issued)
            r.set(f"active.{row}.repealed", repealed)
            r.set(f"active.{row}.in_force", self.in_force[row])
        for row in ("licensing", "penalty", "enforcement"):
            fixed = rng.choice(FIXED_DECISIONS)          # drawn under both draws: the stream stays the same
            r.set(f"active.{row}.decisions", self.decisions.value(row) if self.decisions else fixed)
        amount = rng.choice((0.0, 0.0, round(rng.uniform(0.1, 90), 2)))
        r.set("active.fees.amount_wan", amount, decimals=2)


# --- writing ----------------------------------------------------------------------------------
def write_units(d: District | list[District], path: Path) -> Path:
    """The units CSV (单位, 上级单位) of one district or several."""
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["单位", "上级单位"])
        for one in (d if isinstance(d, list) else [d]):
            w.writerow([one.parent_unit, ""])
            for u in one.units:
                w.writerow([u, one.parent_unit])
    return path


def write_texts(d: District, folder: Path) -> list[Path]:
    from .text_layout import report_text
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n, r in enumerate(d.reports):
        p = folder / f"{n:05d}_{r.unit}_{r.year}.txt"
        received, granted = d.prose[(r.unit, r.year)]
        p.write_text(report_text(r, received, granted, d.periods[(r.unit, r.year)], d.decisions.get((r.unit, r.year))),
                     encoding="utf-8")
        out.append(p)
    return out


def write_workbook(d: District, path: Path) -> Path:
    """The collection workbook (checker.collection) through `xxgk import`'s writer."""
    from checker.workbook import write_collection
    coll = write_collection(d.reports, d.parents())
    coll.workbook.save(path)
    return Path(path)


def main(argv: list[str] | None = None) -> None:
    import argparse
    from .inject import inject
    ap = argparse.ArgumentParser(description="生成一致的合成区县年报（可注入已知错误）")
    ap.add_argument("out", type=Path)
    ap.add_argument("--districts", type=int, default=1)
    ap.add_argument("--units", type=int, default=50)
    ap.add_argument("--years", type=int, nargs="+", default=[2019, 2020, 2021])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workbook", action="store_true", help="也写出汇总工作簿")
    ap.add_argument("--draw", choices=DRAWS, default="fixed",
                    help="处理决定数量的取值：fixed 十个固定值（以往的测量），real 按真实报告的分布")
    a = ap.parse_args(argv)
    ds = (many(a.districts, a.units, a.years, a.seed, a.draw) if a.districts > 1
          else [district(a.units, a.years, a.seed, draw=a.draw)])
    for d in ds:
        if a.errors:
            inject(d, a.errors, a.seed)
        write_texts(d, a.out / "reports" / d.name if len(ds) > 1 else a.out / "reports")
        if a.workbook:
            write_workbook(d, a.out / f"{d.name}.xlsx")
    write_units(ds, a.out / "units.csv")
    print(f"已生成 {sum(len(d.reports) for d in ds)} 份报告、{sum(len(d.truth) for d in ds)} 处注入错误：{a.out}")


if __name__ == "__main__":
    main()
