"""The risk of deciding a report's open rows from the other reports (checker/crossread.py): crawler
renditions of generated districts over four years (R6–R9 all apply) whose reports carry errors, read
and checked together as `xxgk check FOLDER --units` does, every cell compared with the printed one.

    python -m bench.crossread_stress [--units 12] [--seeds 1,2,3] [--share 0.1] [--errors 1]
                                     [--mode robust|joint|none]

`--share` of the reports get one to `--errors` wrong count cells (a typo, a stray digit, two digits
swapped, in any table). Modes: `robust` is the checker as shipped; `joint` without its
leave-one-out rule (docs/crossread.md, rule 3); `none` without the cross-report step at all (what
the text alone gives). A wrong cell here is a cell read as a number that is not the printed one.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from checker import crossread
from checker.templates import template

from .generate import district
from .inject import _mutate
from .renditions import Score, crawler_text, read_checked, truth, write_units


def run(units: int, seeds: list[int], share: float, errors: int, mode: str) -> tuple[Score, int]:
    saved = crossread.resolve, crossread.ROBUST
    if mode == "none":
        crossread.resolve = lambda *a, **k: 0     # type: ignore[assignment]
    crossread.ROBUST = mode != "joint"
    score, decided = Score(), 0
    try:
        for seed in seeds:
            rng = random.Random(seed)
            reps = district(units, (2019, 2020, 2021, 2022), seed).reports
            for r in reps:
                if rng.random() < share:
                    cells = [c.id for c in template(r.format).cells if c.kind == "count" and r.get(c.id) is not None]
                    for _ in range(rng.randint(1, errors)):
                        cid = rng.choice(cells)
                        v = _mutate(rng.choice(("typo", "stray_digit", "transposition")), r.get(cid), rng)
                        if v is not None:
                            r.set(cid, v)
            with tempfile.TemporaryDirectory(prefix="xxgk-crossread-") as tmp:
                folder = Path(tmp) / "crawler"
                folder.mkdir()
                paths = [folder / f"r{n:04d}.txt" for n in range(len(reps))]
                for p, r in zip(paths, reps):
                    p.write_text(crawler_text(r), encoding="utf-8")
                got = read_checked(paths, write_units(reps, Path(tmp) / "units.csv"))
                for p, r in zip(paths, reps):
                    g = got.get(p.name)
                    score.add(g, truth(r), p.name)
                    decided += sum(f.rule == "F3" and f.severity == "info" for f in (g.findings if g else []))
    finally:
        crossread.resolve, crossread.ROBUST = saved
    return score, decided


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="跨报告判定连写数字的风险：带错报告的爬虫文本")
    ap.add_argument("--units", type=int, default=12)
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--share", type=float, default=0.1, help="带错报告的比例")
    ap.add_argument("--errors", type=int, default=1, help="每份带错报告最多几个错格")
    ap.add_argument("--mode", choices=("robust", "joint", "none"), default="robust")
    a = ap.parse_args(argv)
    score, decided = run(a.units, [int(s) for s in a.seeds.split(",")], a.share, a.errors, a.mode)
    row = score.row()
    print(f"{a.mode}: {row['files']} 份，读对 {row['right_pct']} %，读错 {row['wrong']} 格，"
          f"跨报告判定 {decided} 行")
    for ex in row["wrong_examples"]:
        print("  读错：" + ex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
