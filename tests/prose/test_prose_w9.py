"""Real sentence patterns from session 9's pages (tests/fixtures/corpus/w9) that raised false P1 findings,
checked through the real CLI with made-up numbers:
- 永嘉 溪下乡 2023 "新增主动公开政府信息50条。其中机构类信息20条,内有领导成员10条、机构职能4条、机构概况1条、
  直属单位或下属机构5条;工作类信息11条,其中镇街动态3条…;政策文件类信息4条;…财政管理类信息7条,其中…": a part
  broken down in a list of its own (内有…, 其中…) was summed with its own breakdown (20 + 10 + 4 + 1 + 5 + 11 = 51
  > 50: a false P1 error), and the list was cut at the nested 其中, losing the parts after it."""
from __future__ import annotations

from test_prose_other_provinces_2 import _p1, findings_of


def test_a_part_broken_down_in_a_nested_list_is_one_part(tmp_path):
    sentence = ("全年共新增主动公开政府信息40条。其中机构类信息16条,内有领导成员8条、机构职能5条、机构概况3条;"
                "工作类信息10条,其中镇街动态4条、通知公告6条;政策文件类信息6条;民生事项类信息5条;"
                "财政管理类信息3条,其中部门预决算1条、专项经费2条。")
    assert _p1(tmp_path, sentence) == []


def test_a_wrong_part_beside_a_breakdown_is_still_found(tmp_path):
    # guard: the same list with one part wrong (9 → 19) still breaks the total, named with the real parts
    sentence = ("全年共新增主动公开政府信息40条。其中机构类信息16条,内有领导成员8条、机构职能5条、机构概况3条;"
                "工作类信息10条,其中镇街动态4条、通知公告6条;政策文件类信息16条;民生事项类信息5条;"
                "财政管理类信息3条,其中部门预决算1条、专项经费2条。")
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (40, 50) and f["severity"] == "error"


def test_a_breakdown_that_does_not_add_up_to_its_part_is_no_breakdown(tmp_path):
    # guard: figures after 内有 that are not the part's breakdown (10 + 15 ≠ 30) stay in the list, as before
    sentence = "全年共新增主动公开政府信息50条。其中机构类信息30条,内有领导成员10条、机构职能15条。"
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (50, 55)


# 谯城 芦庙镇 2025 "主动公开政府信息条数921条。其中主动公开本级政府文件2条,政策解读2条,…惠民惠农108条,其他栏目信息均按照
# 时间节点及时发布。": the others are named without a figure, so the list says it names only some parts (a false P1
# warning '921 … 317' before).
def test_a_list_closed_by_unnumbered_others_names_only_some_parts(tmp_path):
    sentence = ("2020年度,某某镇主动公开政府信息条数500条。其中主动公开本级政府文件3条,政策解读4条,社会保障60条,"
                "惠民惠农90条,其他栏目信息均按照时间节点及时发布。")
    assert _p1(tmp_path, sentence) == []


def test_a_list_larger_than_its_total_with_unnumbered_others_is_still_found(tmp_path):
    # guard: parts that already exceed the total are wrong whatever the others are
    sentence = ("2020年度,某某镇主动公开政府信息条数100条。其中主动公开本级政府文件3条,政策解读4条,社会保障60条,"
                "惠民惠农90条,其他栏目信息均按照时间节点及时发布。")
    (f,) = _p1(tmp_path, sentence)
    assert f["severity"] == "error" and (f["actual"], f["expected"]) == (100, 157)


# 河北省发改委 2021 "主动公开政务信息808件。其中,文件183件,…76件,人事信息2件,财务信息4件。此外,公开行政许可、政务服务
# 办理结果信息703件。": the next sentence goes on with more (此外), so the list named some of the 808 (a P1 warning
# '808 … 265' before).
def test_a_list_followed_by_more_in_the_next_sentence_names_some_parts(tmp_path):
    sentence = ("全年通过门户网站主动公开政务信息500件。其中,文件120件,人事信息3件,财务信息5件。"
                "此外,公开行政许可办理结果信息300件。")
    assert _p1(tmp_path, sentence) == []


