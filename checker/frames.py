"""The long frame (one row per printed cell: report, unit, year, format, table, cell, value) and its
pandera schema, validated in bulk over all reports at once: one `validate` call per run, never one
per report (a call costs milliseconds; at 100,000 reports that alone would be minutes)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .model import Finding, Report
from .templates import FORMATS, template

_ALL_IDS = sorted({c.id for f in FORMATS for c in template(f).cells})
_SIGNED = sorted({c.id for f in FORMATS for c in template(f).cells if c.kind == "signed"})
_TABLES = sorted({c.table for f in FORMATS for c in template(f).cells})


def cells_frame(reports: list[Report]) -> pd.DataFrame:
    """All printed cells of all reports, built column-wise from the reports' cell vectors:
    categorical codes and numpy gathers, no per-cell Python objects."""
    units = pd.Categorical([r.unit or "" for r in reports])
    years = pd.array([r.year for r in reports], dtype="Int64")
    parts = []
    for fmt in FORMATS:
        idx = np.array([i for i, r in enumerate(reports) if r.format == fmt and r.present is not None], dtype=np.int64)
        if not len(idx):
            continue
        specs = template(fmt).cells
        present = np.stack([reports[i].present for i in idx])
        ri, ci = np.nonzero(present)
        values = np.stack([reports[i].values for i in idx])[ri, ci]
        rep = idx[ri]
        cell_codes = np.searchsorted(_ALL_IDS, np.array([c.id for c in specs]))[ci]
        table_codes = np.searchsorted(_TABLES, np.array([c.table for c in specs]))[ci]
        parts.append(pd.DataFrame({
            "report": rep,
            "unit": pd.Categorical.from_codes(units.codes[rep], units.categories),
            "year": years[rep],
            "format": pd.Categorical.from_codes(np.full(len(rep), FORMATS.index(fmt)), list(FORMATS)),
            "cell": pd.Categorical.from_codes(cell_codes, _ALL_IDS),
            "table": pd.Categorical.from_codes(table_codes, _TABLES),
            "value": values,
        }))
    if not parts:
        return _empty()
    return pd.concat(parts, ignore_index=True)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"report": pd.Series(dtype="int64"), "unit": pd.Categorical([]),
                         "year": pd.Series(dtype="Int64"), "format": pd.Categorical([], list(FORMATS)),
                         "cell": pd.Categorical([], _ALL_IDS), "table": pd.Categorical([], _TABLES),
                         "value": pd.Series(dtype="float64")})


def cell_schema():
    """The pandera schema of the long frame (imported lazily: pandera is slow to import)."""
    import pandera.pandas as pa

    def non_negative(df: pd.DataFrame) -> pd.Series:
        # blank (NaN) passes here: it is F1's business; 本年增/减 may be negative
        return df["value"].isna() | (df["value"] >= 0) | df["cell"].isin(_SIGNED)

    return pa.DataFrameSchema(
        {
            "report": pa.Column("int64", pa.Check.ge(0)),
            "unit": pa.Column("category"),
            "year": pa.Column("Int64", pa.Check.in_range(1990, 2100), nullable=True),
            "format": pa.Column("category", pa.Check.isin(list(FORMATS))),
            "cell": pa.Column("category", pa.Check.isin(_ALL_IDS)),
            "table": pa.Column("category", pa.Check.isin(_TABLES)),
            "value": pa.Column("float64", nullable=True),
        },
        checks=[pa.Check(non_negative, name="non_negative", error="数值不能为负")],
        strict=True,
    )


def validate(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate lazily; return the frame and the failure cases (empty when all is well)."""
    import pandera.errors as pe
    try:
        return cell_schema().validate(df, lazy=True), pd.DataFrame()
    except pe.SchemaErrors as err:
        return df, err.failure_cases


def validate_reports(reports: list[Report]) -> list[tuple[int, Finding]]:
    """Validate every report's cells in one pandera pass; each failure becomes a finding on its
    report (index into `reports`): a negative count is R5, any other failure F4 (a cell the
    templates do not know, a data year outside 1990–2100)."""
    from .findings import make
    df = cells_frame(reports)
    if df.empty:
        return []
    _, failures = validate(df)
    if failures.empty:
        return []
    out: list[tuple[int, Finding]] = []
    rows = failures["index"].dropna().astype("int64").unique()
    for k in rows:
        row = df.iloc[int(k)]
        i, cell = int(row["report"]), str(row["cell"])
        r = reports[i]
        where = f"{r.source} {r.locate(cell) or ''}".strip()
        label = template(r.format).cell(cell).label if cell in template(r.format).index else cell
        if not pd.isna(row["value"]) and row["value"] < 0 and cell not in _SIGNED:
            out.append((i, make("R5", unit=r.unit, year=r.year, cells=[r.ref(cell)], suspect=r.ref(cell),
                                actual=row["value"], source=r.source, where=where, label=label,
                                detail="为负数，件数和金额不能为负")))
        else:
            checks = ", ".join(sorted(set(failures.loc[failures["index"] == k, "check"].astype(str))))
            out.append((i, make("F4", unit=r.unit, year=r.year, cells=[r.ref(cell)], source=r.source,
                                where=where, detail=f"「{label}」未通过数据校验（{checks}）。")))
    return out
