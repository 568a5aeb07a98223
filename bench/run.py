"""`make bench`: time `xxgk check` on synthetic districts of 1,000, 10,000 and 100,000 reports.

For each input set it prints reports per second, the CPU and peak memory of the whole process tree
(the shard workers that read and check a large run included; each worker's CPU per phase is printed
below its line, from XXGK_SHARD_LOG), and the ratio of the check's time to the reading floor
(bench/floor.py) on the same files; then the
growth from 10,000 to 100,000 reports and the start-up-included time on the five seeds.
Generated inputs are cached under bench/out/data (delete the folder to regenerate).

    python -m bench.run [--sizes 1000 10000 100000] [--mixed 1000 10000] [--workbooks 1000 10000]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path

from .floor import floor_measure
from .generate import district, real_districts, write_texts, write_workbook
from .inject import TABLE_KINDS, inject
from .measure import run_measured

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
XXGK = str(Path(sys.executable).with_name("xxgk"))
PER_DISTRICT = 50          # units per district and year, the district's own report included
ERROR_SHARE = 0.10         # the share of reports given a known error (bench.inject, every kind)
TARGETS = {"seconds_100k": 60.0, "memory_gb": 4.0, "floor_ratio_10k": 1.5, "growth_10x": 11.0, "seeds_s": 1.5}


def make_inputs(n: int, kind: str) -> tuple[Path, Path, list[Path]]:
    """A city of districts (each a district report + 49 units over two years) totalling `n` reports,
    ERROR_SHARE of them with one known error (several kinds change several cells of one report).
    kind: `text2021` (2022–2023, format 2021), `text` (2020–2021: both formats), `workbook` (2020–2021,
    one collection workbook per district)."""
    years = (2022, 2023) if kind == "text2021" else (2020, 2021)
    folder = OUT / "data" / f"{kind}-{n}-errors{round(ERROR_SHARE * 100)}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "reports").mkdir(parents=True)
        rows = [("单位", "上级单位")]
        start = time.perf_counter()
        count = max(1, n // (PER_DISTRICT * len(years)))
        for k, name in enumerate(real_districts(count)):
            d = district(PER_DISTRICT - 1, years=years, seed=k, name=name)
            # 10 % of the reports carry an error (a workbook has no prose: table errors only);
            # the kinds rotate per district so that every kind is everywhere
            inject(d, round(len(d.reports) * ERROR_SHARE), seed=k, start=k,
                   only=TABLE_KINDS if kind == "workbook" else None)
            if kind == "workbook":
                write_workbook(d, folder / "reports" / f"district{k + 1:05d}.xlsx")
            else:
                write_texts(d, folder / "reports" / f"d{k + 1:05d}")
            rows += [(d.parent_unit, "")] + [(u, d.parent_unit) for u in d.units]
        with open(folder / "units.csv", "w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(rows)
        done.write_text(f"{time.perf_counter() - start:.1f}")
        print(f"  生成 {kind} {n}：{time.perf_counter() - start:.1f} s", flush=True)
    files = sorted(p for p in (folder / "reports").rglob("*") if p.is_file())
    return folder / "reports", folder / "units.csv", files


def bench_one(n: int, kind: str) -> dict:
    reports, units, files = make_inputs(n, kind)
    load = os.getloadavg()[0]
    # large runs are read and checked in worker processes (checker/shard.py): each logs its own CPU per phase
    log = OUT / f"shards-{kind}-{n}.log"
    log.unlink(missing_ok=True)
    m = run_measured([XXGK, "check", str(reports), "--units", str(units), "--format", "json"],
                     env={**os.environ, "XXGK_SHARD_LOG": str(log)})
    floor, floor_cpu = floor_measure(files)
    row = {"kind": kind, "reports": n, "files": len(files), "seconds": round(m.seconds, 2),
           "reports_per_s": round(n / m.seconds), "cpu_s": round(m.cpu_seconds, 2),
           "cpu_ms_per_report": round(m.cpu_seconds / n * 1000, 3), "peak_mb": round(m.peak_bytes / 2**20),
           "floor_s": round(floor, 2), "floor_ratio": round(m.seconds / floor, 2),
           "floor_cpu_s": round(floor_cpu, 2), "floor_cpu_ratio": round(m.cpu_seconds / max(floor_cpu, 1e-3), 1),
           "load_before": round(load, 1), "exit": m.returncode,
           "shards": log.read_text(encoding="utf-8").splitlines() if log.exists() else []}
    # the load average before the run says how much other work shared the two cores (wall time grows with it)
    print(f"  {kind:9} {n:>7} 份：{row['seconds']:>7.2f} s  {row['reports_per_s']:>6} 份/秒  "
          f"CPU {row['cpu_s']:.1f} s（{row['cpu_ms_per_report']:.2f} ms/份）  峰值内存 {row['peak_mb']:>5} MB  "
          f"读取下限 {row['floor_s']:.2f} s  倍数 {row['floor_ratio']:.2f}  负载 {load:.1f}  退出码 {m.returncode}",
          flush=True)
    for line in row["shards"]:
        print(f"    {line}", flush=True)
    return row


def bench_seeds() -> float:
    seeds = ROOT / "tests" / "fixtures" / "seeds"
    times = [run_measured([XXGK, "check", str(seeds), "--format", "json"]).seconds for _ in range(3)]
    print(f"  五份样本报告（含启动）：最好 {min(times):.2f} s，三次 {', '.join(f'{t:.2f}' for t in times)}", flush=True)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="xxgk check 性能基准")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--mixed", type=int, nargs="*", default=[1000, 10000], help="两种格式的文本报告规模")
    ap.add_argument("--workbooks", type=int, nargs="*", default=[1000, 10000], help="工作簿输入的规模")
    ap.add_argument("--readme", action="store_true", help="把结果表写入 README 的性能一节")
    a = ap.parse_args(argv)
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} 核, Python {platform.python_version()}"
    print(f"机器：{machine}", flush=True)
    rows = [bench_one(n, "text2021") for n in a.sizes]
    rows += [bench_one(n, "text") for n in a.mixed]
    rows += [bench_one(n, "workbook") for n in a.workbooks]
    seeds = bench_seeds()
    by = {(r["kind"], r["reports"]): r for r in rows}
    summary = {"machine": machine, "rows": rows, "seeds_s": round(seeds, 2), "targets": TARGETS}
    if ("text2021", 10000) in by and ("text2021", 100000) in by:
        big, small = by[("text2021", 100000)], by[("text2021", 10000)]
        summary["growth_10x"] = round(big["seconds"] / small["seconds"], 2)
        print(f"  10 倍规模耗时倍数：{summary['growth_10x']}（目标 ≤ {TARGETS['growth_10x']}）")
        print(f"  10 万份：{big['seconds']} s（目标 < {TARGETS['seconds_100k']} s），峰值内存 "
              f"{big['peak_mb'] / 1024:.2f} GB（目标 < {TARGETS['memory_gb']} GB）")
    if ("text2021", 10000) in by:
        print(f"  1 万份读取下限倍数：{by[('text2021', 10000)]['floor_ratio']}（目标 ≤ {TARGETS['floor_ratio_10k']}）")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    (OUT / "results.md").write_text(markdown(summary), encoding="utf-8")
    print(f"结果已写入 {OUT / 'results.json'} 和 {OUT / 'results.md'}（README 性能一节的表格）")
    if a.readme:
        update_readme(ROOT / "README.md", markdown(summary))
        print("README 的性能表已更新")
    return 0


def update_readme(path: Path, table: str, marker: str = "bench-table") -> None:
    """Replace the text between the README's `marker` comments with `table`."""
    start, end = f"<!-- {marker} -->\n", f"<!-- /{marker} -->"
    text = path.read_text(encoding="utf-8")
    i, j = text.index(start) + len(start), text.index(end)
    path.write_text(text[:i] + table + text[j:], encoding="utf-8")


KIND_NAMES = {"text2021": "文本，2021 版", "text": "文本，2019 与 2021 版混合", "workbook": "汇总工作簿（每区一个）"}


def markdown(summary: dict) -> str:
    """The README's table: one line per input set, then the seeds."""
    lines = ["| 输入 | 报告数 | 文件数 | 用时 (s) | 份/秒 | CPU (s) | CPU ms/份 | 峰值内存 (MB) "
             "| 读取下限 (s) | 用时/下限 | 运行前负载 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in summary["rows"]:
        lines.append(f"| {KIND_NAMES.get(r['kind'], r['kind'])} | {r['reports']:,} | {r['files']:,} | {r['seconds']} "
                     f"| {r['reports_per_s']:,} | {r['cpu_s']} | {r['cpu_ms_per_report']} | {r['peak_mb']:,} "
                     f"| {r['floor_s']} | {r['floor_ratio']} | {r['load_before']} |")
    lines.append(f"\n五份样本报告 `xxgk check`（含启动，三次最好）：{summary['seeds_s']} s。")
    if "growth_10x" in summary:
        lines.append(f"1 万份到 10 万份（2021 版文本）的耗时倍数：{summary['growth_10x']}。")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
