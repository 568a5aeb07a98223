"""Reading one printed cell as a number: blank is None (never 0), and text that is not plainly
a number is reported, not guessed (`/`, `—`, `无`). Plain variants are read: `１２`, `1,234`, `0 元`."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


# Comparing figures as floats. Counts are whole numbers and amounts have at most a few printed
# decimals, so two figures that differ at all differ by 0.001 or more; float arithmetic on sums of
# such figures (up to ~10^6) drifts by far less than 1e-9.
SAME = 1e-9          # two figures read (or one read, one summed from a few) are the same number
ROUNDING = 1e-6      # a computed figure (a long sum, a value times 10^d) against a printed one

_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$", re.ASCII)
_UNIT = re.compile(r"(万元|元|件|条|个|项|次|份|笔)$")


@dataclass(frozen=True, slots=True)
class Parsed:
    value: float | None
    status: str            # ok | normalised | blank | unreadable
    text: str              # as printed
    decimals: int = 0      # printed decimals (money tolerance)
    unit: str | None = None  # 元 / 万元 when printed in the cell


def parse_number(raw: str | float | int | None) -> Parsed:
    """Parse a cell as printed. `status` says whether it was plain (`ok`), read after
    normalising (`normalised`: full-width digits, thousands separators, a unit), blank, or unreadable."""
    if raw is None:
        return Parsed(None, "blank", "")
    if isinstance(raw, bool):
        return Parsed(None, "unreadable", str(raw))
    if isinstance(raw, (int, float)):
        if raw != raw:  # NaN
            return Parsed(None, "blank", "")
        return Parsed(float(raw), "ok", _fmt(raw), _decimals_of(raw))
    text = str(raw)
    s = text.strip()
    if not s:
        return Parsed(None, "blank", text)
    if _NUMBER.match(s):
        return Parsed(float(s), "ok", text, len(s.split(".")[1]) if "." in s else 0)
    t = unicodedata.normalize("NFKC", s).replace(" ", "").replace("\u3000", "")
    unit = None
    m = _UNIT.search(t)
    if m:
        unit = m.group(1) if m.group(1) in ("元", "万元") else None
        t = t[: m.start()]
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", t):
        t = t.replace(",", "")
    if _NUMBER.match(t):
        return Parsed(float(t), "normalised", text, len(t.split(".")[1]) if "." in t else 0, unit)
    return Parsed(None, "unreadable", text)


def tidy(v):
    """A computed number without floating-point noise: 12 significant digits (more than any cell
    prints), so a sum reads 9612639.56 and not 9612639.559999999 on every platform. Integral
    floats become ints; anything else is returned as it is."""
    if not isinstance(v, float):      # numpy's float64 is a float too
        return v
    f = float(v)
    if f != f or f in (float("inf"), float("-inf")):
        return f
    f = float(f"{f:.12g}")
    return int(f) if f.is_integer() else f


def _fmt(v: float | int) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _decimals_of(v: float | int) -> int:
    s = _fmt(v)
    return len(s.split(".")[1]) if "." in s else 0