def test_a_list_over_its_total_followed_by_more_is_still_found(tmp_path):
    # guard: parts that exceed the total are wrong whatever follows
    sentence = ("全年通过门户网站主动公开政务信息100件。其中,文件90件,人事信息8件,财务信息5件。"
                "此外,公开行政许可办理结果信息300件。")
    (f,) = _p1(tmp_path, sentence)
    assert f["severity"] == "error" and (f["actual"], f["expected"]) == (100, 103)


# 中山 大涌镇 2022 "…发布政务微信信息2141、视频信息139条,…438条,…45": a figure without its counting word before a
# 、 was dropped from the list, so P1 printed a wrong sum ('1223 + 139 + 438 + 45 = 1845').
def test_a_figure_without_counting_word_before_a_dunhao_is_a_part(tmp_path):
    sentence = "全年主动公开政府信息300条。其中,门户网站发布信息120,微信公众号发布信息100、视频信息30条,微博信息50条。"
    assert _p1(tmp_path, sentence) == []


def test_a_list_with_such_a_figure_over_its_total_is_named_with_it(tmp_path):
    # guard: the same list breaking its total names every part, the bare one too
    sentence = "全年主动公开政府信息280条。其中,门户网站发布信息120,微信公众号发布信息100、视频信息30条,微博信息50条。"
    (f,) = _p1(tmp_path, sentence)
    assert (f["actual"], f["expected"]) == (280, 300) and "120 + 100 + 30 + 50" in f["message"]


# 荔湾 中南街道 2020, a traditional mirror that adds pinyin: '二、主動(dòng)公開(kāi)政府信息情況' was not found as a heading
# (a false M3 naming 二 as missing).
_FILLER = "本街道認真落實條例要求，及時準確公開政府信息，接受群眾監督，不斷提升公開質量和實效。" * 3
_MIRROR_HEADINGS = ["一、總體情況", "二、主動(dòng)公開(kāi)政府信息情況", "三、收到和處理政府信息公開(kāi)申請(qǐng)情況",
                    "四、政府信息公開(kāi)行政復議、行政訴訟情況", "五、存在的主要問題(tí)及改進情況", "六、其他需要報告的事項"]


def test_a_mirrors_pinyin_inside_a_heading_still_finds_it(tmp_path):
    text = "某某街道2020年政府信息公開工作年度報告\n" + "".join(f"{h}\n{_FILLER}\n" for h in _MIRROR_HEADINGS)
    assert findings_of(tmp_path, text, "M3") == []


def test_a_missing_heading_of_such_a_mirror_is_still_named(tmp_path):
    # guard: leave out 五 and M3 names it (and only it)
    heads = [h for h in _MIRROR_HEADINGS if not h.startswith("五")]
    text = "某某街道2020年政府信息公開工作年度報告\n" + "".join(f"{h}\n{_FILLER * 2}\n" for h in heads)
    (f,) = findings_of(tmp_path, text, "M3")
    assert "五、存在的主要问题" in f["message"] and "二、" not in f["message"]


# 鄂州市政府办 2022 (a stored copy cut mid-sentence): '受理政府信息公开申请41件,其中予以公开17件,其他法律行政1件,属于三类内部
# 事务信息5件,本机' — the file ends inside the list, so its shortfall says nothing (a P1 warning '41 … 23' before).
def test_a_list_cut_off_by_the_end_of_the_file_is_not_checked_short(tmp_path):
    text = "\n".join(["某某区某某街道2022年政府信息公开工作年度报告", "一、总体情况",
                      "本年度共受理政府信息公开申请30件,其中予以公开12件,属于三类内部事务信息3件,本机"])
    assert findings_of(tmp_path, text, "P1") == []


def test_the_same_list_ending_its_sentence_is_still_checked(tmp_path):
    # guard: the same list with its sentence closed is the whole list, and falls short
    (f,) = _p1(tmp_path, "本年度共受理政府信息公开申请30件,其中予以公开12件,属于三类内部事务信息3件。")
    assert (f["actual"], f["expected"]) == (30, 15)
