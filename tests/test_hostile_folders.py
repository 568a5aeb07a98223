"""Folders as they arrive from many offices: links out of the folder, duplicates, inputs that are no
report, file names with newlines. Run through the real `xxgk`."""
from __future__ import annotations

import json
import os

import openpyxl

from hostile import assert_clean, digest, seed_copies, xxgk


def test_a_link_out_of_the_folder_is_not_followed(tmp_path):
    """A folder unpacked from a unit's archive holds links to this machine's files: not read (their
    text would go into the workbook sent back); the link is named. A file named on the command line
    is read wherever it is, and a link to a report inside the folder is read."""
    elsewhere = tmp_path / "elsewhere"
    secret = seed_copies(elsewhere, 2)[1]            # a report of another office, outside the input
    src = tmp_path / "in"
    good = seed_copies(src, 1)[0]
    (src / "secret.txt").symlink_to(secret)
    (src / "passwd.txt").symlink_to("/etc/passwd")
    (src / "again.txt").symlink_to(good)             # inside the folder: read
    before = digest([src, elsewhere])
    run = xxgk("check", src, "--format", "json")
    assert_clean(run)
    assert run.code == 2, run.text[-2000:]
    doc = json.loads(run.out)
    read = sorted(os.path.basename(r["source"]) for r in doc["reports"])
    assert read == sorted(["again.txt", good.name]), read
    refused = {os.path.basename(f["source"]): f["message"] for f in doc["findings"] if f["rule"] == "F5"}
    assert set(refused) == {"secret.txt", "passwd.txt"}, refused
    assert all("文件夹以外的符号链接" in m for m in refused.values()), refused

    coll = tmp_path / "汇总.xlsx"
    run = xxgk("import", src, "-o", coll)
    assert_clean(run)
    assert run.code == 2 and "secret.txt" in run.err and "符号链接" in run.err, run.text
    sheets = openpyxl.load_workbook(coll).sheetnames
    unit_of_secret = secret.read_text(encoding="utf-8").strip().splitlines()[0][:4]
    assert not [s for s in sheets if s.startswith(unit_of_secret)], sheets

    run = xxgk("check", src / "secret.txt", "--format", "json")   # named by the user: read
    assert_clean(run)
    assert run.code in (0, 1) and json.loads(run.out)["reports"], run.text[-2000:]
    assert digest([src, elsewhere]) == before


def test_summary_names_no_report_that_is_not_one(tmp_path):
    """`--summary` listed an input with nothing of a report in it (and the unreadable files' F5s)
    as `（未识别单位） （未识别年度） 年度：没有发现问题（F5×2）`: a contradiction and no all-clear."""
    src = tmp_path / "in"
    seed_copies(src, 1)
    (src / "hello.txt").write_text("hello world\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.docx").write_bytes(b"PK\x03\x04" + os.urandom(200))
    (src / "第一行\n第二行.txt").write_text("会议纪要\n", encoding="utf-8")
    run = xxgk("check", src, "--summary")
    assert_clean(run)
    assert run.code == 2, run.text
    assert "没有发现问题" not in run.out, run.out
    assert "无法读取：" in run.out and "empty.txt" in run.out and "junk.docx" in run.out
    named = [line for line in run.err.splitlines() if line.startswith("无法识别为年度报告")]
    assert len(named) == 2 and any("第一行\\n第二行.txt" in line for line in named), run.err
