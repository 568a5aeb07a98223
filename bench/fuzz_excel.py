"""The Excel workflow under hostile workbooks, from the INSTALLED package: xlwings' remote engine
(`xw.Book(json=payload)`, behind xlwings Server) and xlwings Lite (`custom_scripts_call` on the
Lite script), on mutated collection workbooks and generated report sheets (bench/fuzz.py's workbook
mutations, plus payload-level ones: formula text, huge and odd numbers, ragged rows, odd sheet
names, the office's own sheets named 校验结果/概览). Counted per case: a traceback / failed call, a
string handed to Excel that starts like a formula, an answer that is not plain JSON, a sheet of the
workbook gone once the client applied the actions (lost).

    python -m bench.fuzz_excel --python /tmp/venv/bin/python [--cases 300] [--seed 1]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from checker.annotate.remote import workbook_json
from checker.annotate.state import MAGIC

from . import fuzz

ROOT = Path(__file__).resolve().parent.parent
LITE_MAIN = ROOT / "workbooks" / "lite" / "main.py"

# xlwings Lite: XLWINGS_ON_SERVER=true, main.py imported, custom_scripts_call on the payload. The
# remote engine (xlwings Server, the desktop button's code path): checker.excel.run_check(book).
CALL = r"""
import asyncio, importlib.util, json, sys
import xlwings as xw
from xlwings.server import custom_scripts_call
mode, main_py, payload, out = sys.argv[1:5]
book = xw.Book(json=json.load(open(payload, encoding="utf-8")))
if mode == "lite":
    spec = importlib.util.spec_from_file_location("main", main_py)
    main = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(main)
    asyncio.run(custom_scripts_call(main, "xxgk_check", typehint_to_value={xw.Book: book}))
else:
    from checker.excel import run_check
    run_check(book)
