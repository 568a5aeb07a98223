"""The unit hierarchy (`--units FILE`): a CSV or a workbook sheet with columns 单位 and 上级单位,
and the matching of printed unit names to it, tolerant of spaces and common short forms
("哈尔滨市道里区人民政府办公室" matches "道里区政府办")."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .collection import INDEX_SHEET

# long form -> the short form offices commonly print (applied in this order)
_SHORT_FORMS = (
    ("人民政府", "政府"), ("办公室", "办"), ("城市管理", "城管"), ("委员会", "委"),
    ("管理局", "局"), ("（", "("), ("）", ")"),
)
# leading province / city names: "黑龙江省哈尔滨市道里区…" -> "道里区…"
_ADMIN_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{2,6}?市(?!场|民|政|容|管))?")


@lru_cache(maxsize=65536)
def normalise(name: str | None) -> str:
    """The matching key of a unit name: no spaces, short forms applied."""
    s = re.sub(r"\s+", "", name or "")
    for long, short in _SHORT_FORMS:
        s = s.replace(long, short)
    return s


@lru_cache(maxsize=65536)
def bare(name: str | None) -> str:
    """`normalise` without the leading province/city names."""
    s = normalise(name)
    stripped = _ADMIN_PREFIX.sub("", s)
    return stripped if len(stripped) >= 2 else s


class UnitsError(Exception):
    """A units file that cannot be used; the message is Chinese and names the file."""


@dataclass
class Hierarchy:
    """unit name -> parent name (None for a top), as given; `source` for messages."""
    parents: dict[str, str | None] = field(default_factory=dict)
    source: str = ""

    def names(self) -> list[str]:
        out = dict.fromkeys(self.parents)
        for p in self.parents.values():
            if p:
                out.setdefault(p, None)
        return list(out)


def load(path: Path) -> Hierarchy:
    """Read a units file: .csv (UTF-8, with or without BOM, or GB18030) or a workbook whose sheet
    `单位清单` (else the first sheet) has the columns 单位 and 上级单位."""
    path = Path(path)
    if not path.is_file():
        raise UnitsError(f"{path}：单位清单文件不存在。" if not path.exists()
                         else f"{path}：单位清单不是普通文件（文件夹、管道或设备），不读取。")
    from .readers import ReadError
    from .readers.safety import check_file
    text = path.suffix.lower() in (".csv", ".txt", ".tsv")     # .txt: Excel's 「Unicode 文本」 (tabs, UTF-16)
    try:        # the same size and zip-bomb limits as a report
        check_file(path, "text" if text else "workbook", path.stat().st_size)
    except ReadError as e:
        raise UnitsError(f"单位清单：{e.message}") from None
    if text:
        rows = _csv_rows(path)
        where = str(path)
    else:
        rows, where = _sheet_rows(path)
    return from_rows(rows, where)


def from_rows(rows: list[list[object]], where: str) -> Hierarchy:
    header_at = next((i for i, r in enumerate(rows[:10])
                      if "单位" in [_cell(c) for c in r] and "上级单位" in [_cell(c) for c in r]), None)
    if header_at is None:
        raise UnitsError(f"{where}：前 10 行中找不到列名“单位”和“上级单位”。")
    header = [_cell(c) for c in rows[header_at]]
    iu, ip = header.index("单位"), header.index("上级单位")
    h = Hierarchy(source=where)
    for n, r in enumerate(rows[header_at + 1:], header_at + 2):
        unit = _cell(r[iu]) if iu < len(r) else ""
        parent = _cell(r[ip]) if ip < len(r) else ""
        if not unit:
            continue
        if unit in h.parents and h.parents[unit] != (parent or None):
            raise UnitsError(f"{where} 第{n}行：单位“{unit}”的上级单位前后不一致。")
        h.parents[unit] = parent or None
    return h


def _cell(v: object) -> str:
    return "" if v is None else str(v).strip()


def _csv_rows(path: Path) -> list[list[str]]:
    """A units list as text: the encodings a text report may have (UTF-8, GB18030, UTF-16/32 with a
    BOM, UTF-16 without: Excel's 「Unicode 文本」), comma- or, as Excel saves it, tab-separated."""
    from .readers import ReadError
    from .readers.encoding import decode
    try:
        text = decode(path.read_bytes(), path.name)
    except ReadError as e:
        raise UnitsError(f"{path}：{e.message}（单位清单应为 UTF-8 或 GB18030 编码的 CSV，或 Excel 工作簿）") from None
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    return list(csv.reader(lines, delimiter="\t" if "\t" in first and "," not in first else ","))


def _sheet_rows(path: Path) -> tuple[list[list[object]], str]:
    try:
        from python_calamine import CalamineWorkbook
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as e:
        raise UnitsError(f"{path}：无法作为工作簿读取（{type(e).__name__}）。") from e
    names = wb.sheet_names
    sheet = INDEX_SHEET if INDEX_SHEET in names else names[0]
    return wb.get_sheet_by_name(sheet).to_python(), f"{path}（工作表 {sheet}）"


class Matcher:
    """Matches printed unit names against a list of known names: exact key, key without the
    province/city prefix, then a unique suffix match. `match` returns the known name or None."""

    def __init__(self, known: list[str]):
        self.known = known
        self._exact = {normalise(n): n for n in known}
        # built at the first name without an exact match: at 100,000 reports every name usually
        # matches exactly, and the two indexes over 50,000 names cost a quarter second each time
        self._bare: dict[str, list[str]] | None = None
        # last 3 characters -> (name, its bare form): suffix matches share them
        self._tail: dict[str, list[tuple[str, str]]] | None = None

    def _index(self) -> None:
        self._bare, self._tail = {}, {}
        for n in self.known:
            b = bare(n)
            self._bare.setdefault(b, []).append(n)
            self._tail.setdefault(b[-3:], []).append((n, b))

    def match(self, name: str | None) -> str | None:
        if not name:
            return None
        key = normalise(name)
        if key in self._exact:
            return self._exact[key]
        if self._bare is None:
            self._index()
        hits = self._bare.get(bare(name), [])
        if len(hits) == 1:
            return hits[0]
        hits = self._suffix(bare(name))
        return hits[0] if len(hits) == 1 else None

    def _suffix(self, b: str) -> list[str]:
        """Known names whose bare form ends with `b` or is the end of it (3 characters or more)."""
        assert self._tail is not None
        if len(b) < 3:
            return []
        # each name's bare form kept from the index: a sharded check asks this for each of a
        # thousand districts, and the names ending like a district's (…人民政府) are a thousand too
        return [n for n, nb in self._tail.get(b[-3:], []) if len(nb) >= 3 and (nb.endswith(b) or b.endswith(nb))]

    def candidates(self, name: str) -> list[str]:
        """Every known name `match` could return for `name`, whichever of them a smaller list of
        known names kept (a sharded check groups a parent with all of them)."""
        if self._bare is None:
            self._index()
        assert self._bare is not None
        b = bare(name)
        exact = self._exact.get(normalise(name))
        return [*self._bare.get(b, []), *self._suffix(b), *([exact] if exact is not None else [])]
