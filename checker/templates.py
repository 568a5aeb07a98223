"""The three table templates (2019, 2021, legacy), loaded from `schemas/templates/`.

One source of truth for readers, rules and the workbook writer: every cell id with its Chinese
labels, its kind (count, signed, money, wan) and the label fragments readers match on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

# libyaml's safe loader where installed: the pure-Python one dominates start-up (bench/NOTES.md)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _schemas():
    """The repository's top-level `schemas/` folder, installed inside the package as
    `checker.schemas` (pyproject.toml maps it) and read as package resources, so a wheel, an sdist
    and an editable install all find it; a checkout run without installing reads the folder."""
    try:
        return resources.files("checker.schemas")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "schemas"


SCHEMAS = _schemas()
FORMATS = ("2019", "2021", "legacy")
TABLES = ("active", "requests", "appeals")     # the three tables of the 2019 and 2021 formats
TABLE_LABELS = {
    "active": "主动公开政府信息情况",
    "requests": "收到和处理政府信息公开申请情况",
    "appeals": "政府信息公开行政复议、行政诉讼情况",
    "legacy": "政府信息公开情况统计表",
}


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    keys: tuple[str, ...]
    kind: str = "count"  # count | signed | money | wan


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    keys: tuple[str, ...]
    columns: tuple[Column, ...]
    group: str | None = None      # the printed group label (（三）不予公开) the row stands under
    section: str | None = None    # 第二十条第（一）项 for table active
    exact: bool = False           # the key must be the whole label (规章, 其他)


@dataclass(frozen=True)
class Table:
    id: str
    label: str
    keys: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class CellSpec:
    id: str          # TABLE.ROW.COLUMN
    table: str
    row: str
    column: str
    label: str       # row label · column label, for messages
    kind: str


@dataclass(frozen=True)
class Template:
    format: str
    basis: str
    tables: tuple[Table, ...]
    cells: tuple[CellSpec, ...]
    index: dict = field(repr=False)   # cell id -> position in `cells`

    @property
    def cell_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.cells)

    def table(self, table_id: str) -> Table:
        return next(t for t in self.tables if t.id == table_id)

    def cell(self, cell_id: str) -> CellSpec:
        return self.cells[self.index[cell_id]]


def _column(cid: str, spec: dict) -> Column:
    return Column(cid, spec["label"], tuple(spec.get("keys", [spec["label"]])), spec.get("kind", "count"))


def _load_yaml(name: str) -> dict:
    with (SCHEMAS / "templates" / name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


def _active(fmt: str, spec: dict) -> Table:
    columns = {cid: _column(cid, c) for cid, c in spec["columns"].items()}
    rows = tuple(
        Row(r["id"], r["label"], tuple(r["keys"]), tuple(columns[c] for c in r["columns"]),
            section=r.get("section"), exact=r.get("exact", False))
        for r in spec["rows"]
    )
    return Table("active", spec["label"], tuple(spec["keys"]), rows)


def _requests(fmt: str, spec: dict) -> Table:
    columns = tuple(_column(c["id"], c) for c in spec["columns"])
    rows = tuple(
        Row(r["id"], r["label"], tuple(r["keys"]), columns, group=r.get("group"), exact=r.get("exact", False))
        for r in spec["rows"]
        if fmt in r.get("only", [fmt])
    )
    return Table("requests", spec["label"], tuple(spec["keys"]), rows)


def _appeals(spec: dict) -> Table:
    columns = tuple(
        Column(f"{g['id']}.{r['id']}", f"{g['label']}·{r['label']}", (r["label"],))
        for g in spec["groups"] for r in spec["results"]
    )
    row = Row("count", "案件数", ("行政复议",), columns)
    return Table("appeals", spec["label"], tuple(spec["keys"]), (row,))


def _cells(tables: tuple[Table, ...]) -> tuple[CellSpec, ...]:
    return tuple(
        CellSpec(f"{t.id}.{r.id}.{c.id}", t.id, r.id, c.id, f"{r.label}·{c.label}", c.kind)
        for t in tables for r in t.rows for c in r.columns
    )


def _legacy(spec: dict) -> Template:
    cells = tuple(
        CellSpec(c["id"], "legacy", c["id"].split(".", 1)[1].rsplit(".", 1)[0] if c["id"].count(".") > 1 else "",
                 c["id"].rsplit(".", 1)[1], c["label"], c.get("kind", "count"))
        for c in spec["cells"]
    )
    rows = tuple(
        Row(c["id"], c["label"], tuple(c["keys"]), (Column("value", c["label"], (), c.get("kind", "count")),))
        for c in spec["cells"]
    )
    table = Table("legacy", TABLE_LABELS["legacy"], ("政府信息公开情况统计表",), rows)
    return Template("legacy", spec["basis"], (table,), cells, {c.id: i for i, c in enumerate(cells)})


@cache
def template(fmt: str) -> Template:
    """The template of format `fmt` ("2019", "2021" or "legacy")."""
    if fmt not in FORMATS:
        raise KeyError(f"未知的表格格式：{fmt}")
    spec = _load_yaml(f"{fmt}.yaml")
    if fmt == "legacy":
        return _legacy(spec)
    tables = (_active(fmt, spec["active"]), _requests(fmt, _load_yaml(spec["requests"])),
              _appeals(_load_yaml(spec["appeals"])))
    cells = _cells(tables)
    return Template(fmt, spec["basis"], tables, cells, {c.id: i for i, c in enumerate(cells)})


def format_for_year(year: int | None) -> str | None:
    """The template generation a report of data year `year` should use."""
    if year is None:
        return None
    return "legacy" if year <= 2018 else "2019" if year <= 2020 else "2021"
