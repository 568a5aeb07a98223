"""Real sentence patterns of session 12's pages (tests/fixtures/corpus/w12), checked through the real CLI with made-up
bodies and numbers:
- 四川省气象局 2012 `通过四川省气象局门户网站主动公开政府信息23300条,通过省政府网站主动公开政府信息137条`: each channel's
  count was tied to the legacy table's 主动公开政府信息数 — 23300 read into the cell (a wrong cell: the page gives no total)
  and 137 tied to it as well."""
from __future__ import annotations

import pytest

from test_prose_w10 import _ties

_HEAD = ("某某省某某局2012年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。\n"
         "二、主动公开政府信息的情况\n")


def test_two_channels_counts_in_one_sentence_are_not_the_total(tmp_path):
    ties = _ties(tmp_path, _HEAD + "2012年,某某省某某局通过某某省某某局门户网站主动公开政府信息2330条,"
                                   "通过省政府网站主动公开政府信息137条。\n")
    assert not {t for t in ties if t[0] == "legacy.active.total"}


@pytest.mark.parametrize("sentence, total", [
    ("截止2012年12月31日,通过“中国某某”门户网站主动公开政府信息23条,内容涵盖法规文件、财政等。", 23),   # a10's 海棠区 2015
    ("2012年,通过门户网站等多种渠道主动公开政府信息1234条,通过省政府网站主动公开政府信息800条。", 1234),
], ids=["one-channel-only", "all-channels-named"])
def test_the_total_through_one_or_all_channels_is_still_read(tmp_path, sentence, total):
    # guard: a sentence naming one channel only gives the total, and so does a clause naming them all (等多种渠道)
    assert ("legacy.active.total", total) in _ties(tmp_path, _HEAD + sentence + "\n")
