"""Why crawler-flattened text leaves cells unread: each unread cell of the rendition benchmark's
crawler text (bench.renditions), by what its printed row allows.

    python -m bench.crawler_unread [--units 12] [--seed 3]

Kinds: a 表二 row whose digits have one full split but also fit a split with a blank cell (a blank
leaves no trace); a 表二 row with several full splits; a row that holds a printed blank
(one digit short: which cell is blank cannot be known); 政府集中采购 (items + an amount with decimals,
no sum); a row of 表三/表四 that splits several ways the table's equations allow (a row they need
was not read); a 表四 row its groups' sums split one way only, which a slip in one of its cells
could also have printed as another split (runtogether._slips).

For each kind it also counts the cells whose row is a true ambiguity of the page: the reader's own
candidate list (the splits its text, its table's equations and its prose allow, as the F3 lists
them) holds the printed row and at least one other. No reading of that text alone can tell those
apart; only another report (checker/crossread.py) could, and did not.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from checker.crossread import UNDECIDED
from checker.readers.runsplit import row_candidates
from checker.readers.runtogether import items_not_negative
from checker.templates import template

from .renditions import _text, crawler_text, read_checked, reports, truth, write_units

KINDS = {
    "blank_may_hide": "表二：只有一种完整拆法，但也可能藏着一个空白格",
    "several_splits": "表二：有几种完整拆法",
    "row_holds_blank": "行里印着空白格（空格可能藏着任何数：只有本表等式定得下的格才读）",
    "procurement": "表二：政府集中采购（项目数量 + 带小数的金额）",
    "undecided": "表三/表四：几种拆法都合乎本表等式（等式要用的行没读出）",
    "one_slip": "表四：按各组合计只有一种拆法，但某一格填错时另有只一组不合合计的拆法（表四没有行间等式可核对）",
}


def kind_of(table: str, row, printed: list[float | None]) -> str:
    if any(v is None for v in printed):
        return "row_holds_blank"
    if table == "active" and row.id == "procurement":
        return "procurement"
    if table == "appeals" and len(row_candidates("".join(_text(v) for v in printed), table, len(printed))[0]) == 1:
        return "one_slip"
    if table != "active":
        return "undecided"
    signed = frozenset(i for i, c in enumerate(row.columns) if c.kind == "signed")
    splits, _ = row_candidates("".join(_text(v) for v in printed), table, len(printed), signed=signed)
    splits = items_not_negative(row, splits)
    full = [c for c in splits if None not in c]
    return "several_splits" if len(full) > 1 else "blank_may_hide"


def _same(split: tuple, printed: list[float | None]) -> bool:
    return len(split) == len(printed) and all(
        (a is None) == (b is None) and (a is None or abs(float(a) - float(b)) < 1e-6) for a, b in zip(split, printed))


def breakdown(units: int, seed: int, ambiguous: Counter | None = None) -> tuple[int, Counter]:
    """Cells, and unread cells by (table, kind); `ambiguous` gets the unread cells, by the same key,
    whose row's candidate list holds the printed row and another."""
    cells, unread = 0, Counter()
    with tempfile.TemporaryDirectory(prefix="xxgk-crawler-") as tmp:
        reps = reports(units, seed, archive=True)
        folder = Path(tmp) / "crawler"
        folder.mkdir()
        paths = []
        for n, r in enumerate(reps):
            paths.append(folder / f"r{n:04d}.txt")
            paths[-1].write_text(crawler_text(r), encoding="utf-8")
        # read as the benchmark reads them: the folder checked together (checker/crossread.py)
        read = read_checked(paths, write_units(reps, Path(tmp) / "units.csv"))
        for path, r in zip(paths, reps):
            got = read[path.name]
            t = truth(r)
            tpl = template(r.format)
            cells += len(tpl.cells)
            for table in ("active", "requests", "appeals"):
                for row in tpl.table(table).rows:
                    ids = [f"{table}.{row.id}.{c.id}" for c in row.columns]
                    missed = [c for c in ids if got.get(c) is None and t[c] is not None]
                    if missed:
                        printed = [t[c] for c in ids]
                        key = (table, kind_of(table, row, printed))
                        unread[key] += len(missed)
                        listed = [u.candidates for u in got.facts.get(UNDECIDED, []) if tuple(u.cells) == tuple(ids)]
                        if ambiguous is not None and listed and len(listed[0]) > 1 and \
                                any(_same(c, printed) for c in listed[0]):
                            ambiguous[key] += len(missed)
    return cells, unread


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="爬虫扁平文本中未读单元格的原因")
    ap.add_argument("--units", type=int, default=12)
    ap.add_argument("--seed", type=int, default=3)
    a = ap.parse_args(argv)
    ambiguous: Counter = Counter()
    cells, unread = breakdown(a.units, a.seed, ambiguous)
    total = sum(unread.values())
    print(f"单元格 {cells:,}，未读 {total}（{100 * total / cells:.2f} %）；"
          f"其中 {sum(ambiguous.values())} 格所在行的候选拆法含原表所印且不止一种（仅凭本报告文本无从区分）")
    for (table, kind), n in unread.most_common():
        print(f"{n:6d}  {table:9s} {KINDS[kind]}（候选含原表且不止一种：{ambiguous[(table, kind)]}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
