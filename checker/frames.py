"""The frames pandera validates in bulk: a long frame, one row per printed cell (report, cell,
value), and a frame of the reports' metadata (unit, year, format). A handful of `validate` calls per
run (the cells in chunks of CHUNK reports), never one per report: a call costs milliseconds, and at
100,000 reports that alone would be minutes."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from .model import Finding, Report, stacked
from .templates import FORMATS, template

_ALL_IDS = sorted({c.id for f in FORMATS for c in template(f).cells})
_SIGNED = sorted({c.id for f in FORMATS for c in template(f).cells if c.kind == "signed"})
# amounts (元, 万元) may print decimals; every other cell counts things
_AMOUNTS = sorted({c.id for f in FORMATS for c in template(f).cells if c.kind in ("money", "wan")})


CELL_DTYPE = pd.CategoricalDtype(_ALL_IDS)
FORMAT_DTYPE = pd.CategoricalDtype(list(FORMATS))
# per cell code: may it be negative / hold a fraction (a lookup by code, not `np.isin` over every
# row); one False more at the end, which a missing cell's code −1 takes, as `isin` said of it
_IS_SIGNED = np.append(np.isin(np.arange(len(_ALL_IDS)), np.searchsorted(_ALL_IDS, _SIGNED)), False)
_IS_AMOUNT = np.append(np.isin(np.arange(len(_ALL_IDS)), np.searchsorted(_ALL_IDS, _AMOUNTS)), False)
CHUNK = 10_000   # reports validated per pandera call


def reports_frame(reports: list[Report]) -> pd.DataFrame:
    """One row per report: its metadata, validated once (not repeated on each of its cells)."""
    return pd.DataFrame({
        "report": np.arange(len(reports), dtype=np.int32),
        "unit": pd.Categorical([r.unit or "" for r in reports]),
        "year": pd.array([r.year for r in reports], dtype="Int64"),
        "format": pd.Categorical([r.format for r in reports], dtype=FORMAT_DTYPE),
    })


def cells_frame(reports: list[Report], blocks=None, start: int = 0) -> pd.DataFrame:
    """All printed cells of all reports, one row each (report, cell, value), built from the
    reports' cell vectors with numpy gathers: no per-cell Python objects, three narrow columns
    (20M cells ≈ 280 MB). `blocks`: the check's `Context.blocks` (the cell vectors already stacked
    per format, `reports` then being the slice from `start` of the reports they stack): the same
    rows, without stacking every report's vectors a second time."""
    reps, codes, values = [], [], []
    for fmt in FORMATS:
        if blocks is None:
            idx = np.array([i for i, r in enumerate(reports) if r.format == fmt and r.present is not None],
                           dtype=np.int32)
            if not len(idx):
                continue
            of_fmt = [reports[i] for i in idx.tolist()]
            present = stacked(of_fmt, "present").astype(bool, copy=False)
            matrix = stacked(of_fmt)
        else:
            b = blocks.get(fmt)
            if b is None:
                continue
            lo, hi = np.searchsorted(b.rows, (start, start + len(reports)))
            if lo == hi:
                continue
            idx = (b.rows[lo:hi] - start).astype(np.int32)
            # the printed cells' values are the reports' own (the block's NaN is only where none was printed)
            present, matrix = b.present[lo:hi], b.values[lo:hi]
        # three masks in the same (row-major) order, each giving its column at its own width: not
        # `np.nonzero`'s two int64 index arrays (a fresh 6 MB a chunk, most of this function's cost)
        values.append(matrix[present])
        reps.append(np.repeat(idx, np.count_nonzero(present, axis=1)))
        codes.append(np.broadcast_to(_codes(fmt), present.shape)[present])
    if not reps:
        return pd.DataFrame({"report": np.zeros(0, np.int32), "cell": pd.Categorical([], dtype=CELL_DTYPE),
                             "value": np.zeros(0)})
    return pd.DataFrame({
        "report": np.concatenate(reps),
        "cell": pd.Categorical.from_codes(np.concatenate(codes), dtype=CELL_DTYPE),
        "value": np.concatenate(values),
    }, copy=False)          # the arrays are new here: no second copy of a million cells


@lru_cache(maxsize=None)
def _codes(fmt: str) -> np.ndarray:
    """The format's cells' codes in CELL_DTYPE, in the template's order."""
    return np.searchsorted(_ALL_IDS, [c.id for c in template(fmt).cells]).astype(np.int16)