json.dump({"actions": book.json()["actions"]}, open(out, "w", encoding="utf-8"), ensure_ascii=False)
"""
FORMULA_START = ("=", "+", "-", "@")
ODD_VALUES = ("=cmd|' /C calc'!A0", "@SUM(A1)", "+1", "-1+2", "=1+1", 1e308, -1e308, 1e-300, -0.0, True, False,
              "#DIV/0!", "#REF!", "2021-01-01T00:00:00", "\u202e123", "１２３", "一二三", "12\x1b3", "9" * 400,
              "", " ", None, 3.5, -7, 2 ** 63, "1e999", "NaN", "\ud800" if False else "\ufffd")


def handed(actions: list[dict]) -> list[str]:
    """Every string the actions give Excel for a cell (values, note and link texts)."""
    out = []
    for a in actions:
        for row in a.get("values") or []:
            out.extend(v for v in (row if isinstance(row, list) else [row]) if isinstance(v, str))
        if a.get("func") in ("addHyperlink", "addNote", "setNoteText"):
            out.extend(v for v in a.get("args", [])[1:] if isinstance(v, str))
    return out


def kept_sheets(names: list[str], actions: list[dict]) -> list[str]:
    """The workbook's own sheets (by their names before) still there once the client has applied
    the actions (add, delete, rename): a sheet deleted and another added under its name is gone."""
    sheets: list[tuple[str | None, str]] = [(n, n) for n in names]      # (name before or None, name now)
    for a in actions:
        if a["func"] == "addSheet":
            sheets.insert(a["args"][0], (None, a["args"][1]))
        elif a["func"] == "sheetDelete":
            del sheets[a["sheet_position"]]
        elif a["func"] == "setSheetName":
            sheets[a["sheet_position"]] = (sheets[a["sheet_position"]][0], a["args"][0])
    return [before for before, _ in sheets if before is not None]


def mutate_payload(rng: random.Random, payload: dict) -> list[str]:
    names = []
    sheets = payload["sheets"]
    for _ in range(rng.choice((1, 2, 3))):
        kind = rng.choice(("values", "ragged", "names", "hidden", "empty", "huge", "own"))
        s = rng.choice(sheets)
        if kind == "values":
            for _ in range(rng.choice((3, 30))):
                if s["values"] and s["values"][0]:
                    r = rng.randrange(len(s["values"]))
                    c = rng.randrange(len(s["values"][r]) or 1)
                    if s["values"][r]:
                        s["values"][r][c] = rng.choice(ODD_VALUES)
        elif kind == "ragged" and s["values"]:
            for row in rng.sample(s["values"], min(5, len(s["values"]))):
                del row[rng.randrange(len(row) + 1):]
        elif kind == "names":
            s["name"] = rng.choice(("=cmd", "Sheet'1", "单位清单", "校验结果", "a" * 31, "汇总 (2)", "_xxgk_facts"))
        elif kind == "hidden":
            s["visibility"] = rng.choice(("Hidden", "VeryHidden"))
        elif kind == "empty":
            s["values"] = [[]]
        elif kind == "huge":
            s["values"] = s["values"] + [["x", 1, 2, 3]] * rng.choice((1000, 20000))
        elif kind == "own":       # the office's own sheet under a name our annotation writes
            name = rng.choice(("校验结果", "概览", "校验结果（xxgk）", "概览（xxgk）", "_xxgk"))
            if name in {x["name"] for x in sheets}:
                continue
            own = {**s, "name": name, "values": [["本单位自己的" + name, 7], ["序号", "复核意见"], [1, "已核实"]],
                   "pictures": [], "shapes": [], "charts": [], "notes": [], "tables": [], "pivot_tables": []}
            sheets.insert(rng.randrange(len(sheets) + 1), own)
        names.append(kind)
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", required=True, help="the python of the venv the wheel is installed in")
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("bench/out/fuzz-excel"))
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    out = a.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    (out / "outside").mkdir(parents=True)
    canary = out / "outside" / "canary.txt"
    canary.write_text(fuzz.CANARY_TEXT, "utf-8")
    xxgk = str(Path(a.python).parent / "xxgk")
    books = [b for b in fuzz.bases(rng, out, xxgk) if b.ext == ".xlsx"]
    wb_mutations = [fuzz.cell_formulas, fuzz.merged_cells, fuzz.hidden_sheets, fuzz.bidi, fuzz.oddchars,
                    fuzz.fullwidth, fuzz.hanzi_numbers, fuzz.huge_numbers, fuzz.injections, fuzz.combining]
    # not far_cell: its used range of 10^10 cells is no payload a client sends
    counts: Counter = Counter()
    failing = []
    t0 = time.monotonic()
    env = {**os.environ, "XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial",
           "PYTHONIOENCODING": "utf-8"}
    for i in range(a.cases):
        base = rng.choice(books)
        ext, data, names = base.ext, base.data, []
        for m in rng.sample(wb_mutations, rng.choice((0, 1, 2))):
            ext, data = m(rng, ext, data, str(canary))
            names.append(m.__name__)
        with tempfile.TemporaryDirectory(dir=out) as tmp:
            path = Path(tmp) / f"{base.name}.xlsx"
            path.write_bytes(data)
            try:
                payload = workbook_json(path)
            except Exception:       # a workbook openpyxl cannot open: Excel would not send it either
                counts["skipped (not a workbook)"] += 1
                continue
            names += mutate_payload(rng, payload)
            payload_file = Path(tmp) / "payload.json"
            payload_file.write_text(json.dumps(payload, ensure_ascii=False, default=str), "utf-8")
            mode = rng.choice(("lite", "remote"))
            answer = Path(tmp) / "answer.json"
            try:
                p = subprocess.run([a.python, "-c", CALL, mode, str(LITE_MAIN), str(payload_file), str(answer)],
                                   capture_output=True, timeout=300, env=env, cwd=tmp)
                code, err = p.returncode, p.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                code, err = None, "timeout"
            fails = set()
            if code is None:
                fails.add("timeout")
            elif code != 0 or "Traceback" in err:
                fails.add("traceback")
            else:
                actions = json.loads(answer.read_text("utf-8"))["actions"]
                bad = [v for v in handed(actions) if v.startswith(FORMULA_START)]
                if bad:
                    fails.add("leak")
                    err = f"formula-led: {bad[:3]}"
                if any(fuzz.CANARY_TEXT in v for v in handed(actions)):
                    fails.add("leak")
                # nothing lost: every sheet the workbook had is still there (but an earlier run's state)
                had = [x["name"] for x in payload["sheets"]]
                ours = {x["name"] for x in payload["sheets"] if (x["values"] or [[None]])[0][:1] == [MAGIC]}
                gone = [n for n in had if n not in ours and n not in kept_sheets(had, actions)]
                if gone:
                    fails.add("lost")
                    err = f"sheets gone: {gone}"
            counts["cases"] += 1
            counts[f"cases ({mode})"] += 1
            for f in fails:
                counts[f] += 1
            if fails:
                keep = out / "failing" / f"c{i:04d}"
                keep.mkdir(parents=True)
                shutil.copy(path, keep / path.name)
                shutil.copy(payload_file, keep / "payload.json")
                failing.append({"case": str(keep), "mode": mode, "mutations": names, "failures": sorted(fails),
                                "detail": err.strip().splitlines()[-3:] if err else []})
            else:
                counts["clean"] += 1
        if (i + 1) % 20 == 0:
            print(f"{i + 1}/{a.cases} {time.monotonic() - t0:.0f}s {dict(counts)}", file=sys.stderr, flush=True)
    (out / "report.json").write_text(json.dumps({"counts": dict(counts), "failing": failing}, ensure_ascii=False,
                                                indent=1), "utf-8")
    print(json.dumps({"counts": dict(counts), "failing": failing[:20]}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
