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
