from checker.numbers import parse_number


def test_plain_and_blank():
    assert parse_number("3").value == 3 and parse_number("3").status == "ok"
    assert parse_number("").status == "blank" and parse_number("").value is None
    assert parse_number(None).status == "blank"


def test_read_where_meaning_is_plain():
    assert (parse_number("１２").value, parse_number("１２").status) == (12, "normalised")
    assert parse_number("1,234").value == 1234
    p = parse_number("0 元")
    assert (p.value, p.unit, p.status) == (0, "元", "normalised")
    assert parse_number("1944.0495").decimals == 4


def test_reported_where_not_plain():
    for text in ("/", "—", "无", "若干"):
        p = parse_number(text)
        assert p.status == "unreadable" and p.value is None
