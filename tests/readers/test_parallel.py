"""Large runs read in two worker processes, a batch at a time, each batch's files asked ahead of
the kernel: the reports and failures must be exactly those of reading one file after another."""
import json
import os

import numpy as np
import pytest

from bench.generate import district, write_texts
from checker import readers
from checker.readers import PARALLEL_FROM, ReadResult, _prefetch, _read_batch, discover, read_all, read_path


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


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else set()


def _reports_key(result):
    return [json.dumps(r.to_json(), ensure_ascii=False, sort_keys=True) for r in result.reports], \
        [(f.source, f.message) for f in result.failures]


@pytest.mark.parametrize("as_text", [True, False])
def test_batch_reads_the_files_prefetch_opened_as_one_by_one(tmp_path, monkeypatch, as_text):
    """`_prefetch` keeps a batch's plain text files open and `read_path` reads and closes them: the
    reports and failures are those of reading each file alone, and no file is left open (more files
    than it keeps open, an unreadable one, a folder named .txt, one removed after the prefetch)."""
    monkeypatch.setattr(readers, "_KEEP_OPEN", 5)
    d = district(6, years=(2022,), seed=3, name="北京市西城区")
    write_texts(d, tmp_path)
    (tmp_path / "zz_empty.txt").write_bytes(b"")
    (tmp_path / "zz_folder.txt").mkdir()
    files, _ = discover([tmp_path], as_text=as_text)
    extra = [tmp_path / "zz_folder.txt", tmp_path / "zz_missing.txt"]     # (discover skips a folder)
    files = [*files, *(str(p) if as_text else p for p in extra)]
    assert len(files) > 8
    alone = ReadResult()
    for f in files:
        r = read_path(f)
        alone.reports.extend(r.reports)
        alone.failures.extend(r.failures)
    before = _open_fds()
    kept = _prefetch(files)
    assert len(kept) == (5 if as_text else 0)
    for fd in kept.values():
        os.close(fd)
    batch = _read_batch(files)
    assert _open_fds() == before
    assert _reports_key(batch) == _reports_key(alone)
    assert len(batch.reports) == len(files) - 3 and len(batch.failures) == 3


def test_batch_reads_a_file_removed_after_it_was_opened(tmp_path):
    """A file opened by the prefetch and removed before its turn is read as it was (its descriptor
    holds it): what reading it first would have given."""
    d = district(3, years=(2022,), seed=5, name="北京市西城区")
    write_texts(d, tmp_path)
    files, _ = discover([tmp_path], as_text=True)
    expected = _reports_key(_read_batch(files))
    kept = _prefetch(files)
    os.remove(files[-1])
    got = ReadResult()
    for i, f in enumerate(files):
        r = read_path(f, kept.pop(i, None))
        got.reports.extend(r.reports)
        got.failures.extend(r.failures)
    assert not kept
    assert _reports_key(got) == expected
