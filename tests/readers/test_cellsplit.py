"""Cutting a printed cell into its label and the numbers after it (text from PDFs and pages)."""
from checker.readers.cellsplit import label_and_numbers, split_glued


def test_label_glued_to_its_digits_is_split_but_prose_is_not():
    assert split_glued("一、本年新收政府信息公开申请数量640020470") == ("一、本年新收政府信息公开申请数量", "640020470")
    assert split_glued("行政事业性收费1944.0495") == ("行政事业性收费", "1944.0495")
    assert split_glued("（七）总计12") == ("（七）总计", "12")
    for prose in ("2022年1月20日", "附件1", "收到申请16件", "全年共收到申请16。", "表3", "640020470"):
        assert split_glued(prose) is None, prose


def test_label_and_numbers_sets_a_rows_numbers_apart():
    assert label_and_numbers("其他对外管理服务事项 0 0 3") == ["其他对外管理服务事项", "0", "0", "3"]
    assert label_and_numbers("（一）予以公开 1 0 0 0 0 0 1") == ["（一）予以公开", "1", "0", "0", "0", "0", "0", "1"]
    assert label_and_numbers("一、本年新收政府信息公开申请数量640020470") == ["一、本年新收政府信息公开申请数量", "640020470"]
    assert label_and_numbers("0 0 12") == ["0", "0", "12"]
    for kept in ("1.属于国家秘密", "2021 年", "收到申请 3 条", "全年收到 16。"):
        assert label_and_numbers(kept) == [kept]
