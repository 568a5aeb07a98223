"""Real tables in every rendition users hold: real saved pages (tests/fixtures/corpus/renditions-real-2,
SOURCES.md there: the pingtan archive's page.html tables, merged cells, odd widths, header cells one
character a paragraph, a page pasted from Word) and what a user makes of each — the crawler's page text (real), a browser's copy
(tabs), the page opened in a spreadsheet and saved as a workbook, Word and PDF via LibreOffice, the PDF's
`pdftotext -layout` and plain `pdftotext` text. Each file is read through the real CLI (`xxgk extract`)
and every hand-typed cell compared:

    right   the value read is the printed one
    unread  left blank (and named by an F3/F4): honest, not read
    WRONG   a value that is not the printed one — must be 0 (exit 1 otherwise)

    python -m bench.real_renditions [--render] [--json]

`--render` makes the derived files again from each page (LibreOffice and poppler needed); without it the
committed ones are read, so the numbers are the same on every machine.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from .real_corpus import extract_reports, row_cells

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "fixtures" / "corpus" / "renditions-real-2"
DERIVED = ("copy.txt", "xlsx", "docx", "pdf", "layout.txt", "pdftotext.txt")


class _Copy(HTMLParser):
    """A browser's select-all + copy (innerText): a block ends a line, cells of a row are tab separated,
    the paragraphs inside one cell are lines of that cell, `&nbsp;` stays a no-break space."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.cell = self.in_td = self.paras = 0

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.cell = 0
        elif tag == "td":
            if self.cell:
                self.out.append("\t")
            self.cell += 1
            self.in_td += 1
            self.paras = 0
        elif tag == "p" and self.in_td:
            if self.paras:
                self.out.append("\n")
            self.paras += 1
        elif tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag == "td":
            self.in_td -= 1
        elif tag == "tr":
            self.out.append("\n")
        elif tag in ("p", "div", "title") and not self.in_td:
            self.out.append("\n")

    def handle_data(self, data):
        if self.lasttag in ("style", "script"):
            return
        self.out.append(data.replace("\n", "").strip(" ") if not self.in_td else data.replace("\n", ""))


def copy_of_page(html: str) -> str:
    p = _Copy()
    p.feed(html)
    lines = [line.rstrip(" ") for line in "".join(p.out).split("\n")]
    return "\n".join(line for i, line in enumerate(lines) if line or (i and lines[i - 1]))


def render(page: Path, kinds: tuple[str, ...] = DERIVED) -> None:
    """The derived renditions (`kinds`) of one saved page, into this folder's derived/."""
    out = FOLDER / "derived"
    out.mkdir(exist_ok=True)
    stem = page.stem
    if "copy.txt" in kinds:
        (out / f"{stem}.copy.txt").write_text(copy_of_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "HOME": tmp}
        profile = f"-env:UserInstallation=file://{tmp}/lo"
        if "xlsx" in kinds:     # open the saved page in a spreadsheet (Calc's HTML import), save as a workbook
            subprocess.run([office, profile, "--headless", "--infilter=HTML (StarCalc)", "--convert-to", "xlsx",
                            "--outdir", str(out), str(page)], check=True, capture_output=True, timeout=600, env=env)
        if "docx" not in kinds:
            return
        # open the saved page in Writer, save as Word; then save the Word file as PDF (as a user does)
        subprocess.run([office, profile, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                        str(out), str(page)], check=True, capture_output=True, timeout=600, env=env)
        subprocess.run([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out),
                        str(out / f"{stem}.docx")], check=True, capture_output=True, timeout=600, env=env)
    pdf = out / f"{stem}.pdf"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(out / f"{stem}.layout.txt")], check=True)
    subprocess.run(["pdftotext", str(pdf), str(out / f"{stem}.pdftotext.txt")], check=True)


def extract(paths: list[Path]) -> dict[str, dict]:
    """The reports the real CLI reads, by source path relative to the folder."""
    return {os.path.relpath(ROOT / r["source"], FOLDER).replace(os.sep, "/"): r
            for r in extract_reports(paths, cwd=ROOT, ok=(0,))}


def typed_cells(expected: dict, cells: dict) -> dict[str, float | None]:
    """Every hand-typed cell: the listed rows, and 0 for every other cell of the tables named in `zero`."""
    typed: dict[str, float | None] = {}
    for row, printed in expected["rows"].items():
        ids = row_cells(cells, row)
        values = printed.split("|")
        if len(ids) != len(values):
            raise SystemExit(f"{row}: {len(values)} values typed for {len(ids)} cells")
        typed.update({c: None if v == "-" else float(v) for c, v in zip(ids, values)})
    for table in expected.get("zero", []):
        typed.update({c: 0.0 for c in cells if c.startswith(table + ".") and c not in typed})
    return typed


def score(expected: dict, report: dict | None, template_cells: dict) -> dict:
    typed = typed_cells(expected, template_cells)
    got = report["cells"] if report else {}
    right = [c for c, v in typed.items() if c in got and got[c] == v]
    wrong = [(c, v, got[c]) for c, v in typed.items() if got.get(c) is not None and got[c] != v]
    return {"cells": len(typed), "right": len(right), "wrong": wrong, "unread": len(typed) - len(right) - len(wrong),
            "named": bool(report) and any(f["rule"] in ("F3", "F4") for f in report["findings"])}


def load_expected() -> dict[str, dict]:
    """The reports of expected.json; one typed in another corpus (`rows_from`) takes its rows from there."""
    expected = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))["reports"]
    for name, e in expected.items():
        if "rows_from" in e:
            there = json.loads((FOLDER / e["rows_from"] / "expected.json").read_text(encoding="utf-8"))["reports"]
            e["rows"] = there[name]["rows"]
    return expected


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--render", action="store_true", help="make the derived files again (LibreOffice, poppler)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    expected = load_expected()
    if args.render:
        for name, e in expected.items():
            render(FOLDER / e.get("page", f"{name}.html"), tuple(e.get("derived", DERIVED)))
    files = {name: [e.get("page", f"{name}.html"), *e.get("real", []),
                    *(f"derived/{name}.{d}" for d in e.get("derived", DERIVED))] for name, e in expected.items()}
    reports = extract([FOLDER / f for fs in files.values() for f in fs])
    rows, total_wrong = [], 0
    for name, fs in files.items():
        template_cells = reports[fs[0]]["cells"]     # the cell ids of the report's template (read from the page)
        for f in fs:
            s = score(expected[name], reports.get(f), template_cells)
            total_wrong += len(s["wrong"])
            rows.append({"report": name, "file": f, **s})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print(f"{'file':58} {'cells':>5} {'right':>5} {'wrong':>5} {'unread':>6}")
        for r in rows:
            print(f"{r['file']:58} {r['cells']:5} {r['right']:5} {len(r['wrong']):5} {r['unread']:6}"
                  + ("" if not r["unread"] or r["named"] else "  (unread, no F3/F4!)"))
            for c, want, got in r["wrong"]:
                print(f"    WRONG {c}: printed {want:g}, read {got:g}")
        cells = sum(r["cells"] for r in rows)
        print(f"all: {sum(r['right'] for r in rows)}/{cells} right, {total_wrong} wrong, "
              f"{sum(r['unread'] for r in rows)} unread")
    return 1 if total_wrong else 0


if __name__ == "__main__":
    sys.exit(main())
