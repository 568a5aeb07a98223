"""Every error and warning `xxgk check` gives on real report texts, one line each, to be judged by
hand against the printed page (bench/NOTES.md, "False findings on real reports"):

    python -m bench.real_findings FOLDER... [--out findings.tsv]

Each folder is checked as users check it (one `xxgk check --format json` run per folder, so a
unit's reports of several years meet R6–R8 and T1). Columns: folder, file, rule, severity, message.
The third-party texts are not in the repository; NOTES names their sources.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path


def findings(folder: Path) -> list[tuple[str, str, str, str, str]]:
    xxgk = Path(sys.executable).with_name("xxgk")
    out = subprocess.run([str(xxgk), "check", "--format", "json", str(folder)], capture_output=True, text=True)
    rows = []
    for f in json.loads(out.stdout or '{"findings": []}')["findings"]:
        if f["severity"] in ("error", "warning"):
            rows.append((folder.name, Path(f.get("source") or "?").name, f["rule"], f["severity"],
                         f["message"].replace("\t", " ").replace("\n", " ")))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    rows = [row for folder in args.folders for row in findings(folder)]
    text = "".join("\t".join(r) + "\n" for r in rows)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    for (rule, severity), n in sorted(Counter((r[2], r[3]) for r in rows).items()):
        print(f"{rule}\t{severity}\t{n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
