"""An evaluator's flat folder: thousands of reports of many units and two years in ONE folder, in an
order that says nothing of their units (numbered as downloaded), with the odd files such a folder
holds (notices, empty files, text-less PDFs, documents that are no report). A sharded check reads
the files in batches from either end (checker/shard.py), so a unit's two years are read by different
workers: this is the input that measures how the groups are brought together after reading.

    python -m bench.flat_folder [--reports 2950] [--units-file] [--runs 1]

Prints wall and CPU time (the whole process tree), peak memory, the reports each worker checked
(XXGK_SHARD_LOG) and the JSON's SHA-256, so that two versions can be compared run by run.
Generated once under bench/out/data/flat-<n> (delete it to regenerate).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from .generate import district, real_districts, write_texts
from .inject import inject
from .measure import run_measured

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
XXGK = str(Path(sys.executable).with_name("xxgk"))
UNITS = 25                 # per district, its own report included; two years each
ODD = {"notice": 20, "empty": 10, "pdf": 10, "docx": 10}


def make(n_reports: int) -> tuple[Path, Path]:
    """The flat folder of about `n_reports` reports (10 % with a known error) and the odd files, and
    the units file of their districts."""
    folder = OUT / "data" / f"flat-{n_reports}"
    if (folder / ".complete").exists():
        return folder / "reports", folder / "units.csv"
    shutil.rmtree(folder, ignore_errors=True)
    flat = folder / "reports"
    flat.mkdir(parents=True)
    rows = [("单位", "上级单位")]
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, name in enumerate(real_districts(max(1, n_reports // (2 * UNITS)))):
            d = district(UNITS - 1, years=(2022, 2023), seed=k, name=name)
            inject(d, round(len(d.reports) * 0.10), seed=k, start=k)
            written += write_texts(d, Path(tmp) / f"d{k}")
            rows += [(d.parent_unit, "")] + [(u, d.parent_unit) for u in d.units]
        odd = [("notice", "关于报送2023年度政府信息公开工作年度报告的通知\n各单位：请于1月31日前报送。\n")] * ODD["notice"]
        odd += [("empty", "")] * ODD["empty"]
        names = [*(p.name for p in written), *(f"{kind}{i}" for i, (kind, _) in enumerate(odd))]
        order = list(range(len(names)))
        random.Random(1).shuffle(order)       # numbered as downloaded: no unit's years side by side
        for slot, i in enumerate(order):
            if i < len(written):
                written[i].rename(flat / f"{slot:05d}_{written[i].name.split('_', 1)[1]}")
            else:
                kind, text = odd[i - len(written)]
                (flat / f"{slot:05d}_{kind}.txt").write_text(text, encoding="utf-8")
    for i in range(ODD["pdf"]):       # a scanned PDF: no text layer
        (flat / f"scan{i}.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                                            b"trailer<</Root 1 0 R>>\n%%EOF\n")
    for i in range(ODD["docx"]):      # not a zip at all
        (flat / f"附件{i}.docx").write_bytes(b"not a word document")
    with open(folder / "units.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    (folder / ".complete").write_text("ok")
    return flat, folder / "units.csv"


def run(n_reports: int, units_file: bool) -> dict:
    reports, units = make(n_reports)
    log = OUT / f"shards-flat-{n_reports}.log"
    log.unlink(missing_ok=True)
    out = OUT / f"flat-{n_reports}.json"
    cmd = [XXGK, "check", str(reports), "--format", "json", *(["--units", str(units)] if units_file else [])]
    with open(out, "wb") as fh:
        m = run_measured(cmd, stdout=fh, env={**os.environ, "XXGK_SHARD_LOG": str(log)}, ok=(0, 1, 2))
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    checked = [int(x) for x in re.findall(r"核对 (\d+) 份", text)]
    return {"files": sum(1 for _ in reports.iterdir()), "seconds": round(m.seconds, 1), "cpu_s": round(m.cpu_seconds, 1),
            "peak_mb": round(m.peak_bytes / 2**20), "exit": m.returncode, "workers_checked": checked,
            "sha256": hashlib.sha256(out.read_bytes()).hexdigest()[:16], "load": round(os.getloadavg()[0], 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="评估者的平铺文件夹：数千份报告在同一文件夹中")
    ap.add_argument("--reports", type=int, default=2950)
    ap.add_argument("--units-file", action="store_true", help="同时给出单位清单（--units）")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args(argv)
    for _ in range(args.runs):
        print(run(args.reports, args.units_file), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
