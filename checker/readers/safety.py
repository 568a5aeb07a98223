"""Limits checked before a file is parsed, so a hostile or broken file is one clear F5, not a run
that eats all memory or is killed (python-calamine aborts the whole process on a sheet whose cells
span A1:XFD1048576; openpyxl hangs on a merged range that size).

- every file: at most MAX_FILE_BYTES[kind] on disk;
- `.xlsx .xlsm .ods .docx` (zip packages): each part at most MAX_PART unpacked, all parts at most
  MAX_UNPACKED, no big part packed more than MAX_RATIO:1 (a decompression bomb). The parts the
  parsers read in full (sheets, shared strings, the document body) are measured as they unpack,
  not taken from the zip directory, which a crafted file can fill with any numbers;
- a worksheet's cells and merged ranges span at most MAX_SHEET_CELLS (rows × columns); a Word body
  unpacks to at most MAX_DOCX_BODY;
- a package that is an encrypted Office file (password to open) is named as such.
"""
from __future__ import annotations

import html
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np

from ..model import MAX_FIGURE, BigFigures
from . import ReadError, path_name
from .sniff import SNIFFED, is_zip

MB = 1 << 20
MAX_FILE_BYTES = {"text": 20 * MB, "html": 20 * MB, "pdf": 200 * MB, "workbook": 100 * MB, "docx": 100 * MB}
MAX_PART = 256 * MB
MAX_UNPACKED = 512 * MB
MAX_RATIO = 100                 # real parts pack 5–30:1; checked for parts over RATIO_FROM
RATIO_FROM = 8 * MB
MAX_SHEET_CELLS = 2_000_000     # e.g. 20,000 rows × 100 columns; a report sheet is ~100 × 15
SPARSE_CELLS = 100_000          # a sheet over the span with at most this many cells: `SheetOverLimit.sparse`
# A Word body is parsed whole into a tree (~7× its size in memory: a 240 MB body packed 60:1 in a
# 4 MB file took 1.75 GB and 93 s); a report's body is well under 2 MB, a 1,000-page document ~30 MB.
MAX_DOCX_BODY = 64 * MB
# A PDF page's drawing instructions are interpreted in Python (pdfminer): a 730 kB file whose one page
# unpacks to 480 MB of them ran for over five minutes. A report page's are ~10–100 kB.
MAX_PDF_PAGE = 16 * MB
MAX_PDF_PAGES = 1000            # ~50 ms each; a report has a few dozen
PACKAGES = (".xlsx", ".xlsm", ".ods", ".docx")
_MEASURED = re.compile(r"^(xl/worksheets/[^/]+\.xml|xl/sharedStrings\.xml|content\.xml|word/document\.xml)$")
# a cell with content (`<c r="B7" …><v>…`), not a formatted empty one (`<c r="B7" s="3"/>` as Excel
# writes it, `<c r="B7" s="3"></c>` as openpyxl does: python-calamine leaves both out of the span).
# Excel, LibreOffice and openpyxl write `r` first; literal prefixes keep the scan fast (~0.1 ms for a
# report sheet). Any other way to write a cell (`_odd_cells`) is found by counting cell tags.
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>/]*>(?=\s*<[vfi])')
_ODD_CELL = (re.compile(rb'<c(?! r=")[\s>/]'), re.compile(rb':c[\s>/]'))   # each with a literal prefix: fast
# every row and cell tag, whatever the namespace prefix (`<x:c>`, as .NET's Open XML SDK writes),
# attribute order or quotes; attribute values may hold `>`
_ANY_TAG = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?(row|c)((?:\s(?:[^>"\'/]|/(?!>)|"[^"]*"|\'[^\']*\')*)?)(/?)>'
                      rb'(\s*<(?:[A-Za-z_][\w.-]*:)?[vfi])?')
_ROW_NO = re.compile(rb'\sr\s*=\s*["\']([0-9]{1,7})["\']')
_CELL_NO = re.compile(rb'\sr\s*=\s*["\']([A-Z]{1,3})([0-9]{1,7})["\']')
_MERGE_REF = re.compile(rb'<mergeCell ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")


class SheetOverLimit(ReadError):
    """One worksheet over the limits (its cells' span or count, a merged range): the workbook's other
    sheets can still be read (`check_package(sheets_apart=True)`). `part`: the sheet's zip part;
    `sparse`: only its span is too wide, for few cells (a stray value far away), which openpyxl holds
    as the cells they are (an annotated copy can still be written: `sparse_only`)."""
    part = ""
    sparse = False


def check_file(path: Path | str, kind: str, size: int, sheets_apart: bool = False) -> dict[str, str]:
    """Raise ReadError for a file over the limits (see the module doc). `size`: its size on disk.
    `sheets_apart`: see `check_package`; the sheets left out, by name, with why."""
    limit = MAX_FILE_BYTES.get(kind)
    if limit and size > limit:
        raise ReadError(f"文件“{path_name(path)}”有 {size / MB:.0f} MB，超过可读取的上限 {limit // MB} MB"
                        "（年度报告通常不到 1 MB），没有读取。")
    if not isinstance(path, Path):
        return {}   # `read_path` keeps only a text file's path as text: no package, no PDF
    if path.suffix.lower() in PACKAGES or (path.suffix.lower() in SNIFFED and is_zip(path)):
        return check_package(path, sheets_apart=sheets_apart)   # (a .xls/.doc holding a package is read as one)
    if kind == "pdf":
        check_pdf(path)
    return {}


def check_package(path: Path, data: bytes | None = None, sheets_apart: bool = False,
                  sparse_only: bool = False) -> dict[str, str]:
    """The zip-package limits for an Office/OpenDocument file (see the module doc); `data`: a package
    inside the file `path` (a Word document imported into a .docx), checked as the file's own.
    `sheets_apart`: a workbook some of whose sheets are over the limits (one stray value typed at
    A1048576 of a collection's sheet) is not refused whole: those sheets are returned (name -> why,
    also kept for `refused_sheets`) and the reader leaves them out. Otherwise, and when no sheet is
    left, the first such sheet's ReadError is raised. `sparse_only` (for openpyxl, which holds the cells
    rather than their span): sheets apart only when each is `SheetOverLimit.sparse`."""
    refused: dict[str, str] = {}
    try:
        z = zipfile.ZipFile(path if data is None else io.BytesIO(data))
    except zipfile.BadZipFile:
        if data is None:
            _not_a_package(path)
        return refused       # the reader says it is damaged
    except OSError:
        return refused       # the reader says why it cannot open it
    with z:
        infos = z.infolist()
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART or total > MAX_UNPACKED:
                raise _bomb(path, info.filename, info.file_size if info.file_size > MAX_PART else total)
            if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _bomb(path, info.filename, info.file_size, f"{info.file_size // max(info.compress_size, 1)}:1")
        over = [e for info in infos if _MEASURED.match(info.filename) and (e := _measure(path, z, info))]
        if over:
            names = sheet_parts(z) if data is None else {}
            left = [part for part in names if part not in {e.part for e in over}]
            dense = [e for e in over if not e.sparse] if sparse_only else []
            if not sheets_apart or not left or dense or any(e.part not in names for e in over):
                raise (dense or over)[0]
            refused = {names[e.part]: e.message for e in over}
    if data is None:
        _last_checked[:] = [_stamp(path), refused]
    return refused


# The sheets `check_package(sheets_apart=True)` found over the limits in the file it checked last,
# for the workbook reader that reads that file next (`refused_sheets`): measured once, not twice.
_last_checked: list = [None, {}]


def refused_sheets(path: Path) -> dict[str, str]:
    """The sheets of workbook `path` over the limits (name -> why): those `check_package` found when it
    last checked this very file (same size and time), else measured now."""
    if _last_checked[0] is not None and _last_checked[0] == _stamp(path):
        return dict(_last_checked[1])
    if not is_zip(path):
        return {}
    return check_package(path, sheets_apart=True)


def _stamp(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return str(path), st.st_size, st.st_mtime_ns, st.st_ino


def _measure(path: Path, z: zipfile.ZipFile, info: zipfile.ZipInfo) -> SheetOverLimit | None:
    """Unpack one part in pieces, counting its real size and (for a sheet) the cells' extent; a sheet
    over the limits is returned (its part unpacked no further: it is not read). The raw stream is
    inflated here: zipfile's own reader stops at the size the directory claims."""
    sheet = info.filename.startswith("xl/worksheets/")
    ods = _OdsSpan(path) if info.filename == "content.xml" and path.suffix.lower() == ".ods" else None
    rows = cols = (1 << 30, 0)
    at = 0                                   # the row the sheet's last row tag was (`_odd_cells`)
    tail = b""
    size = cells = 0
    pieces = _inflate(z.fp, info)
    try:
        for chunk in pieces:
            size += len(chunk)
            if size > MAX_PART:
                raise _bomb(path, info.filename, size)
            if size > MAX_DOCX_BODY and info.filename == "word/document.xml":
                raise ReadError(f"Word 文档“{path.name}”的正文解压后超过 {MAX_DOCX_BODY // MB} MB（年度报告的正文"
                                "通常不到 2 MB），超过可读取的上限，没有读取。")
            if ods is not None:
                ods.feed(chunk)
            if sheet:
                data = tail + chunk
                rows, cols, at = _extent(data, rows, cols, at, path, info.filename)
                tail = data[-512:]
                cells += chunk.count(b"<c")      # cells without a ref count too (and a few <col>s)
                if cells > MAX_SHEET_CELLS:
                    raise SheetOverLimit(f"工作簿“{path.name}”的工作表{_sheet_name(path, info.filename)}有超过 "
                                         f"{MAX_SHEET_CELLS:,} 个单元格，超过可读取的上限，没有读取。")
    except SheetOverLimit as e:
        e.part = info.filename
        if e.sparse:     # the span alone: are its cells few? (counted to the part's end, bounded)
            for chunk in pieces:
                cells += chunk.count(b"<c")
                size += len(chunk)
                if size > MAX_PART:
                    raise _bomb(path, info.filename, size) from None
                if cells > SPARSE_CELLS:
                    break
            e.sparse = cells <= SPARSE_CELLS
        return e
    except (zlib.error, struct.error, OSError, ValueError):
        return None                          # damaged: the reader will say so
    return None


class _OdsSpan:
    """An OpenDocument sheet's span: rows and cells carry repeat counts (`number-rows-repeated`,
    `number-columns-repeated`), and python-calamine allocates every repeated cell up to the last one
    with content. Counted per table, row by row, as content.xml unpacks."""
    _TABLE = re.compile(rb"<table:table[\s>][^>]*?table:name=\"([^\"]*)\"")
    _PIECE = re.compile(rb"<table:table[\s>][^>]*>|<table:table-row\b[^>]*/>|<table:table-row\b.*?</table:table-row>",
                        re.S)
    _CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/?)>")
    _REPEAT = re.compile(rb"number-(?:rows|columns)-repeated=\"([0-9]+)\"")

    def __init__(self, path: Path):
        self.path, self.buffer, self.table = path, b"", "?"
        self.rows = self.last = self.width = 0

    def feed(self, chunk: bytes) -> None:
        data = self.buffer + chunk
        end = 0
        for m in self._PIECE.finditer(data):
            end = m.end()
            piece = m.group(0)
            if not piece.startswith(b"<table:table-row"):
                name = self._TABLE.match(piece)
                self.table = name.group(1).decode("utf-8", "replace") if name else "?"
                self.rows = self.last = self.width = 0
                continue
            self._row(piece)
        self.buffer = data[end:]
        if len(self.buffer) > 8 * MB:      # no sheet row of a real workbook is near this long
            raise ReadError(f"工作簿“{self.path.name}”的工作表“{self.table}”有一行超过 8 MB，超过可读取的上限，没有读取。")

    def _row(self, row: bytes) -> None:
        head = row[:row.index(b">") + 1]
        rep = self._REPEAT.search(head)
        self.rows += int(rep.group(1)) if rep else 1
        width = content = 0
        for attrs, closed in self._CELL.findall(row[len(head):]):
            rep = self._REPEAT.search(attrs)
            width += int(rep.group(1)) if rep else 1
            if not closed or b"office:value" in attrs:
                content = width
        if content:
            self.last, self.width = self.rows, max(self.width, content)
            if self.last * self.width > MAX_SHEET_CELLS:
                raise ReadError(f"工作簿“{self.path.name}”的工作表“{self.table}”的单元格（含重复的行和列）"
                                f"分布在 {self.last:,} 行 × {self.width:,} 列的范围内，超过可读取的上限 "
                                f"{MAX_SHEET_CELLS:,} 格，没有读取。")


def _inflate(fh, info: zipfile.ZipInfo, piece: int = 4 * MB):
    """The unpacked bytes of a stored or deflated zip part, `piece` at a time (bounded memory)."""
    if info.flag_bits & 1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return                       # encrypted or an unusual method: left to the reader
    fh.seek(info.header_offset)
    head = fh.read(30)
    if head[:4] != b"PK\x03\x04":
        raise ValueError("no local header")
    name_len, extra_len = struct.unpack("<HH", head[26:30])
    fh.seek(info.header_offset + 30 + name_len + extra_len)
    left = info.compress_size
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    while left > 0:
        raw = fh.read(min(MB, left))
        if not raw:
            return
        left -= len(raw)
        if inflater is None:
            yield raw
            continue
        out = inflater.decompress(raw, piece)
        while out:
            yield out
            out = inflater.decompress(inflater.unconsumed_tail, piece) if inflater.unconsumed_tail else b""


def _extent(data: bytes, rows: tuple[int, int], cols: tuple[int, int], at: int, path: Path, part: str):
    """Widen (min, max) rows and columns by the cells with content and merged ranges in `data`; raise
    when the span passes MAX_SHEET_CELLS (python-calamine allocates the span, not the cells). `at`:
    the row reached so far, for cells written without a place (`_odd_cells`)."""
    refs = _CELL_REF.findall(data)
    numbers = [int(r) for _, r in refs]
    columns = [_col(c) for c in {c for c, _ in refs}]
    odd: list[tuple[int, int]] = []
    if any(o.search(data) for o in _ODD_CELL):
        odd, at = _odd_cells(data, max(at, rows[1]))
        columns += [c for c, _ in odd]
        numbers += [r for _, r in odd]
    if numbers:
        rows = (min(rows[0], min(numbers)), max(rows[1], max(numbers)))
        cols = (min(cols[0], min(columns)), max(cols[1], max(columns)))
    if b"<mergeCell " in data:
        for a, ra, b, rb in _MERGE_REF.findall(data):
            cells = (abs(int(rb) - int(ra)) + 1) * (abs(_col(b) - _col(a)) + 1)
            if cells > MAX_SHEET_CELLS:
                raise SheetOverLimit(f"工作簿“{path.name}”的工作表{_sheet_name(path, part)}有一个合并区域 "
                                f"{a.decode()}{ra.decode()}:{b.decode()}{rb.decode()}，共 {cells:,} 格，"
                                f"超过可读取的上限 {MAX_SHEET_CELLS:,} 格，没有读取。")
    (r0, r1), (c0, c1) = rows, cols
    span = (r1 - r0 + 1) * (c1 - c0 + 1) if r1 and c1 else 0
    if span > MAX_SHEET_CELLS:
        over = SheetOverLimit(f"工作簿“{path.name}”的工作表{_sheet_name(path, part)}的单元格分布在 {r1 - r0 + 1:,} 行 × "
                             f"{c1 - c0 + 1:,} 列的范围内{_far_cell(refs, odd, r1, c1)}，超过可读取的上限 "
                             f"{MAX_SHEET_CELLS:,} 格，没有读取。如远处的内容是误输入的（例如按 Ctrl+↓ 后输入），"
                             "请删去后再检查。")
        over.sparse = True       # (so far: `_measure` counts the cells)
        raise over
    return rows, cols, at


def _far_cell(refs: list[tuple[bytes, bytes]], odd: list[tuple[int, int]], last_row: int, last_col: int) -> str:
    """“（最远的一格是 A1048576）”: a cell that made the span too wide, in the piece of the sheet that did
    (the one a user typed there by mistake, to delete), else “（到第 N 行、X 列）”."""
    cells = [(_col(c), int(r)) for c, r in refs] + odd
    far = next((cr for cr in cells if cr[1] == last_row), None) or next((cr for cr in cells if cr[0] == last_col), None)
    if far:
        return f"（最远的一格是 {_letters(far[0])}{far[1]}）"
    return f"（到第 {last_row:,} 行、{_letters(last_col)} 列）"


def _odd_cells(data: bytes, row: int) -> tuple[list[tuple[int, int]], int]:
    """The places (column, row; 1-based) of the cells with content in `data` written as a writer other
    than Excel, LibreOffice or openpyxl may: `r` after other attributes or in single quotes, a namespace
    prefix (`<x:c r="A1">`), or no `r` at all (the cell is then the row's next column, the row its
    `<row r>` or the next after `row`). python-calamine reads all of them; before, the span counted none
    of them, and one far cell (`<c t="n" r="XFD1048576">`) made it allocate 512 GB and abort the whole
    run. Also the row reached (the 512 bytes `_measure` reads twice may count a few rows twice: more,
    never less)."""
    out, col = [], 0
    for m in _ANY_TAG.finditer(data):
        kind, attrs, empty, content = m.groups()
        if kind == b"row":
            no = _ROW_NO.search(attrs)
            row, col = (int(no.group(1)) if no else row + 1), 0
            continue
        ref = _CELL_NO.search(attrs)
        if ref:
            col, row = _col(ref.group(1)), int(ref.group(2))
        else:
            col += 1
        if content and not empty:
            out.append((max(col, 1), max(row, 1)))
    return out, row


def _sheet_name(path: Path, part: str) -> str:
    """“Sheet1” for the part xl/worksheets/sheet1.xml, from the workbook's own list (error path only)."""
    try:
        with zipfile.ZipFile(path) as z:
            name = sheet_parts(z).get(part)
    except (KeyError, OSError, zipfile.BadZipFile):
        name = None
    return f"“{name}”" if name is not None else f"（{part}）"


def sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part (xl/worksheets/sheet1.xml) -> the sheet's name, from the workbook's own list."""
    book = z.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    targets = {_attr(r, "Id"): "xl/" + _attr(r, "Target").lstrip("/").removeprefix("xl/")
               for r in re.findall(r"<Relationship\b[^>]*>", rels)}
    out = {}
    for sheet in re.findall(r"<sheet\b[^>]*>", book):
        part = targets.get(_attr(sheet, "r:id"))
        if part:
            out[part] = html.unescape(_attr(sheet, "name"))
    return out


def _attr(element: str, name: str) -> str:
    m = re.search(r'\s%s="([^"]*)"' % re.escape(name), element)
    return m.group(1) if m else ""


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _letters(col: int) -> str:
    """Column 16384 -> XFD."""
    out = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def _bomb(path: Path, part: str, size: int, ratio: str = "") -> ReadError:
    limit = f"压缩比 {ratio}，上限 {MAX_RATIO}:1" if ratio else \
        f"上限为单个部件 {MAX_PART // MB} MB、合计 {MAX_UNPACKED // MB} MB"
    return ReadError(f"文件“{path.name}”解压后过大（其中“{part}”达 {size / MB:,.0f} MB，{limit}），"
                     "可能是损坏的文件或“压缩炸弹”，没有读取。")


def _not_a_package(path: Path) -> None:
    """A `.xlsx`/`.docx` that is not a zip: an encrypted Office file is an OLE file holding the
    encrypted package; say it needs its password removed (not that it is damaged)."""
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 16)
    except OSError:
        return
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in head or _encrypted(path):
            raise encrypted(path, "Word" if path.suffix.lower() == ".docx" else "Excel")
        kind = "Word 97-2003 文档（.doc）" if path.suffix.lower() == ".docx" else "Excel 97-2003 工作簿（.xls）"
        raise ReadError(f"文件“{path.name}”实际是{kind}，扩展名却是 {path.suffix}。"
                        f"请在 {'Word' if 'Word' in kind else 'Excel'} 中另存为 {path.suffix} 再检查。")


def encrypted(path: Path, app: str) -> ReadError:
    """A file with a password to open it: say so, and how to remove it (not that it is damaged)."""
    return ReadError(f"文件“{path.name}”已加密（设置了打开密码），无法读取。请在 {app} 中打开，"
                     "在“文件 → 信息 → 保护”中删除密码后另存，再检查。")


def _encrypted(path: Path) -> bool:
    """The stream name may sit beyond the first 64 KB of the OLE directory: scan the file's head."""
    try:
        with open(path, "rb") as f:
            return _ENCRYPTED_STREAM in f.read(4 * MB)
    except OSError:
        return False


# The largest figure kept as read (MAX_FIGURE, in model.py). Report figures are counts and 万元 amounts
# far below it; from it up, a float no longer holds what findings print (12 significant digits,
# `numbers.tidy`), and sums of figures near 1e308 overflow (a crafted cell of 400 digits, or a workbook
# cell of 1e308, made the localiser raise). Every reader's figures pass here, fast paths included.


def bound_figures(reports: list) -> list:
    """Cells read as a number of MAX_FIGURE or more: blank, with one F2 each naming the cell. A figure
    that large in the prose counts nothing: the sentence is not compared (it printed as `inf`). The
    cells are scanned only once such a figure was written into some report (`BigFigures`)."""
    scan = BigFigures.seen
    for r in reports:
        v = r.values
        if scan and v is not None and (big := np.abs(v) >= MAX_FIGURE).any():   # (flatnonzero only then)
            _too_large(r, np.flatnonzero(big))
        if r.prose and not all(map(_plausible, r.prose)):
            r.prose = [f for f in r.prose if _plausible(f)]
    return reports


def _plausible(fact) -> bool:
    return not any(x is not None and abs(x) >= MAX_FIGURE for x in (fact.value, fact.of, fact.share, *fact.parts))


def _too_large(r, big) -> None:
    from ..findings import make
    from ..model import file_name
    from ..templates import template
    t = template(r.format)
    for i in big:
        cid = t.cell_ids[i]
        value = float(r.values[i])
        printed = (r.cell_meta.get(cid) or {}).get("text")
        shown = str(printed).strip() if printed else (
            f"{value:.6g}" if np.isfinite(value) else "超过 10^308 的数")
        r.values[i] = np.nan
        r.findings.append(make(
            "F2", unit=r.unit, year=r.year, cells=[r.ref(cid)], suspect=r.ref(cid), actual=shown,
            source=r.source, where=f"{file_name(r.source)} {r.locate(cid) or ''}".strip(),
            label=t.cell(cid).label, text=shown,
            detail="数值过大（绝对值达到1万亿），不能按原数核对，该格按空白处理；请核对原表。"))


def check_pdf(path: Path) -> None:
    """The PDF limits: pages at most MAX_PDF_PAGES, each page's content streams unpacking to at most
    MAX_PDF_PAGE (measured as they unpack, never held). A file pdfminer cannot open is left to the
    reader, which says why."""
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
    except ImportError:
        return                  # the [pdf] extra is missing: the reader names it
    try:
        with open(path, "rb") as fh:
            for n, page in enumerate(PDFPage.create_pages(PDFDocument(PDFParser(fh))), 1):
                if n > MAX_PDF_PAGES:
                    raise ReadError(f"PDF 文件“{path.name}”超过 {MAX_PDF_PAGES} 页，超过可读取的上限，没有读取"
                                    "（年度报告通常只有几十页）。")
                contents = resolve1(page.attrs.get("Contents"))
                size = 0
                for stream in contents if isinstance(contents, list) else [contents]:
                    stream = resolve1(stream)
                    if isinstance(stream, PDFStream):
                        size += _pdf_unpacked(stream, MAX_PDF_PAGE - size, LITERALS_FLATE_DECODE)
                    if size > MAX_PDF_PAGE:
                        raise ReadError(f"PDF 文件“{path.name}”第 {n} 页的内容解压后超过 {MAX_PDF_PAGE // MB} MB"
                                        "（一页报告通常不到 0.1 MB），可能是损坏的文件或“压缩炸弹”，没有读取。")
    except ReadError:
        raise
    except Exception:
        return                  # damaged or encrypted: the reader says so


def _pdf_unpacked(stream, room: int, flate) -> int:
    """Bytes a content stream unpacks to, counted up to `room` + 1 (Flate, the usual filter; other
    filters: its packed size)."""
    data = stream.rawdata if stream.rawdata is not None else b""
    filters = stream.get_filters()
    if len(filters) != 1 or filters[0][0] not in flate:
        return len(data)
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    inflate, size = zlib.decompressobj(), 0
    for at in range(0, len(data), 1 << 16):
        size += len(inflate.decompress(data[at:at + (1 << 16)], room + 1 - size))
        while inflate.unconsumed_tail and size <= room:
            size += len(inflate.decompress(inflate.unconsumed_tail, room + 1 - size))
        if size > room:
            break
    return size
