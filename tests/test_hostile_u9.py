"""The third attack pass (u9), each case through the real `xxgk` as a child process: UTF-32 text,
output files someone protected, an output path that only becomes the input once its folder exists.
Every failure is a Chinese message naming the file, a documented exit code, the input unchanged."""
from __future__ import annotations

import json
import os
import stat

from hostile import SEEDS, assert_clean, digest, xxgk

SEED = sorted(SEEDS.glob("*.txt"))[1]


def _cells(run) -> dict:
    assert run.code == 0, run.text
    (report,) = json.loads(run.out)["reports"]
    return report["cells"]


def test_utf32_text_with_a_bom_reads_as_the_utf8_text(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "u8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "le.txt").write_bytes(text.encode("utf-32"))                 # BOM FF FE 00 00
    (tmp_path / "be.txt").write_bytes(b"\x00\x00\xfe\xff" + text.encode("utf-32-be"))
    want = _cells(xxgk("extract", tmp_path / "u8.txt", "--format", "json"))
    assert len(want) > 100
    for name in ("le.txt", "be.txt"):
        run = xxgk("extract", tmp_path / name, "--format", "json")
        assert_clean(run)
        assert _cells(run) == want, name


def test_a_broken_utf32_text_is_named_not_guessed(tmp_path):
    bad = tmp_path / "坏.txt"
    bad.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-32") + b"\xff\xff\xff\xff")
    before = digest([bad])
    run = xxgk("check", bad, "--format", "json")
    assert_clean(run)
    assert run.code == 2
    (f5,) = [f for f in json.loads(run.out)["findings"] if f["rule"] == "F5"]
    assert "坏.txt" in f5["message"] and "UTF-32" in f5["message"]
    assert digest([bad]) == before


def test_a_read_only_output_is_not_replaced_even_with_force(tmp_path):
    src = tmp_path / "r.txt"
    src.write_bytes(SEED.read_bytes())
    out = tmp_path / "已签发.xlsx"
    assert xxgk("import", src, "-o", out).code == 0
    os.chmod(out, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = digest([src, out])
    for args in (("import", src, "-o", out, "--force"), ("template", "--format", "2021", "-o", out, "--force"),
                 ("check", src, "--annotate", out, "--force", "--summary")):
        run = xxgk(*args)
        assert_clean(run)
        assert run.code == 4, (args, run.text)
        assert "已签发.xlsx" in run.err and "只读" in run.err
        assert not run.out.strip(), "refused before any work"
    assert digest([src, out]) == before


def test_an_output_that_becomes_the_input_once_its_folder_exists_is_refused_first(tmp_path):
    """`new/../汇总.xlsx` names the input only after `new` is created: it is refused before the
    check runs (before, the whole check ran and only the save failed)."""
    src = tmp_path / "r.txt"
    src.write_bytes(SEED.read_bytes())
    book = tmp_path / "汇总.xlsx"
    assert xxgk("import", src, "-o", book).code == 0
    before = digest([src, book])
    for args in (("check", book, "--annotate", tmp_path / "new" / ".." / "汇总.xlsx", "--force", "--summary"),
                 ("import", book, "-o", tmp_path / "new2" / ".." / "汇总.xlsx", "--force")):
        run = xxgk(*args)
        assert_clean(run)
        assert run.code == 4, run.text
        assert "就是输入文件" in run.err
        assert not run.out.strip(), "refused before any work"
    assert digest([src, book]) == before


def test_a_units_list_saved_as_excel_unicode_text_or_utf32_is_read(tmp_path):
    """Excel's 「Unicode 文本」 (.txt: UTF-16 with a BOM, tab-separated) and a UTF-32 CSV give what
    the UTF-8 CSV gives (before: 无法作为工作簿读取 / 无法识别文件编码, exit 2)."""
    rows = [("单位", "上级单位"), ("文化街道办事处", "道里区")]
    plain = tmp_path / "units.csv"
    plain.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    unicode_text = tmp_path / "单位清单.txt"
    unicode_text.write_bytes("\r\n".join("\t".join(r) for r in rows).encode("utf-16"))
    utf32 = tmp_path / "units32.csv"
    utf32.write_bytes(plain.read_text(encoding="utf-8").encode("utf-32"))
    want = xxgk("check", SEEDS, "--units", plain, "--format", "json")
    assert want.code == 1, want.text
    for units in (unicode_text, utf32):
        run = xxgk("check", SEEDS, "--units", units, "--format", "json")
        assert_clean(run)
        assert run.code == 1, run.text
        assert run.out.replace(units.name, "units.csv") == want.out


def test_a_units_list_that_is_not_text_is_named(tmp_path):
    bad = tmp_path / "units.csv"
    bad.write_bytes(bytes(range(256)) * 40)
    run = xxgk("check", SEED, "--units", bad, "--summary")
    assert_clean(run)
    assert run.code == 2 and "units.csv" in run.err and "单位清单" in run.err


def test_an_output_name_too_long_for_the_file_system_is_a_message_not_a_traceback(tmp_path):
    src = tmp_path / "r.txt"
    src.write_bytes(SEED.read_bytes())
    long = tmp_path / ("长" * 100 + ".xlsx")          # 300 bytes: over the 255 a Linux name may have
    for args in (("import", src, "-o", long), ("template", "-o", long), ("check", src, "--annotate", long, "--summary")):
        run = xxgk(*args)
        assert_clean(run)
        assert run.code == 4, run.text
        assert "文件名太长" in run.err and not run.out.strip()


def test_import_and_template_write_only_xlsx_names(tmp_path):
    """A workbook written as `汇总.csv` or `汇总` (no extension) is a file Excel will not open: refused
    with the name to use (before: written, exit 0)."""
    src = tmp_path / "r.txt"
    src.write_bytes(SEED.read_bytes())
    for name in ("汇总.csv", "汇总", "汇总.xlsm"):
        for args in (("import", src, "-o", tmp_path / name), ("template", "-o", tmp_path / name)):
            run = xxgk(*args)
            assert_clean(run)
            assert run.code == 4, run.text
            assert "扩展名应为 .xlsx" in run.err and name in run.err
            assert not (tmp_path / name).exists()
    run = xxgk("import", src, "-o", tmp_path / "汇总.XLSX")
    assert run.code == 0 and (tmp_path / "汇总.XLSX").exists()


def test_a_page_nested_deeper_than_the_parser_goes_says_so(tmp_path):
    """200,000 nested <div>: libxml2 stops at 256 levels; the F5 says that, not just 没有找到正文
    (which sent the reviewer looking for a missing body)."""
    page = tmp_path / "深.html"
    page.write_text("<div>" * 200_000 + SEED.read_text(encoding="utf-8") + "</div>" * 200_000, encoding="utf-8")
    run = xxgk("check", page, "--format", "json")
    assert_clean(run)
    assert run.code == 2
    (f5,) = [f for f in json.loads(run.out)["findings"] if f["rule"] == "F5"]
    assert "深.html" in f5["message"] and "嵌套超过 256 层" in f5["message"]
