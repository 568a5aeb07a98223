"""A long check of ONE big collection workbook (thousands of sheets) is one file to the per-file
progress: its progress line counts the sheets read (`已读 600/1,500 个工作表`), not only seconds."""
from __future__ import annotations

import time

from checker import notice
from checker.readers import read_path, workbook
from checker.render.progress import stage
from tests.hostile import SEEDS, assert_clean, xxgk


def test_the_sheets_of_one_workbook_are_counted_while_it_is_read(tmp_path, monkeypatch, capsys):
    book = tmp_path / "汇总.xlsx"
    assert_clean(xxgk("import", SEEDS, "-o", book))
    monkeypatch.setenv("XXGK_NOTICE_AFTER", "0.1")
    report = workbook._report

    def slow(*args, **kwargs):     # a sheet that takes a while, as each of 10,000 does together
        time.sleep(0.25)
        return report(*args, **kwargs)
    monkeypatch.setattr(workbook, "_report", slow)
    notice.sheets.reset()
    with stage("正在读取和核对", long=True, counted=notice.sheets):
        read = read_path(book)
    err = capsys.readouterr().err
    assert len(read.reports) == 5
    total = notice.sheets.total
    assert total >= 6 and notice.sheets.done == total      # the 5 reports, 单位清单 and ours
    assert f"/{total} 个工作表，已用" in err
    assert "已读 0/" in err or "已读 1/" in err or "已读 2/" in err       # counted as it goes
    assert err.rstrip().endswith("秒）") and "正在读取和核对：完成" in err


def test_the_count_says_reading_then_checking():
    counted = notice.Counted()
    assert counted.said() == ""             # documents: the per-file progress counts them
    counted.total, counted.done = 1500, 600
    assert counted.said() == "已读 600/1,500 个工作表，"
    counted.done = 1500
    assert counted.said() == "1,500 个工作表已读完，正在核对，"
