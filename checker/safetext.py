"""Report text stays text in every spreadsheet we write (OWASP CSV/formula injection).

Unit names, titles, file and sheet names and messages come from documents sent in by many offices;
the workbooks and CSVs we write go back to them. Text starting with = + - @ (or a tab/CR) is a
formula or DDE call to Excel and LibreOffice when typed, pasted or opened from CSV, so:
- CSV fields and values handed to a live Excel (xlwings) get Excel's own text marker, a leading `'`;
- openpyxl cells are stored as strings (openpyxl would store `=…` as a formula) with the
  quotePrefix style, so Excel shows them as text and keeps them text when edited.
"""
from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What a worksheet cannot hold (XML 1.0), and, with CR and the C1 controls, what a terminal obeys
# rather than shows (ESC sequences clear the screen or retitle the window, CR overwrites a line);
# also the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069): in a file named
# `报告\u202egnp.exe` they reverse the rest of the line in a terminal that lays text out both ways
# ("Trojan Source"), so the message no longer reads as it was written.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def quoted(value):
    """`value` as Excel should take it when typed or read from CSV: text that would start a
    formula gets a leading `'`; everything else (numbers, None, plain text) is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def quoted_rows(rows):
    """`quoted` over a 2-D list of values (a block written to Excel in one go)."""
    return [[quoted(v) for v in row] if isinstance(row, (list, tuple)) else quoted(row) for row in rows]


def sheet_ref(sheet: str, addr: str) -> str:
    """`'Sheet'!B5` for a link's location: a `'` inside a sheet name is doubled, as Excel writes it
    (a user's sheet may be named `O'Neil 2021`; unescaped, the link points nowhere)."""
    return "'" + sheet.replace("'", "''") + "'!" + addr


# Excel's limit on a sheet name: 31 characters as Excel counts them, in UTF-16 code units. A
# character beyond the Basic Multilingual Plane (GB18030's four-byte 𠀋 of a place name, an emoji)
# counts two; a longer name is "repaired" (cut and renamed) by Excel when the file opens.
SHEET_NAME_UNITS = 31


def sheet_name_cut(name: str, units: int = SHEET_NAME_UNITS) -> str:
    """The longest start of `name` of at most `units` UTF-16 code units, never half a character."""
    if len(name) * 2 <= units or len(name.encode("utf-16-le")) <= 2 * units:
        return name
    out, used = [], 0
    for ch in name:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            break
        out.append(ch)
    return "".join(out)


def same_sheet_name(name: str) -> str:
    """What Excel compares when it tells sheet names apart: case does not count (`ABC2021` and
    `abc2021` cannot both be sheets; openpyxl renames the second `abc20211` without a word)."""
    return name.casefold()


def keep_as_text(ws) -> None:
    """Every cell of an openpyxl sheet we wrote that openpyxl would save as a formula is saved as the
    text it is. Only for sheets whose every cell is ours: a reviewer's own formulas are not touched.
    Text that cannot be stored (a file name that is not UTF-8) is stored with those bytes escaped."""
    for cell in ws._cells.values():
        if cell.data_type == "f" or (cell.data_type == "s" and isinstance(cell.value, str)
                                     and cell.value.startswith(FORMULA_START)):
            cell.data_type = "s"
            cell.quotePrefix = True
        if cell.data_type == "s" and isinstance(cell.value, str) and not cell.value.isascii():
            cell._value = storable(cell.value)


def storable(text: str) -> str:
    """`text` as UTF-8 and a worksheet can store it: lone surrogates (undecodable bytes of a file name,
    kept by Python as surrogateescape) become visible escapes like `\\xff` instead of failing the save;
    so do control characters XML forbids (openpyxl raises on them: a file named `a\\x1b.txt`, a cell
    `24\\x1b83`, a web page's `&#27;`)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
            if _only_escapes(text) else text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _XML_ILLEGAL.sub(_shown, text) if _XML_ILLEGAL.search(text) else text


def _only_escapes(text: str) -> bool:
    try:
        text.encode("utf-8", "surrogateescape")
        return True
    except UnicodeEncodeError:
        return False


def escape_strings(obj, fn=None):
    """`obj` (a Report, its findings, facts…) with every string made `storable`, in place where it
    is an object. For the rare report whose file name is not UTF-8: its source and every message
    naming the file can then be printed, hashed and saved like any other. `fn`: another escape
    (`printable`, for the terminal)."""
    if isinstance(obj, str):
        return (fn or storable)(obj)
    if isinstance(obj, list):
        obj[:] = [escape_strings(v, fn) for v in obj]
        return obj
    if isinstance(obj, tuple):
        return type(obj)(escape_strings(v, fn) for v in obj)
    if isinstance(obj, dict):
        items = [(escape_strings(k, fn), escape_strings(v, fn)) for k, v in obj.items()]
        obj.clear()
        obj.update(items)
        return obj
    fields = getattr(obj, "__dataclass_fields__", None)
    if fields:
        for name in fields:
            object.__setattr__(obj, name, escape_strings(getattr(obj, name), fn))
    return obj


def printable(text):
    """`text` as a terminal should show it: control characters as visible escapes (`\\x1b`); newlines
    and tabs kept. For report text (names, messages) in the table and on stderr."""
    return _TERMINAL.sub(_shown, text) if isinstance(text, str) and _TERMINAL.search(text) else text


def _shown(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
