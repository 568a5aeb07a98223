"""A seeded mutation fuzzer for the INSTALLED `xxgk`: hostile renditions of real reports, run
through `extract`, `check --format csv`, `import` and `check --annotate` as child processes, as
outsiders run them. Not a test (it takes minutes to hours); its failures become tests.

    python -m bench.fuzz --xxgk /tmp/venv/bin/xxgk [--cases 2000] [--seed 1] [--batch 40] [--out DIR]
                         [--only MUTATION,…] [--ext .xlsx,…]

Bases: the seed reports, real corpus texts (tests/fixtures/corpus), generated reports as Word,
workbook and web page, and a collection workbook written by `xxgk import`. Each case is one base
with one to three mutations (byte flips, truncation, huge numbers, bidi controls, lone surrogates,
combining marks, full-width and Chinese numerals, formula/DDE text, formulas in cells, merged cells
over the table, hidden sheets, a far cell, deep nesting, links and entities pointing at a canary
file outside the input, wrong extensions, encryption, GB18030/UTF-16/UTF-32 and BOMs, zero-byte
and enormous files).

Cases run in batches (one folder each); a batch whose command fails is bisected down to the
file(s) that make it fail. Counted per case:

    traceback   a Python traceback reached the user
    internal    exit code 6 (our own "program failed") or a reader's "意外错误" (a caught bug)
    exit        an exit code no command documents (not 0-4)
    timeout     the command did not end within its budget
    leak        a formula (or =,+,-,@-led text) in a written workbook or the CSV, or the canary's
                text in any output (a file outside the input was read)
    modified    an input file changed
    lost        a file of the folder neither read nor named as unread in `extract`'s JSON; or a
                sheet of a workbook missing or changed in its annotated copy (`annotate-book`)
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
CANARY_TEXT = "CANARY-u10-outside-the-input"
FORMULA_START = ("=", "+", "-", "@")
DOCUMENTED = {0, 1, 2, 3, 4}
INJECTIONS = ("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)*cmd|' /C calc'!A0",
              "+1+cmd|' /C calc'!A0", "-2+3", "=1+1", "\t=1+1", "=DDE(\"cmd\";\"/C calc\";\"x\")")
BIDI = "\u202e\u202d\u2066\u2067\u2068\u2069\u200f\u200e\u061c"
ODD = ("\u0301", "\u0308", "\u200b", "\ufeff", "\u00a0", "\u3000", "\ufffd", "\u2028", "\u0000", "\x0b", "\x1b")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
HANZI = str.maketrans("0123456789", "〇一二三四五六七八九")


# --- bases -------------------------------------------------------------------------------------

@dataclass
class Base:
    name: str
    ext: str
    data: bytes


def bases(rng: random.Random, work: Path, xxgk: str) -> list[Base]:
    out = [Base(p.stem, ".txt", p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    corpus = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".html", ".htm", ".docx", ".pdf"))
    for p in rng.sample(corpus, min(30, len(corpus))):
        out.append(Base(f"corpus-{p.stem[:20]}", p.suffix, p.read_bytes()))
    gen = work / "gen"
    gen.mkdir(parents=True, exist_ok=True)
    from bench import renditions
    for i, r in enumerate(renditions.reports(3, rng.randrange(1000))):
        out.append(Base(f"word{i}", ".docx", renditions.word(r, gen / f"w{i}.docx").read_bytes()))
        out.append(Base(f"book{i}", ".xlsx", renditions.workbook(r, gen / f"b{i}.xlsx").read_bytes()))
        out.append(Base(f"page{i}", ".html", renditions.html_page(r).encode("utf-8")))
    coll_in = gen / "coll-in"
    coll_in.mkdir(exist_ok=True)
    for p in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(p, coll_in / p.name)
    subprocess.run([xxgk, "import", str(coll_in), "-o", str(gen / "汇总.xlsx"), "--force"],
                   capture_output=True, timeout=300)
    if (gen / "汇总.xlsx").exists():
        out.append(Base("collection", ".xlsx", (gen / "汇总.xlsx").read_bytes()))
    return out


# --- mutations ---------------------------------------------------------------------------------

def _text_of(data: bytes) -> str | None:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    return None


def _on_text(f):
    """A mutation of the text (of a .txt/.html file, or of every XML part of a workbook/Word file)."""
    def mutate(rng, ext, data, canary):
        if ext in (".xlsx", ".xlsm", ".docx"):      # the text between the tags: the XML stays well-formed
            return ext, _on_parts(data, lambda name, text: _text_nodes(rng, text, f) if name.endswith(".xml")
                                  and ("sharedStrings" in name or "document" in name or "sheet" in name) else text)
        text = _text_of(data)
        if text is None:
            return ext, data
        return ext, f(rng, text).encode("utf-8", "surrogatepass")
    mutate.__name__ = f.__name__
    return mutate


def _text_nodes(rng, xml: str, f) -> str:
    """`f` applied to the character data of some elements (escaped again), never to the markup."""
    def one(m):
        if rng.random() > 0.3:
            return m.group()
        text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        text = f(rng, text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return ">" + text + "<"
    return re.sub(r">([^<]+)<", one, xml)


def _on_parts(data: bytes, f) -> bytes:
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                raw = zin.read(info)
                if info.filename.endswith((".xml", ".rels")):
                    raw = f(info.filename, raw.decode("utf-8")).encode("utf-8", "surrogatepass")
                zout.writestr(info.filename, raw)
        return buf.getvalue()
    except Exception:      # a damaged package (BadZipFile, zlib.error, …): left as it is
        return data


def _sprinkle(rng, text: str, pieces, n: int = 20) -> str:
    chars = list(text)
    for _ in range(n):
        if chars:
            chars.insert(rng.randrange(len(chars)), rng.choice(pieces))
    return "".join(chars)


def _digits(rng, text, table) -> str:
    return re.sub(r"\d+", lambda m: m.group().translate(table) if rng.random() < 0.5 else m.group(), text)


@_on_text
def bidi(rng, text):
    return _sprinkle(rng, text, BIDI, 40)


@_on_text
def oddchars(rng, text):
    return _sprinkle(rng, text, ODD, 40)


@_on_text
def fullwidth(rng, text):
    return _digits(rng, text, FULLWIDTH)


@_on_text
def hanzi_numbers(rng, text):
    t = _digits(rng, text, HANZI)
    return re.sub(r"(\d)(\d{4})\b", lambda m: m.group(1) + "万" + m.group(2) if rng.random() < 0.3 else m.group(), t)


@_on_text
def huge_numbers(rng, text):
    big = ("9" * 400, "1e308", "99999999999999999999", "-0", "1,234,567,890,123", "NaN", "inf", "１e９９９")
    return re.sub(r"\b\d+\b", lambda m: rng.choice(big) if rng.random() < 0.15 else m.group(), text)


@_on_text
def injections(rng, text):
    lines = text.split("\n")
    for _ in range(max(3, len(lines) // 10)):
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(INJECTIONS) + lines[i] if rng.random() < 0.5 else rng.choice(INJECTIONS)
    return "\n".join(lines)


@_on_text
def surrogates(rng, text):
    return _sprinkle(rng, text, ("\ud800", "\udfff", "\udc80"), 5)


@_on_text
def long_line(rng, text):
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(("一", "1\t", "<td>", "（", "x")) * rng.choice((10_000, 200_000)) + text[i:]


def combining(rng, ext, data, canary):
    return _on_text(lambda r, t: _sprinkle(r, t, ("\u0301", "\u20dd", "\u0336"), 200))(rng, ext, data, canary)


def byteflip(rng, ext, data, canary):
    b = bytearray(data)
    for _ in range(rng.choice((1, 4, 40))):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return ext, bytes(b)


def truncate(rng, ext, data, canary):
    return ext, data[:rng.randrange(len(data) + 1)]


def zero(rng, ext, data, canary):
    return ext, b""


def enormous(rng, ext, data, canary):
    if ext in (".txt", ".html"):
        return ext, data + (b"\n" + data) * rng.choice((50, 400))
    return ext, data + os.urandom(rng.choice((1 << 20, 30 << 20)))


def wrong_ext(rng, ext, data, canary):
    return rng.choice([e for e in (".txt", ".xlsx", ".xls", ".docx", ".pdf", ".html", ".ods", ".xlsm", ".md",
                                   ".doc", ".wps", ".et", ".mht") if e != ext]), data


def saved_page(rng, ext, data, canary):
    """A single-file web page (.mht/.mhtml) around the base's bytes, as a browser or Word saves one:
    quoted-printable or base64, the part's charset named or not (a non-HTML base makes a page of junk)."""
    import base64
    import quopri
    cte = rng.choice(("quoted-printable", "base64"))
    body = quopri.encodestring(data) if cte == "quoted-printable" else base64.encodebytes(data)
    charset = rng.choice(("", '; charset="utf-8"', '; charset="gb2312"', '; charset="x-no-such"'))
    head = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
            b"------=_NextPart_01\r\nContent-Location: file:///C:/report.htm\r\n"
            + f"Content-Transfer-Encoding: {cte}\r\nContent-Type: text/html{charset}\r\n\r\n".encode())
    return rng.choice((".mht", ".mhtml")), head + body + b"\r\n------=_NextPart_01--\r\n"


