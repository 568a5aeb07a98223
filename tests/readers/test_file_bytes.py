"""`document.file_bytes` reads with os calls instead of `Path.read_bytes` (speed): the same bytes
for every fixture, an empty file, a file larger than its stated size (read on to the end), and the
same Chinese message for a file that cannot be opened."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.readers import ReadError
from checker.readers.document import file_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_same_bytes_as_read_bytes(tmp_path):
    files = [p for p in sorted(FIXTURES.rglob("*")) if p.is_file()]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    big = tmp_path / "big.txt"
    big.write_bytes(bytes(range(256)) * 20_000)        # 5 MB: more than one read of 1 MiB after the first
    files += [empty, big]
    assert len(files) > 200
    for p in files:
        assert file_bytes(p) == p.read_bytes(), p


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux /proc")
def test_reads_on_past_the_stated_size():
    """/proc files state size 0: the first read gets one byte, the rest comes in further reads."""
    p = Path("/proc/self/cmdline")
    assert len(file_bytes(p)) > 1
    assert file_bytes(p) == p.read_bytes()


def test_cannot_open_says_so_in_chinese(tmp_path):
    for bad in (tmp_path / "missing.txt", tmp_path):
        with pytest.raises(ReadError) as e:
            file_bytes(bad)
        with pytest.raises(OSError) as plain:
            bad.read_bytes()
        assert e.value.message == f"文件“{bad.name}”无法打开：{plain.value.strerror}。"
