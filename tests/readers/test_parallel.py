"""Large runs read in two worker processes, a batch at a time, each batch's files asked ahead of
the kernel: the reports and failures must be exactly those of reading one file after another."""
import numpy as np

from bench.generate import district, write_texts
from checker.readers import PARALLEL_FROM, _prefetch, read_all


def _key(result):
    reports = [(r.source, r.unit, r.year, r.format, np.nan_to_num(r.values, nan=-1).tolist(), r.loc.tolist())
               for r in result.reports]
    return reports, [(f.source, f.message) for f in result.failures]


def test_parallel_reading_equals_serial_reading(tmp_path):
    d = district(39, years=(2022, 2023), seed=11, name="北京市西城区")
    write_texts(d, tmp_path)
    (tmp_path / "zz_empty.txt").write_bytes(b"")          # an unreadable file among them
    files = sorted(tmp_path.rglob("*.txt"))
    assert len(files) > PARALLEL_FROM
    parallel = read_all([tmp_path], workers=2)
    serial = read_all([tmp_path], workers=1)
    assert len(parallel.reports) == len(files) - 1
    assert [f.source for f in parallel.failures] == [str(tmp_path / "zz_empty.txt")]
    assert _key(parallel) == _key(serial)
    assert [r.source for r in parallel.reports] == [str(f) for f in files if f.name != "zz_empty.txt"]


def test_prefetch_passes_over_files_it_cannot_open(tmp_path):
    there = tmp_path / "a.txt"
    there.write_text("x", encoding="utf-8")
    _prefetch([tmp_path / "missing.txt", there, tmp_path])   # a folder, too: nothing raised
    assert there.read_text(encoding="utf-8") == "x"
