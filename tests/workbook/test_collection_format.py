"""The collection format (checker.collection) is the one definition the writer and the reader share."""
from checker import collection
from checker.readers import workbook as reader
from checker.workbook import layout, writer


def test_the_reader_looks_as_far_down_as_the_writer_writes():
    assert max(collection.HEADER_ROWS.values()) <= collection.HEADER_SCAN_ROWS
    lay = layout.report_layout("2021")
    assert lay.meta_rows == collection.HEADER_ROWS
    grid = [[None, None] for _ in range(lay.last_row)]
    for name, row in lay.meta_rows.items():
        grid[row - 1] = [name, f"{name}的值"]
    assert reader.header_block(grid) == {name: f"{name}的值" for name in collection.HEADER_FIELDS}


def test_no_report_sheet_takes_a_name_the_format_reserves():
    taken: set[str] = set()
    for unit in ("单位清单", "校验结果", "_xxgk", "_xxgk_facts"):
        name = writer.sheet_name(unit, None, taken)
        assert not collection.is_reserved(name) and name != unit
    assert collection.is_reserved(collection.FACTS_SHEET) and collection.is_reserved(collection.STATE_SHEET)
