"""Test documents made from the project's own 2021 Word template: fill its three tables with known
values (python-docx), optionally push the requests table over a page break and give the pages a
`-N-` footer, then let LibreOffice headless turn the .docx into a PDF (as offices publish them)."""
from __future__ import annotations

import copy
import os
import shutil
import subprocess
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

from checker.templates import template

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_2021 = ROOT / "workbooks" / "2021-tables-template.docx"
REQ_COLS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org", "total")
_ACTIVE_ROWS = {"规章": "regulations", "行政规范性文件": "normative_docs", "行政许可": "licensing",
                "行政处罚": "penalty", "行政强制": "enforcement", "行政事业性收费": "fees"}


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    return str(int(v)) if float(v).is_integer() else str(v)


def _value_cells(row) -> list:
    """The row's distinct cells (a merged cell appears once), in order."""
    seen, out = set(), []
    for c in row.cells:
        if id(c._tc) not in seen:
            seen.add(id(c._tc))
            out.append(c)
    return out


def fill_2021(values: dict, out: Path, *, title: str | None = None, pad_before_requests: int = 0,
              footer: bool = False, runtogether: set[str] = frozenset(), tall_row: str | None = None,
              header: str | None = None, repeat_header: bool = False) -> Path:
    """Write the 2021 template with `values` (cell id -> number, or a string printed as is).
    Rows of table requests named in `runtogether` print all their digits in the first value cell;
    the row `tall_row` prints its label three characters a line, so it is tall enough to break
    over a page."""
    d = docx.Document(str(TEMPLATE_2021))
    active, requests, appeals = d.tables
    tpl = template("2021")
    for row in active.rows:
        cells = _value_cells(row)
        rid = _ACTIVE_ROWS.get(cells[0].text.strip())
        if rid is None:
            continue
        cols = next(r for r in tpl.table("active").rows if r.id == rid).columns
        for cell, col in zip(cells[1:], cols):
            cell.text = _text(values.get(f"active.{rid}.{col.id}"))
    req_rows = [r.id for r in tpl.table("requests").rows]
    for row, rid in zip(list(requests.rows)[3:], req_rows):
        vals = [_text(values.get(f"requests.{rid}.{c}")) for c in REQ_COLS]
        if rid in runtogether:
            vals = ["".join(vals)] + [""] * 6
        for cell, v in zip(row.cells[3:], vals):
            cell.text = v
        if rid == tall_row:
            label = row.cells[2]
            text = label.text
            label.text = text[:3]
            for i in range(3, len(text), 3):
                label.add_paragraph(text[i:i + 3])
    for cell, col in zip(list(appeals.rows)[3].cells, tpl.table("appeals").rows[0].columns):
        cell.text = _text(values.get(f"appeals.count.{col.id}"))
    if title:
        d.paragraphs[0].text = title
    if pad_before_requests:
        anchor = next(p for p in d.paragraphs if p.text.startswith("三、收到和处理"))
        for i in range(pad_before_requests):
            anchor.insert_paragraph_before(f"（文字描述）本段为测试用的填充文字，第{i + 1}段，用于把表格推到分页处。")
    if footer:
        _page_footer(d)
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if repeat_header:   # Word's "repeat as header row": the requests table's 3 header rows on every page
        for row in list(requests.rows)[:3]:
            mark = OxmlElement("w:tblHeader")
            mark.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(mark)
    out.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(out))
    return out


def _page_footer(d) -> None:
    """A centred `-N-` footer with a PAGE field, as most reports print it."""
    p = d.sections[0].footer.paragraphs[0]
    p.text = ""
    p.add_run("-")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    p._p.append(fld)
    p.add_run("-")
    p.alignment = 1


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(src: Path, outdir: Path, target: str, suffix: str | None = None) -> Path:
    """`soffice --convert-to target` with a private profile (parallel runs do not collide); the
    written file (`src`'s stem + `.suffix`, the target's name before any `:` options by default)."""
    profile = outdir / ".lo-profile"
    cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
           "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(outdir)})
    out = outdir / f"{src.stem}.{suffix or target.split(':', 1)[0]}"
    if not out.exists():
        raise RuntimeError(f"LibreOffice did not write {out}")
    return out


def to_html(src: Path, outdir: Path) -> Path:
    """The document as a web page, the way Word/LibreOffice "save as web page" writes it."""
    return convert(src, outdir, "html")


def to_pdf(src: Path, outdir: Path, password: str | None = None) -> Path:
    """The document as PDF; `password` exports an encrypted PDF that needs it to open."""
    target = "pdf"
    if password:
        target = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                  f'"DocumentOpenPassword":{{"type":"string","value":"{password}"}}}}')
    return convert(src, outdir, target, "pdf")


__all__ = ["fill_2021", "to_pdf", "soffice", "copy"]


def text_docx(text: str, out: Path, size_pt: float = 7.5) -> Path:
    """A Word document holding `text` line by line (tabs kept, so tables print as text columns at
    tab stops, with no ruling lines), small and landscape so that no row wraps."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt
    d = docx.Document()
    sec = d.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(42.0), Cm(29.7)   # A3: the widest rows stay on one line
    sec.left_margin = sec.right_margin = Cm(1.5)
    style = d.styles["Normal"]
    style.font.size = Pt(size_pt)
    style.paragraph_format.space_after = Pt(0)
    for line in text.splitlines():
        d.add_paragraph(line)
    out.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(out))
    return out
