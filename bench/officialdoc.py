"""The official 2021 tables as offices fill them: the project's own Word template
(workbooks/2021-tables-template.docx: merged header cells, three label columns, the real column
widths) filled with known values by python-docx. Used by the rendition benchmark (LibreOffice PDF
and its `pdftotext -layout` text, with and without ruling lines) and by the reader tests."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from checker.templates import template

ROOT = Path(__file__).resolve().parents[1]
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
              header: str | None = None, repeat_header: bool = False, rules: bool = True) -> Path:
    """Write the 2021 template with `values` (cell id -> number, or a string printed as is).
    Rows of table requests named in `runtogether` print all their digits in the first value cell;
    the row `tall_row` prints its label three characters a line, so it is tall enough to break
    over a page. `rules=False` prints the tables without ruling lines (columns only by position)."""
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
    if not rules:
        for table in d.tables:
            _no_borders(table)
    out.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(out))
    return out


def _no_borders(table) -> None:
    """No ruling lines: the table's borders and every cell's set to none."""
    def none(parent, tag):
        for old in parent.findall(qn(tag)):
            parent.remove(old)
        box = OxmlElement(tag)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            b = OxmlElement(f"w:{side}")
            b.set(qn("w:val"), "nil")
            box.append(b)
        parent.append(box)
    none(table._tbl.tblPr, "w:tblBorders")
    for tc in table._tbl.iter(qn("w:tc")):
        none(tc.get_or_add_tcPr(), "w:tcBorders")


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
