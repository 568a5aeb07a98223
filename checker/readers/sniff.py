"""What a file holds when its name says otherwise, for the names that often lie.

Real downloads: a CMS's "导出 Excel" is an HTML table saved as `.xls`; a site's "下载 Word" is a
page Word saved as HTML (`.doc`); a `.xlsx` is served as `.xls`, a `.docx` renamed `.doc` or
`.wps`; a browser's or Word's "单个文件网页" is `.mht`/`.mhtml` (the page inside a MIME message).
Excel, Word and WPS open all of these by their content. Only those suffixes (`SNIFFED`) are looked
into, and only when the content is one we read is it read as that; anything else keeps the answer
its suffix gets (an OLE `.doc` is still "save as .docx").
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

SNIFFED = frozenset((".xls", ".doc", ".wps", ".et", ".mht", ".mhtml"))
_HEAD = 4096
_ZIP = b"PK\x03\x04"     # a zip package's first local header
_MIME_HEADER = re.compile(rb"^(mime-version|content-type|from|subject|date|x-[\w-]+|message-id)\s*:", re.I)
_HTML_START = re.compile(rb"^(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)


def content_reader(path: Path | str) -> str | None:
    """The reader module for what `path` holds ("docx", "workbook", "html"), or None when that is
    not one we read (or the file does not open: the usual reading says why)."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD)
    except OSError:
        return None
    if head.startswith(_ZIP):
        kind = package_kind(path)
        return {"xlsx": "workbook", "ods": "workbook", "docx": "docx"}.get(kind or "")
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom):]
            if bom != codecs.BOM_UTF8:      # an HTML page saved as "Unicode": its ASCII start
                head = head.decode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be",
                                   "replace").encode("ascii", "replace")
            break
    head = head.lstrip()
    if _HTML_START.match(head):
        return "html"
    if _MIME_HEADER.match(head) and is_mime_page(head):
        return "html"
    return None


def package_kind(path: Path | str) -> str | None:
    """"docx", "xlsx" or "ods" for a zip package of that kind, whatever its name; else None."""
    import zipfile
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names:
                with z.open("mimetype") as f:      # its first bytes only: the package is not checked yet
                    if f.read(80).strip() == b"application/vnd.oasis.opendocument.spreadsheet":
                        return "ods"
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, ValueError):
        return None
    return None


def is_zip(path: Path | str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == _ZIP
    except OSError:
        return False


def is_mime_page(head: bytes) -> bool:
    """A saved single-file web page (MHTML): MIME headers, then a multipart/related message or a
    single text/html body."""
    top = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0].lower()
    return bool(_MIME_HEADER.match(head.lstrip())) and (b"multipart/related" in top or b"text/html" in top)


def mime_html(data: bytes) -> bytes | None:
    """The page inside a saved single-file web page: its first text/html part, decoded from its
    transfer encoding (quoted-printable, base64) and given as UTF-8 with a BOM when the part names
    its charset (that charset is the page's own, whatever the page's <meta> says). None when the
    data is not such a message or holds no page."""
    if not is_mime_page(data[:_HEAD].lstrip()):
        return None
    import email
    from email import policy
    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        body = part.get_payload(decode=True)
        if not isinstance(body, bytes):
            continue
        charset = part.get_content_charset()
        charset = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(charset or "", charset)
        if charset:
            try:
                return codecs.BOM_UTF8 + body.decode(charset).encode("utf-8")
            except (LookupError, UnicodeDecodeError):
                pass          # a wrong or unknown label: the page's own <meta> and decoding decide
        return body
    return None
