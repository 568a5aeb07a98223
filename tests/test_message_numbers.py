"""Computed numbers in findings carry no floating-point noise: a sum of amounts reads as the cells
print it (9612639.56, not 9612639.559999999), the same on every platform."""
import numpy as np

from checker.findings import make
from checker.numbers import tidy


def test_tidy_drops_float_noise_and_keeps_what_cells_print():
    assert tidy(9612639.559999999) == 9612639.56
    assert tidy(0.1 + 0.2) == 0.3
    assert tidy(np.float64(1234.5678)) == 1234.5678
    assert tidy(12.0) == 12 and isinstance(tidy(12.0), int)
    assert tidy(5) == 5 and tidy(None) is None and tidy("十") == "十"


def test_finding_message_and_fields_read_the_rounded_sum():
    parts = [1403092.73, 3542301.21, 3291323.86]
    total = 0.0
    for p in parts:                       # the units' amounts added as the rules add them
        total += p
    assert repr(total) == "8236717.799999999"    # the noise this guards against
    f = make("P1", unit="某区", year=2021, expected=total, actual=8236717.0, where="正文第3行",
             text="共8236717万元", parts="、".join(map(str, parts)), unit_word="万元", detail="")
    assert "相加为 8236717.8万元" in f.message and "799999" not in f.message
    assert f.expected == 8236717.8 and f.actual == 8236717