def encoding(rng, ext, data, canary):
    text = _text_of(data)
    if text is None or ext not in (".txt", ".html", ".md", ".htm"):
        return ext, data
    enc = rng.choice(("gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "big5", "cp1252"))
    raw = text.encode(enc, "replace")
    if rng.random() < 0.3:
        raw = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) + raw   # a BOM that may lie
    return ext, raw


def cut_char(rng, ext, data, canary):
    """The text saved in a multi-byte encoding and cut inside a character (a download or copy that
    stopped mid-way): 1-3 bytes off the end, or an odd cut anywhere in UTF-16."""
    text = _text_of(data)
    if text is None or ext not in (".txt", ".md"):
        return ext, data
    enc = rng.choice(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030"))
    raw = text.encode(enc, "replace")
    if enc.startswith("utf-16") and rng.random() < 0.5:
        return ext, raw[:rng.randrange(len(raw) // 2) * 2 + 1]
    return ext, raw[:-rng.randint(1, 3)]


def nul_bytes(rng, ext, data, canary):
    b = bytearray(data)
    for _ in range(10):
        b.insert(rng.randrange(len(b) + 1), 0)
    return ext, bytes(b)


def html_links(rng, ext, data, canary):
    """Links and entities pointing at the canary outside the input: none may be followed."""
    url = Path(canary).as_uri()
    bait = (f'<img src="{url}"><iframe src="{url}"></iframe><link rel="stylesheet" href="{url}">'
            f'<object data="{url}"></object><base href="{url}"><script src="{url}"></script>'
            f'<!--#include file="{canary}" --><frame src="{url}">')
    if ext not in (".html", ".htm"):
        text = _text_of(data) or ""
        data = f"<html><body><pre>{text}</pre></body></html>".encode("utf-8")
        ext = ".html"
    text = data.decode("utf-8", "replace")
    doctype = f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{url}">]>'
    text = doctype + text.replace("<body>", "<body>" + bait + "&xxe;", 1)
    return ext, text.encode("utf-8")


def deep_nesting(rng, ext, data, canary):
    depth = rng.choice((300, 3000, 50_000))
    tag = rng.choice(("div", "table><tr><td", "span", "b"))
    close = "</" + "></".join(reversed(re.findall(r"\w+", tag))) + ">"
    text = (_text_of(data) or "") if ext in (".txt", ".html", ".htm") else ""
    return ".html", ("<html><body>" + f"<{tag}>" * depth + text + close * depth + "</body></html>").encode()


def xml_entities(rng, ext, data, canary):
    """An external entity (the canary) and a billion-laughs entity in the package's XML."""
    url = Path(canary).as_uri()
    dtd = (f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{url}"><!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')

    def f(name, text):
        if not (("sharedStrings" in name or "document.xml" in name or "sheet1" in name) and text.startswith("<?xml")):
            return text
        head, _, rest = text.partition("?>")
        rest = re.sub(r"<t( [^>]*)?>", lambda m: m.group() + rng.choice(("&xxe;", "&c;")), rest, count=3)
        return head + "?>" + dtd + rest
    if ext not in (".xlsx", ".docx", ".xlsm"):
        return ext, data
    return ext, _on_parts(data, f)


def external_rels(rng, ext, data, canary):
    """Relationships whose target is the canary file (an external link, image, template)."""
    url = Path(canary).as_uri()

    def f(name, text):
        if not name.endswith(".rels") or "</Relationships>" not in text:
            return text
        extra = "".join(
            f'<Relationship Id="rXX{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/{kind}" Target="{target}" TargetMode="External"/>'
            for i, (kind, target) in enumerate((("externalLink", url), ("image", url), ("attachedTemplate", url),
                                               ("hyperlink", url), ("oleObject", "../../../../etc/passwd"))))
        inner = f'<Relationship Id="rYY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../../../../../{canary.lstrip("/")}"/>'
        return text.replace("</Relationships>", extra + inner + "</Relationships>")
    if ext not in (".xlsx", ".docx", ".xlsm"):
        return ext, data
    return ext, _on_parts(data, f)


def _with_workbook(data: bytes, f) -> bytes:
    import openpyxl
    try:
        if sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist()) > 5_000_000:
            return data     # many_rows' sheet: openpyxl would take minutes over it
        wb = openpyxl.load_workbook(io.BytesIO(data))
    except Exception:
        return data
    f(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _on_workbook(f):
    """A mutation of a workbook's cells and sheets (openpyxl), for .xlsx/.xlsm only."""
    def mutate(rng, ext, data, canary):
        if ext not in (".xlsx", ".xlsm"):
            return ext, data
        return ext, _with_workbook(data, lambda wb: f(rng, wb, canary))
    mutate.__name__ = f.__name__
    return mutate


def _value_cells(ws, rng, n):
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    return rng.sample(cells, min(n, len(cells)))


@_on_workbook
def cell_formulas(rng, wb, canary):
    """Cells with formulas (with and without a cached value), DDE and text that looks like one."""
    for ws in wb.worksheets:
        for c in _value_cells(ws, rng, 8):
            c.value = rng.choice(("=1+1", "=SUM(A1:A3)", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")",
                                  f"='file://{canary}'#$Sheet1.A1", "=1/0", "=A1", "=INDIRECT(\"A1\")"))
        for c in _value_cells(ws, rng, 4):
            c.value = rng.choice(INJECTIONS)
            c.data_type = "s"


@_on_workbook
def merged_cells(rng, wb, canary):
    for ws in wb.worksheets:
        rows, cols = ws.max_row, ws.max_column
        if rows < 2 or rows * cols > 100_000:
            continue
        for _ in range(rng.choice((1, 5, 30))):
            r = rng.randint(1, rows)
            c = rng.randint(1, max(1, cols))
            ws.merge_cells(start_row=r, start_column=c, end_row=min(r + rng.randint(0, 40), 1048576),
                           end_column=min(c + rng.randint(0, 20), 16384))


@_on_workbook
def hidden_sheets(rng, wb, canary):
    extra = wb.create_sheet(rng.choice(("隐藏", "Sheet'1", "=cmd", "汇总 (2)", "单位清单")))
    extra["A1"] = "=cmd|' /C calc'!A0"
    for ws in wb.worksheets:
        if rng.random() < 0.5:
            ws.sheet_state = rng.choice(("hidden", "veryHidden"))
    if all(ws.sheet_state != "visible" for ws in wb.worksheets):
        extra.sheet_state = "visible"


OWN_SHEETS = ("校验结果", "概览", "校验结果（xxgk）", "概览（xxgk）", "_xxgk", "单位清单", "校验结果（xxgk 2）")


@_on_workbook
def own_sheets(rng, wb, canary):
    """An office's own sheets under the names our annotation writes (a reviewer's 校验结果 of their
    own, a 概览 summary): the annotated copy must keep every one of them (`annotate-book`)."""
    for name in rng.sample(OWN_SHEETS, rng.randint(1, 3)):
        if name in wb.sheetnames:
            continue
        ws = wb.create_sheet(name, rng.choice((0, len(wb.sheetnames))))
        ws.append(["本单位自己的" + name, rng.randint(0, 999)])
        ws.append(["序号", "标识" if rng.random() < 0.3 else "说明", "复核意见"])
        ws.append([1, "手工记录", "已核实"])


@_on_workbook
def far_cell(rng, wb, canary):
    ws = rng.choice(wb.worksheets)
    ws.cell(rng.choice((1048576, 200_000)), rng.choice((1, 16384)), "末行")


_MANY: dict[int, bytes] = {}


def many_rows(rng, ext, data, canary):
    """A sheet of many real rows (up to Excel's 1,048,576), its XML written directly (openpyxl would
    take minutes): a text, two numbers and now and then a formula a row."""
    if ext not in (".xlsx", ".xlsm"):
        return ext, data
    n = rng.choice((20_000, 300_000, 1_048_576))
    if n not in _MANY:
        rows = "".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>第{i}行</t></is></c><c r="B{i}"><v>{i}</v></c>'
                       f'<c r="C{i}">{"<f>1+1</f>" if i % 997 == 0 else ""}<v>{2 * i}</v></c></row>'
                       for i in range(2, n + 1))
        sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                 'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>某单位2021年政府信息'
                 '公开工作年度报告</t></is></c></row>' + rows + '</sheetData></worksheet>')
        import openpyxl
        buf = io.BytesIO()
        wb = openpyxl.Workbook()
        wb.active.title = "年报"
        wb.save(buf)
        _MANY[n] = _on_parts(buf.getvalue(), lambda name, text: sheet if name == "xl/worksheets/sheet1.xml" else text)
    return ext, _MANY[n]


def encrypted(rng, ext, data, canary):
    if ext not in (".xlsx", ".docx", ".xlsm"):
        return ext, data
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        return ext, data
    out = io.BytesIO()
    try:
        OOXMLFile(io.BytesIO(data)).encrypt("secret", out)
    except Exception:
        return ext, data
    return ext, out.getvalue()


def strict_ooxml(rng, ext, data, canary):
    """The package saved as "Strict Open XML" (Word/Excel offer it): other namespaces, same parts."""
    if ext not in (".xlsx", ".docx", ".xlsm"):
        return ext, data
    ns = {"wordprocessingml": "http://purl.oclc.org/ooxml/wordprocessingml/main",
          "spreadsheetml": "http://purl.oclc.org/ooxml/spreadsheetml/main",
          "officeDocument/2006/relationships": "http://purl.oclc.org/ooxml/officeDocument/relationships"}

    def f(name, text):
        text = text.replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", ns["wordprocessingml"])
        text = text.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", ns["spreadsheetml"])
        return text.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                            ns["officeDocument/2006/relationships"])
    return ext, _on_parts(data, f)


def html_spans(rng, ext, data, canary):
    """Table cells whose colspan/rowspan cover millions of grid positions (a span bomb)."""
    text = (_text_of(data) or "") if ext in (".txt", ".html", ".htm") else ""
    n = rng.choice((3, 12, 50))
    rows = f'<tr><td colspan="{rng.choice((1000, 99999))}" rowspan="{rng.choice((1000, 65534))}">1</td></tr>' * n
    return ".html", f"<html><body><table>{rows}</table><pre>{text}</pre></body></html>".encode("utf-8")


def odd_namespace(rng, ext, data, canary):
    """A Word body (or sheet) whose XML is well-formed but in a namespace the reader does not know."""
    if ext not in (".docx", ".xlsx", ".xlsm"):
        return ext, data
    return ext, _on_parts(data, lambda name, text: text.replace(
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://example.com/other")
        if name in ("word/document.xml", "xl/worksheets/sheet1.xml") else text)


def archive(rng, ext, data, canary):
    """The report sent zipped, as offices send them."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("report" + ext, data)
    return rng.choice((".zip", ".rar", ".7z")), buf.getvalue()


def symlink_out(rng, ext, data, canary):
    """Marker: the case file becomes a symlink to the canary (outside the input)."""
    return ".symlink" + ext, data


def odd_cells(rng, ext, data, canary):
    """A sheet's cells written as writers other than Excel/LibreOffice/openpyxl may (python-calamine reads
    them all): `r` after `t`, single quotes, the `x:` namespace prefix or no `r` at all; now and then a
    far cell so written (its span must still be measured, u14)."""
    if ext not in (".xlsx", ".xlsm"):
        return ext, data
    how = rng.choice(("after", "quotes", "prefix", "no_r"))
    far = rng.random() < 0.5

    def sheet(name: str, text: str) -> str:
        if not name.startswith("xl/worksheets/"):
            return text
        if far:
            text = text.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
        if how == "after":
            return re.sub(r'<c r="([A-Z]+[0-9]+)"((?: [a-z]+="[^"]*")*)>', r'<c\2 r="\1">', text)
        if how == "quotes":
            return re.sub(r'<c r="([A-Z]+[0-9]+)"', r"<c r='\1'", text)
        if how == "no_r":
            return re.sub(r'(<c) r="[A-Z]+[0-9]+"', r"\1", text)
        return re.sub(r"<(/?)(?![?!])([A-Za-z]\w*)", r"<\1x:\2", text).replace(
            'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
            'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
    return ext, _on_parts(data, sheet)


def word_frames(rng, ext, data, canary):
    """A Word body framed in layout tables (one to 120 deep: past the parser's 256 levels too), or its
    spanning cells merged the old way (`w:hMerge`), as other programs save a document (u14)."""
    if ext != ".docx":
        return ext, data
    depth = rng.choice((1, 3, 120)) if rng.random() < 0.6 else 0
    frame = ('<w:tbl><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc>', "<w:p/></w:tc></w:tr></w:tbl><w:p/>")

    def body(name: str, text: str) -> str:
        if name != "word/document.xml":
            return text
        if depth:
            return re.sub(r"(<w:body>)(.*?)(<w:sectPr)", lambda m: m.group(1) + frame[0] * depth + m.group(2)
                          + frame[1] * depth + m.group(3), text, flags=re.S)
        return re.sub(r'<w:gridSpan w:val="(\d+)"/>(.*?</w:tc>)', lambda m: '<w:hMerge w:val="restart"/>' + m.group(2)
                      + "<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>" * (int(m.group(1)) - 1), text, flags=re.S)
    return ext, _on_parts(data, body)


MUTATIONS = [bidi, oddchars, fullwidth, hanzi_numbers, huge_numbers, injections, surrogates, long_line,
             combining, byteflip, truncate, zero, enormous, wrong_ext, encoding, nul_bytes, html_links,
             deep_nesting, xml_entities, external_rels, cell_formulas, merged_cells, hidden_sheets,
             far_cell, many_rows, encrypted, strict_ooxml, html_spans, odd_namespace, archive,
             symlink_out, cut_char, own_sheets, saved_page, odd_cells, word_frames]
HEAVY = {"enormous", "many_rows", "long_line", "deep_nesting"}


@dataclass
class Case:
    name: str
    mutations: list[str]
    path: Path | None = None
    failures: set[str] = field(default_factory=set)


def make_case(rng: random.Random, i: int, base: Base, folder: Path, canary: str) -> Case:
    ext, data, names = base.ext, base.data, []
    for m in rng.sample(MUTATIONS, min(rng.choice((1, 1, 2, 3)), len(MUTATIONS))):
        if m.__name__ in HEAVY and rng.random() < 0.7:
            continue        # the heavy ones are rarer: a case of 30 MB is slow for every command
        ext, data = m(rng, ext, data, canary)
        names.append(m.__name__)
    link = ext.startswith(".symlink")
    ext = ext.removeprefix(".symlink")
    path = folder / f"c{i:05d}_{base.name[:16]}_{'+'.join(names) or 'plain'}{ext}"
    if link:
        path.symlink_to(canary)
    else:
        path.write_bytes(data)
    return Case(path.name, names, path)


# --- running -----------------------------------------------------------------------------------

@dataclass
class Outcome:
    failures: set[str]
    detail: str
    lost: list[str] = field(default_factory=list)     # files neither read nor named (extract)


MEMORY_LIMIT = 3 << 30    # bytes of address space a command may take (a bomb ends there, not in swap)


def _limits() -> None:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(cmd: list[str], timeout: float) -> tuple[int | None, str, str, float]:
    t = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL, preexec_fn=_limits,
                           env={**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"})
        return (p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"),
                time.monotonic() - t)
    except subprocess.TimeoutExpired as e:
        return (None, (e.stdout or b"").decode("utf-8", "replace"), (e.stderr or b"").decode("utf-8", "replace"),
                time.monotonic() - t)


def workbook_leaks(path: Path) -> list[str]:
    import openpyxl
    bad = []
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as e:       # a workbook we wrote that openpyxl cannot open is a failure too
        return [f"unreadable output {path.name}: {e}"]
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if c.data_type == "f" or (isinstance(v, str) and c.data_type != "s" and v.startswith("=")):
                    bad.append(f"{ws.title}!{c.coordinate}: {v!r}"[:200])
                elif isinstance(v, str) and CANARY_TEXT in v:
                    bad.append(f"canary in {ws.title}!{c.coordinate}")
    return bad


def csv_leaks(text: str) -> list[str]:
    try:
        return [f[:120] for row in csv.reader(io.StringIO(text)) for f in row if f.startswith(FORMULA_START)]
    except csv.Error as e:
        return [f"csv error {e}"]


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.iterdir() if p.is_file() and not p.is_symlink()}


def judge(code, out, err, timeout_hit: bool) -> set[str]:
    f = set()
    if timeout_hit:
        f.add("timeout")
    elif code not in DOCUMENTED:
        f.add("internal" if code == 6 else "exit")
    if "Traceback (most recent call last)" in out + err:
        f.add("traceback")
    if "意外错误" in out + err:
        f.add("internal")
    if CANARY_TEXT in out + err:
        f.add("leak")
    return f


def commands(xxgk: str, inp: list[Path], scratch: Path) -> list[tuple[str, list[str], Path | None]]:
    return [
        ("extract", [xxgk, "extract", *map(str, inp)], None),
        ("check-csv", [xxgk, "check", *map(str, inp), "--format", "csv"], None),
        ("import", [xxgk, "import", *map(str, inp), "-o", str(scratch / "汇总.xlsx"), "--force"], scratch / "汇总.xlsx"),
        ("annotate", [xxgk, "check", *map(str, inp), "--annotate", str(scratch / "标注.xlsx"), "--force",
                      "--format", "json"], scratch / "标注.xlsx"),
        ("annotate-import", [xxgk, "check", str(scratch / "汇总.xlsx"), "--annotate",
                             str(scratch / "汇总-标注.xlsx"), "--force", "--format", "json"], scratch / "汇总-标注.xlsx"),
        *_annotate_book(xxgk, inp, scratch),
    ]


def _annotate_book(xxgk: str, inp: list[Path], scratch: Path) -> list[tuple[str, list[str], Path | None]]:
    """`check BOOK --annotate COPY` on the batch's first workbook: the annotated copy of one workbook
    (not a collection written anew), where every sheet of the input must survive (`lost_sheets`)."""
    files = [p for d in inp for p in (sorted(d.iterdir()) if d.is_dir() else [d])]
    book = next((p for p in files if p.suffix.lower() in (".xlsx", ".xlsm") and p.is_file()
                 and not p.is_symlink()), None)
    if book is None:
        return []
    return [("annotate-book", [xxgk, "check", str(book), "--annotate", str(scratch / f"副本{book.suffix}"),
                               "--force", "--format", "json"], None)]


def lost_sheets(book: Path, copy: Path) -> list[str]:
    """The input's sheets (all but an earlier run's state, A1 its marker) missing from the annotated
    copy or holding other values there; our own sheets in the copy (校验结果…, 概览…) holding a formula."""
    import openpyxl

    from checker.annotate.state import MAGIC
    try:
        before = openpyxl.load_workbook(book)
    except Exception:
        return []           # a workbook openpyxl cannot open is refused (F5) before any copy
    try:
        after = openpyxl.load_workbook(copy)
    except Exception as e:
        return [f"unreadable copy: {e}"]
    bad = []
    for ws in before.worksheets:
        if ws["A1"].value == MAGIC:      # our state: replaced by this run's
            continue
        if ws.title not in after.sheetnames:
            bad.append(f"sheet gone: {ws.title}")
        elif list(ws.iter_rows(values_only=True)) != list(after[ws.title].iter_rows(values_only=True)):
            bad.append(f"sheet changed: {ws.title}")
    for ws in after.worksheets:
        if ws.title not in before.sheetnames or ws["A1"].value == MAGIC:
            bad += [f"{ws.title}!{c.coordinate}: {c.value!r}"[:200] for row in ws.iter_rows() for c in row
                    if c.data_type == "f"]
    return bad


def run_all(xxgk: str, inp: list[Path], scratch: Path, timeout: float) -> dict[str, Outcome]:
    """Every command over the inputs: the failures of each."""
    results: dict[str, Outcome] = {}
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    for name, cmd, written in commands(xxgk, inp, scratch):
        if name == "annotate-import" and not (scratch / "汇总.xlsx").exists():
            continue
        code, out, err, secs = run(cmd, timeout)
        fails = judge(code, out, err, code is None)
        detail, lost = "", []
        if name == "check-csv" and code in (0, 1, 2):
            if leaks := csv_leaks(out):
                fails.add("leak")
                detail += f"csv: {leaks[:3]} "
        if written is not None and written.exists():
            if leaks := workbook_leaks(written):
                fails.add("leak")
                detail += f"{written.name}: {leaks[:3]} "
        if name == "annotate-book" and code in (0, 1, 2) and (copy := Path(cmd[4])).exists():
            if gone := lost_sheets(Path(cmd[2]), copy):
                fails.add("lost")
                lost = [Path(cmd[2]).name]
                detail += f"copy: {gone[:3]} "
        if name == "extract" and code in (0, 2):
            try:
                doc = json.loads(out)
                seen = {Path(r["source"]).name for r in doc.get("reports", [])} | \
                    {Path(e.get("source") or e.get("where") or "").name for e in doc.get("errors", [])}
                files = [p for p in inp if p.is_file() or p.is_symlink()] if all(not p.is_dir() for p in inp) else \
                    [p for d in inp for p in d.iterdir()]
                lost = [p.name for p in files if p.name not in seen]
                if lost:
                    fails.add("lost")
                    detail += f"lost: {lost[:3]} "
            except json.JSONDecodeError as e:
                fails.add("exit")
                detail += f"extract output not JSON: {e} "
        if fails:
            tail = (err or out).strip().splitlines()[-3:]
            detail += f"rc={code} {secs:.0f}s {' | '.join(tail)[:400]}"
        results[name] = Outcome(fails, detail, lost)
    return results


def bisect(xxgk: str, files: list[Path], command: str, scratch: Path, timeout: float) -> list[tuple[Path, Outcome]]:
    """The files that make `command` fail on their own (halving the batch)."""
    if len(files) == 1:
        o = run_all(xxgk, files, scratch, timeout).get(command)
        return [(files[0], o)] if o and o.failures else []
    half = len(files) // 2
    out = []
    for part in (files[:half], files[half:]):
        o = run_all(xxgk, part, scratch, timeout).get(command)
        if o and o.failures:
            out += bisect(xxgk, part, command, scratch, timeout)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xxgk", required=True, help="the INSTALLED xxgk executable (a wheel in a fresh venv)")
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=40)
    ap.add_argument("--out", type=Path, default=Path("bench/out/fuzz"))
    ap.add_argument("--only", help="comma-separated mutation names")
    ap.add_argument("--ext", help="comma-separated base extensions (.xlsx,.txt): only those bases")
    a = ap.parse_args(argv)
    global MUTATIONS
    if a.only:
        MUTATIONS = [m for m in MUTATIONS if m.__name__ in a.only.split(",")]
    rng = random.Random(a.seed)
    out = a.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    (out / "outside").mkdir(parents=True)
    canary = out / "outside" / "canary.txt"
    canary.write_text(CANARY_TEXT + "\n" + (SEEDS / sorted(os.listdir(SEEDS))[0]).read_text("utf-8"), "utf-8")
    canary_hash = hashlib.sha256(canary.read_bytes()).hexdigest()
    base = bases(rng, out, a.xxgk)
    if a.ext:
        base = [b for b in base if b.ext in a.ext.split(",")]
    counts: Counter = Counter()
    by_mutation: Counter = Counter()
    failing: list[dict] = []
    t0 = time.monotonic()
    n_batches = (a.cases + a.batch - 1) // a.batch
    for b in range(n_batches):
        folder = out / "cases" / f"b{b:04d}"
        folder.mkdir(parents=True)
        cases = [make_case(rng, b * a.batch + i, rng.choice(base), folder, str(canary))
                 for i in range(min(a.batch, a.cases - b * a.batch))]
        before = hashes(folder)
        timeout = 120 + 6 * len(cases)
        res = run_all(a.xxgk, [folder], out / "scratch", timeout)
        case_fail: dict[str, set[str]] = {c.name: set() for c in cases}
        for command, o in res.items():
            if not o.failures:
                continue
            files = sorted(p for p in folder.iterdir())
            culprits = bisect(a.xxgk, files, command, out / "scratch1", 60 + 6 * len(files)) if \
                o.failures - {"lost"} else []
            if not culprits and not o.lost:       # a failure of the folder as a whole
                failing.append({"batch": b, "command": command, "failures": sorted(o.failures), "detail": o.detail})
                for f in o.failures:
                    counts[f"{f} (folder)"] += 1
            for name in o.lost:
                case_fail.setdefault(name, set()).add("lost")
            for path, co in culprits:
                case_fail.setdefault(path.name, set()).update(co.failures)
                failing.append({"case": str(path), "command": command, "failures": sorted(co.failures),
                                "detail": co.detail})
        after = hashes(folder)
        for name in before:
            if after.get(name) != before[name]:
                case_fail[name].add("modified")
        if hashlib.sha256(canary.read_bytes()).hexdigest() != canary_hash:
            counts["modified (canary)"] += 1
        for c in cases:
            fs = case_fail.get(c.name, set())
            counts["cases"] += 1
            for f in fs:
                counts[f] += 1
                for m in c.mutations:
                    by_mutation[f"{f}:{m}"] += 1
            if not fs:
                counts["clean"] += 1
        elapsed = time.monotonic() - t0
        print(f"batch {b + 1}/{n_batches} {elapsed:.0f}s {dict(counts)}", file=sys.stderr, flush=True)
        # keep the failing cases, drop the clean ones (disk)
        for c in cases:
            if not case_fail.get(c.name) and c.path and (c.path.exists() or c.path.is_symlink()):
                c.path.unlink()
    report = {"counts": dict(counts), "by_mutation": dict(by_mutation.most_common()), "failing": failing,
              "seconds": round(time.monotonic() - t0)}
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    print(json.dumps({"counts": dict(counts), "by_mutation": dict(by_mutation.most_common(30))},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