def cell_schema():
    """The pandera schema of the long frame (imported lazily: pandera is slow to import). The
    cell column's dtype is the categorical of all canonical ids, so an unknown id cannot pass."""
    import pandera.pandas as pa

    def non_negative(df: pd.DataFrame) -> pd.Series:
        # blank (NaN) passes here: it is F1's business; 本年增/减 may be negative
        v = df["value"].to_numpy()
        ok = ~(v < 0) | _IS_SIGNED[df["cell"].cat.codes.to_numpy()]
        return pd.Series(ok, index=df.index)

    def whole_number(df: pd.DataFrame) -> pd.Series:
        # a count of 3.5 件 cannot be: read as printed, and reported (blank and ±inf pass: floor
        # gives NaN and inf back, and `<` is False for them). `floor(v) < v` is `v % 1 > 0` for
        # every float (tests/test_units_index_fast_paths.py) at a twentieth of numpy's remainder's cost
        v = df["value"].to_numpy()
        ok = ~(np.floor(v) < v) | _IS_AMOUNT[df["cell"].cat.codes.to_numpy()]
        return pd.Series(ok, index=df.index)

    return pa.DataFrameSchema(
        {
            "report": pa.Column("int32"),
            "cell": pa.Column(CELL_DTYPE),
            "value": pa.Column("float64", nullable=True),
        },
        checks=[pa.Check(non_negative, name="non_negative", error="数值不能为负"),
                pa.Check(whole_number, name="whole_number", error="件数应为整数")],
        strict=True,
    )


def report_schema():
    import pandera.pandas as pa
    return pa.DataFrameSchema(
        {
            "report": pa.Column("int32"),
            "unit": pa.Column("category"),
            "year": pa.Column("Int64", pa.Check.in_range(1990, 2100), nullable=True),
            "format": pa.Column(FORMAT_DTYPE, nullable=True),
        },
        strict=True,
    )


def validate(df: pd.DataFrame, schema=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate lazily (the cell schema unless another is given); return the frame and the
    failure cases (empty when all is well)."""
    import pandera.errors as pe
    try:
        return (schema or cell_schema()).validate(df, lazy=True), pd.DataFrame()
    except pe.SchemaErrors as err:
        return df, err.failure_cases


def validate_reports(reports: list[Report], blocks=None) -> list[tuple[int, Finding]]:
    """Validate every report's metadata and cells in one pandera pass each; every failure becomes a
    finding on its report (index into `reports`): a negative count is R5, a count with a fraction
    (`3.5` 件) F2, anything else F4 (a data
    year outside 1990–2100, a value that is not a number). `blocks`: the check's `Context.blocks`
    of these reports (`cells_frame`)."""
    from .findings import make
    out: list[tuple[int, Finding]] = []
    if not reports:
        return out
    _, failures = validate(reports_frame(reports), report_schema())
    for k in _failed_rows(failures):
        r = reports[k]
        checks = ", ".join(sorted(set(failures.loc[failures["index"] == k, "check"].astype(str))))
        out.append((k, make("F4", unit=r.unit, year=r.year, source=r.source, where=r.source,
                            detail=f"报告的元数据未通过数据校验（{checks}）：年度 {r.year}。")))
    # in chunks of CHUNK reports: still a handful of calls at 100,000 reports, with the frame's
    # memory bounded (~60 MB a chunk instead of gigabytes at once)
    for start in range(0, len(reports), CHUNK):
        out.extend(_validate_cells(reports, start, blocks))
    return out


def _validate_cells(reports: list[Report], start: int, blocks=None) -> list[tuple[int, Finding]]:
    from .findings import make
    out: list[tuple[int, Finding]] = []
    df = cells_frame(reports[start:start + CHUNK], blocks, start)
    _, failures = validate(df)
    for k in _failed_rows(failures):
        i, cell, value = start + int(df["report"].iat[k]), str(df["cell"].iat[k]), df["value"].iat[k]
        r = reports[i]
        where = f"{r.source} {r.locate(cell) or ''}".strip()
        label = template(r.format).cell(cell).label if cell in template(r.format).index else cell
        if value < 0:
            out.append((i, make("R5", unit=r.unit, year=r.year, cells=[r.ref(cell)], suspect=r.ref(cell),
                                actual=value, source=r.source, where=where, label=label,
                                detail="为负数，件数和金额不能为负")))
        elif value % 1 > 0:
            shown = f"{value:.12g}"
            out.append((i, make("F2", unit=r.unit, year=r.year, cells=[r.ref(cell)], suspect=r.ref(cell),
                                actual=value, source=r.source, where=where, label=label, text=shown,
                                detail=f"件数应为整数；已按 {shown} 参与核对，请核实原表。")))
        else:
            out.append((i, make("F4", unit=r.unit, year=r.year, cells=[r.ref(cell)], source=r.source,
                                where=where, detail=f"「{label}」未通过数据校验。")))
    return out


def _failed_rows(failures: pd.DataFrame) -> list[int]:
    if failures.empty or "index" not in failures:
        return []
    return sorted(int(k) for k in failures["index"].dropna().unique())
