"""The Report shape: cells by canonical id, blank is None, locations for a person."""
from checker.model import Report


def test_cells_blank_and_absent():
    r = Report(source="/x/甲.txt", unit="甲局", year=2021)
    r.set_format("2021")
    r.set("requests.received.total", 3, row=12, col=8)
    r.set("requests.granted.total", None, row=14, col=8)
    assert r.cells == {"requests.received.total": 3, "requests.granted.total": None}
    assert r.get("requests.carried_over.total") is None and "requests.carried_over.total" not in r.cells
    assert r.locate("requests.received.total") == "第12行"


def test_sheet_locations_and_text_lines_of_a_collection_sheet():
    r = Report(source="/tmp/汇总.xlsx", unit="甲局", year=2021, location_style="sheet", parts=["甲局2021"])
    r.set_format("2021")
    r.set("requests.received.total", 3, row=20, col=9, part=0)
    assert r.locate("requests.received.total") == "甲局2021!I20"
    assert r.text_where(5) == "汇总.xlsx 第5行"
    r.facts["origin"] = "reports/甲局2021年报.txt"        # the sheet's 来源
    assert r.text_where(5) == "甲局2021年报.txt 第5行（汇总工作簿 汇总.xlsx）"


def test_cell_ref_made_by_its_own_init_is_the_dataclass_one():
    """`CellRef.__init__` sets its slots through their descriptors (model.py, for speed): the same
    fields, defaults, equality (report not compared), hash, repr, replace, pickling, frozenness and
    argument errors as the `__init__` dataclass writes."""
    import dataclasses
    import inspect
    import pickle

    import pytest

    from checker.model import CellRef, Report
    r = Report(source="d/甲.txt", unit="甲局", year=2022, place="第2篇")
    ref = r.ref("requests.a")
    assert (ref.unit, ref.year, ref.cell, ref.report) == ("甲局", 2022, "requests.a", ("d/甲.txt", "第2篇"))
    assert CellRef("甲局", 2022, "requests.a").report is None
    assert ref == CellRef("甲局", 2022, "requests.a") and hash(ref) == hash(CellRef("甲局", 2022, "requests.a", 5))
    assert ref != CellRef("甲局", 2023, "requests.a")
    assert repr(ref) == "CellRef(unit='甲局', year=2022, cell='requests.a')"
    assert dataclasses.replace(ref, cell="x").report == ref.report
    assert pickle.loads(pickle.dumps(ref)).report == ("d/甲.txt", "第2篇")
    assert CellRef(unit="u", year=None, cell="c", report=("s", None)).report == ("s", None)
    params = inspect.signature(CellRef).parameters
    assert list(params) == ["unit", "year", "cell", "report"] and params["report"].default is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.unit = "乙局"      # type: ignore[misc]
    with pytest.raises(TypeError, match=r"CellRef.__init__\(\) missing 1 required positional argument: 'cell'"):
        CellRef("甲局", 2022)      # type: ignore[call-arg]
