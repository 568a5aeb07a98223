"""The long frame (one row per cell: unit, year, table, row, column, value, source) and its pandera
schema, validated in bulk over all reports at once (one `validate` call, not one per report)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .model import Report
from .templates import FORMATS, template

_ALL_IDS = sorted({c.id for f in FORMATS for c in template(f).cells})
_SIGNED = sorted({c.id for f in FORMATS for c in template(f).cells if c.kind == "signed"})


def cells_frame(reports: list[Report]) -> pd.DataFrame:
    """All printed cells of all reports, one row each, built column-wise (no per-cell Python objects)."""
    parts = []
    for fmt in FORMATS:
        rs = [(i, r) for i, r in enumerate(reports) if r.format == fmt and r.present is not None]
        if not rs:
            continue
        specs = template(fmt).cells
        n = len(specs)
        present = np.stack([r.present for _, r in rs])
        ri, ci = np.nonzero(present)
        values = np.stack([r.values for _, r in rs])[ri, ci]
        idx = np.array([i for i, _ in rs])[ri]
        parts.append(pd.DataFrame({
            "report": idx,
            "unit": pd.Categorical([reports[i].unit or "" for i in idx]),
            "year": pd.array([reports[i].year for i in idx], dtype="Int64"),
            "format": fmt,
            "cell": pd.Categorical(np.array([c.id for c in specs], dtype=object)[ci]),
            "table": pd.Categorical(np.array([c.table for c in specs], dtype=object)[ci]),
            "value": values,
        }))
        del n
    if not parts:
        return _empty()
    df = pd.concat(parts, ignore_index=True)
    for col in ("unit", "cell", "table", "format"):
        df[col] = df[col].astype("category")
    return df


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"report": pd.Series(dtype="int64"), "unit": pd.Series(dtype="category"),
                         "year": pd.Series(dtype="Int64"), "format": pd.Series(dtype="category"),
                         "cell": pd.Series(dtype="category"), "table": pd.Series(dtype="category"),
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
            "table": pa.Column("category"),
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
