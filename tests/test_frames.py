"""The long frame and its one bulk pandera validation."""
import numpy as np

from checker.frames import cells_frame, reports_frame, validate, validate_reports
from checker.model import Report
from checker.readers.text import read


def _report(unit: str, year: int, fmt: str = "2021") -> Report:
    r = Report(source=f"{unit}.txt", unit=unit, year=year)
    r.set_format(fmt)
    r.set("requests.received.total", 3, row=10, col=8)
    r.set("requests.received.natural_person", 3, row=10, col=2)
    r.set("requests.granted.total", None, row=12, col=8)
    return r


def test_frame_has_one_row_per_printed_cell(seeds):
    reports = read(seeds["003"]) + [_report("甲局", 2021), _report("乙局", 2020, "2019")]
    df = cells_frame(reports)
    assert len(df) == int(sum(r.present.sum() for r in reports))
    assert set(reports_frame(reports)["format"].astype(str)) == {"2021", "2019"}
    jia = len(reports) - 2
    row = df[(df["report"] == jia) & (df["cell"] == "requests.received.total")]
    assert row["value"].tolist() == [3.0]
    blank = df[(df["report"] == jia) & (df["cell"] == "requests.granted.total")]
    assert np.isnan(blank["value"].iloc[0])            # blank stays blank, never 0
    _, failures = validate(df)
    assert failures.empty


def test_negative_count_and_bad_year_are_findings_not_crashes():
    good, negative, odd_year = _report("甲局", 2021), _report("乙局", 2021), _report("丙局", 1900)
    negative.set("requests.received.natural_person", -2, row=10, col=2)
    found = validate_reports([good, negative, odd_year])
    by_report = {i: f for i, f in found}
    assert 0 not in by_report
    assert by_report[1].rule == "R5" and by_report[1].suspect.cell == "requests.received.natural_person"
    assert "为负数" in by_report[1].message and "乙局.txt 第10行" in by_report[1].message
    assert by_report[2].rule == "F4"


def test_signed_change_may_be_negative():
    r = Report(source="x.txt", unit="丁局", year=2020)
    r.set_format("2019")
    r.set("active.licensing.change", -3, row=5, col=3)
    assert validate_reports([r]) == []


def test_validation_in_chunks_names_the_right_report(monkeypatch):
    import checker.frames as frames
    monkeypatch.setattr(frames, "CHUNK", 2)
    reports = [_report(f"局{i}", 2021) for i in range(5)]
    reports[3].set("requests.received.natural_person", -1, row=10, col=2)
    found = validate_reports(reports)
    assert [(i, f.rule, f.unit) for i, f in found] == [(3, "R5", "局3")]
