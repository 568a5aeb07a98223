"""Report metadata from its text: title (unit and data year), the stated statistical period, the
signature (issuing body and date). Each is kept with its line for rule M1 in `report.facts["meta"]`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import islice
from operator import itemgetter

from ..readers.traditional import NAMES_T2S, PINYIN as _PINYIN, T2S, tw_words
from .flow import Flow

_CN_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")
_CN_DATE = re.compile(r"([〇零○Ｏ一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?")
# `[ …][ …]*`, not `[ …]+`: a pattern that opens with a character set lets the engine skip ahead to it
_SP = re.compile(r"[ \u3000\t][ \u3000\t]*")
_TITLE = re.compile(
    r"^(?P<unit>[^\d。，,；;>|/:：]{2,40}?)(?:关于)?(?P<year>(?:19|20)\d\d)(?:年度?)?"   # `2022政府…`: 年 left out
    r"(?:(?:政府信息公开|政务信息公开|政务公开|信息公开|政府信息公开和政务公开)?(?:工作)?(?:开展|情况)?的?年度(?:工作)?报告"
    r"|(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:情况)?报告$"   # a title line `…2021年度政府信息公开工作报告`
    r"|(?:政府信息公开|政务公开|信息公开)(?:工作)?年报$)"      # `胡家园街2024年度政府信息公开年报`
    r"|^(?P<year2>(?:19|20)\d\d)(?:年度?)?(?P<unit2>[^\d。，,；;>|/:：]{2,40}?)(?:(?:19|20)\d\d年度?)?"  # `2025某乡2025年度…`
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:情况)?的?(?:年度报告|报告$|年报$)")
# a ministry's or office's notice that carries the report: `教育部办公厅关于2017年教育部政府信息公开工作年度
# 报告的公告`, `某市人民政府办公室关于印发某市2017年政府信息公开工作年度报告的通知` — the whole line, so a sentence
# citing such a notice (`按照…关于做好2016年…年度报告编制工作的通知要求`) is none; the body named beside the year
# is the report's, else the issuer's
_NOTICE_TITLE = re.compile(
    r"^(?P<issuer>[^\d。，,；;>|/:：《》]{2,40}?)关于(?:印发|公布|发布)?(?P<before>[^\d。，,；;>|/:：《》]{0,30}?)"
    r"(?P<year>(?:19|20)\d\d)年度?(?P<after>[^\d。，,；;>|/:：《》]{0,30}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?"
    r"(?:情况)?的?年度(?:工作)?报告的?(?:公告|通知)?$")
# a crawler's page header names its fields (`标题: …`): the title is the value; a site's document block names it
# 信息名称/名称 (`信息名称: | 连云港市城市管理局2022年…年度报告 | ||`, `名 称: 下陆区档案馆2022年…`)
_FIELD = re.compile(r"^(?:标题|题目|文章标题|信息名称|文件名称|名称|title)[:：]?", re.I)   # `标      题 …`: spaces, no colon
# a title that gives its year last, in brackets (`宝坻区大钟庄镇政府信息公开工作年度报告 (2019年)`)
_YEAR_LAST = re.compile(r"^([^\d。，,；;>|/:：]{2,40}?)((?:政府信息公开|政务公开|信息公开)(?:工作)?(?:情况)?的?年度报告)"
                        r"[(（]((?:19|20)\d\d)年?度?[)）]$")
# the end of a body's name that names none alone (`办事处2023年…年度报告` under the line with the rest of the name)
_BARE_ENDINGS = ("办事处", "街道办事处", "人民政府", "办公室", "委员会", "管理委员会", "管委会")
_FULL_TEXT = re.compile(r"[/／(（]全文[)）]?$")
# a spam mirror's own name put where the body's was (`某某bet(中国)官方网站 2024年政府信息公开工作年度报告`): a site, no body
_SITE_ENDINGS = ("网站", "官网", "网址", "平台")
_SENTENCE_HEAD = re.compile(r"现将|现予|现公布|现发布|现公开|特向|特此|兹将|本机关|本单位|我")
# a sentence that cites a notice or states its purpose (`为认真贯彻落实上级关于切实做好2024年…年度报告编制发布工作要求`),
# not a title: what stands before its year is no body
_CITED_NOTICE = re.compile(r"^(?:按照|根据|依据|遵照|为(?:了|认真|深入|全面|进一步|切实|贯彻|落实|做好))"
                           r"|关于(?:切实|认真|进一步)?(?:做好|编制|报送|开展|印发)")
_TITLE_LINES = 20      # web pages put navigation before the title
_TITLE_HEAD = 80       # the part of a one-line page that can hold its title
_DATE = r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日"
# a period whose 年 was lost in the page (`统计期限为20231月1日至12月31日`, `自20251月1日起至202512月31日止`): the
# year's four digits run into the month's
_PERIOD_YEAR = r"((?:19|20)\d\d)(?:年|(?=\d{1,2}月))"
_PERIOD = re.compile(
    r"(?:统计|数据|时限|期限|期间|涵盖)[^。；;]{0,16}?" + _PERIOD_YEAR + r"(\d{1,2})月(\d{1,2})日"
    r"(?:起|始)?[,，]?(?:至|到|—|－|-|~|～)(?:" + _PERIOD_YEAR + r")?(\d{1,2})月(\d{1,2})日")
_DATE_AT_END = re.compile(_DATE + r"$|((?:19|20)\d\d)[-./](\d{1,2})[-./](\d{1,2})$")
_NAME_AT_END = re.compile(r"[\u4e00-\u9fff（）()·]{2,40}$")
_NAME_LINE = re.compile(r"[\u4e00-\u9fff（）()·]{2,40}")
_NOT_NAME = re.compile(r"[。，,；;：:]")
_TRAILER = re.compile(r"^(?:\[?附件|扫一扫|[(（]来源|来源[:：]|分享|打印|关闭|【|责任编辑|相关附件)")
# What a one-line page prints after the signature's date, on the same line (spaces removed): a
# contact in brackets, the release note (`（此件主动公开）`), the copy list (`抄送：…。`), the office that printed it
# (`…办公室2022年1月13日印发`), Word's settings leaked as text (`Normal 0 7.8 磅 … {mso-…}`), the
# page's `附件下载` link and footer (`相关链接…`, `版权所有…`). Cut from the end, so the date ends
# the line again.
_AFTER_SIGNATURE = re.compile(
    r"(?:[（(](?:联系人|联系电话|联系方式|电话)[^（）()]{0,60}[）)]|[（(]此件[^（）()]{0,8}[）)]"
    r"|(?:(?<=\d日)|(?<![\u4e00-\u9fff\d]))[\u4e00-\u9fff]{2,40}" + _DATE + r"印发"
    r"|抄送[:：][^。]{0,80}。|Normal0[\d.]{0,6}磅.*|附件下载|打印|关闭"
    r"|(?:相关链接|版权所有|主办单位|网站标识码)[^。]*"
    r"|附件(?!.*附件)[^。]*)$")   # the last `附件`: the attached table (`…2017年1月16日附件 …统计表…`)


@dataclass(slots=True)
class Meta:
    title: str | None = None
    title_line: int = 0
    unit: str | None = None          # from the title, else from the signature
    title_year: int | None = None
    period: tuple[str, str] | None = None
    period_text: str | None = None
    period_line: int = 0
    published: str | None = None
    published_line: int = 0
    signer: str | None = None
    opening_year: int | None = None  # `一、总体情况` opening `2021年，…`: the weakest statement of the year

    def to_facts(self) -> dict:
        return {"title_year": self.title_year, "title_line": self.title_line,
                "period": "/".join(self.period) if self.period else None, "period_text": self.period_text,
                "period_line": self.period_line, "published": self.published,
                "published_line": self.published_line, "signer": self.signer}


def read(flow: Flow) -> Meta:
    simple = simplified(flow)
    meta = Meta()
    _title(simple, meta)
    if meta.title_year is None:
        _named(simple, meta)
    elif meta.unit is None:
        _named_body(simple, meta)
    _period(simple, meta)
    _signature(simple, meta)
    if meta.unit is None and meta.signer:
        meta.unit = meta.signer
    if meta.unit is None:
        meta.unit = _compiler(simple) or _worked_on(simple, meta)
    if simple is not flow:   # a mirror's names whole in simplified characters (`第一师阿拉尔市…`, not `…阿拉爾市…`)
        meta.title, meta.unit, meta.signer = (None if name is None else name.translate(NAMES_T2S)
                                              for name in (meta.title, meta.unit, meta.signer))
    return meta


# A traditional-character mirror (`武漢市民政局2022年政府信息公開年度報告`, `統計期限`) is read with the
# labels' one-character mapping, as its tables are: offsets and lines stay the same.
_TRADITIONAL_HINT = re.compile("[開報統計關號當區縣會]")


def simplified(flow: Flow) -> Flow:
    if not _TRADITIONAL_HINT.search(flow.text[:4000]):
        return flow
    text = tw_words(flow.text).translate(T2S)
    clean = [tw_words(line).translate(T2S) for line in flow.clean]
    if ("(" in text or "（" in text) and _PINYIN.search(text):
        return _without_pinyin(replace(flow, text=text, clean=clean))
    return replace(flow, text=text, clean=clean)


def _without_pinyin(flow: Flow) -> Flow:
    """A mirror that prints pinyin after the characters it thinks rare (`主動(dòng)公開政府信息122條`): its
    sentences read without it, as its labels and headings do (`我局…共主动公开政府信息122条` is a figure's label only
    whole). Each segment's start moves back by the pinyin taken out before it: lines stay right."""
    cuts = [(m.start(), m.end()) for m in _PINYIN.finditer(flow.text)]
    removed, k, starts = 0, 0, []
    for start in flow.starts:
        while k < len(cuts) and cuts[k][1] <= start:
            removed += cuts[k][1] - cuts[k][0]
            k += 1
        starts.append(start - removed)
    return replace(flow, text=_PINYIN.sub("", flow.text), starts=starts)


def data_year(meta: Meta) -> int | None:
    """Title; else the period's year; else the signature's year − 1 (reports are signed after the year)."""
    if meta.title_year:
        return meta.title_year
    if meta.period:
        return int(meta.period[1][:4])
    if meta.published:
        return int(meta.published[:4]) - 1
    return meta.opening_year


def year_source(meta: Meta) -> str | None:
    """Which statement `data_year` took the year from."""
    return ("title" if meta.title_year else "period" if meta.period else
            "signature" if meta.published else "opening" if meta.opening_year else None)


def _first_lines(flow: Flow, n: int) -> list[tuple[int, str]]:
    """The first `n` non-empty lines with their numbers (not a pass over the whole report)."""
    return list(islice(filter(itemgetter(1), enumerate(flow.clean, 1)), n))


# What frames a title line but is no part of it: a page header's cell bars, a markdown rendition's heading marks and
# bold (`# 沐阳县人民政府 2025 年 政府信息公开工作年度报告`, `**…年度报告**`: a PDF or OCR converted to markdown)
_TITLE_FRAME = "|#*"
# a flipbook's page (`basic-html/page2.html`) titled `Page 2 - 省交通运输厅2019年度…年度报告`: the title is the document's,
# as its uploader typed it (`Page 9 - 威海市文登人民政府办公室2022年…`, 区 left out): its year, not its body's name
_FLIPBOOK_PAGE = re.compile(r"^Page\s*\d+\s*-\s*")


def _title_text(line: str) -> str:
    """A title line as compared: no spaces, dates in digits, a page header's cells, markdown marks and field name gone."""
    if line.startswith("Page"):
        line = _FLIPBOOK_PAGE.sub("", line)
    return _FIELD.sub("", cn_dates(_SP.sub("", line)).strip(_TITLE_FRAME)).strip(_TITLE_FRAME)


def _title(flow: Flow, meta: Meta) -> None:
    """The title among the first lines; a title broken over two lines is joined."""
    lines = _first_lines(flow, _TITLE_LINES + 1)
    for k, (no, line) in enumerate(lines[:_TITLE_LINES]):
        if "年" not in line:
            continue
        if line.startswith(_CRUMB_HEADS):
            line = _after_crumbs(line)
        if len(line) >= 120:
            if k:
                continue
            line = line[:_TITLE_HEAD]   # a crawler's one-line page opens with the title, the text runs on
        # `标题: | 某某镇人民政府2024年…年度报告 | ||`: a page header's cells; `西藏自治區(qū)…`: a mirror's pinyin
        bare = _PINYIN.sub("", line) if "(" in line or "（" in line else line   # (its brackets: most have none)
        s = _title_text(bare)
        s = _FULL_TEXT.sub("", s)      # a republished title `…工作报告(全文)`, `…工作报告/全文`
        if s[-1:] in ")）":
            s = _YEAR_LAST.sub(r"\1\3年\2", s)   # `…镇政府信息公开工作年度报告 (2019年)`: read as `…镇2019年…`
        n = _NOTICE_TITLE.match(s) if "关于" in s else None
        if n and not _SENTENCE_HEAD.match(n.group("issuer")):
            unit, year = n.group("after") or n.group("before") or n.group("issuer"), int(n.group("year"))
            if (fuller := _fuller_title(lines[k + 1:k + 4], unit, year)) is not None:
                (no, s), unit = fuller   # `共和乡关于2020年度…` (the page's headline), the document's title below it
            meta.title, meta.title_line, meta.title_year = s, no, year
            meta.unit = unit
            return
        m = _TITLE.search(s)
        if m is None and "年度报告" not in s and k + 1 < len(lines) and len(lines[k + 1][1]) < 40:
            below = cn_dates(_SP.sub("", lines[k + 1][1]))
            if _TITLE.search(below):
                continue   # `政府信息公开年报` (a column's heading) over a whole title: no part of it
            s = s + below
            m = _TITLE.search(s)
        if m and "《" in (m.group("unit") or m.group("unit2") or "")[1:]:
            continue   # a notice the sentence cites (`按照《…关于做好2020年度…年度报告…》`), not the title
        if m and _SENTENCE_HEAD.match(m.group("unit") or m.group("unit2") or ""):
            continue   # `现将2021年政府信息公开工作年度报告如下`: a sentence about the report, no unit
        if m and _CITED_NOTICE.search(m.group("unit") or m.group("unit2") or ""):
            continue   # `按照市政府办公室关于做好2016年…年度报告编制工作的通知要求`: the notice a sentence cites
        if m:
            unit = (m.group("unit") or m.group("unit2") or "").strip("“”\"《》")
            if unit.endswith("人民"):
                unit += "政府"   # `…夏镇人民政府信息公开工作年度报告`: 人民政府's 政府 is also 政府信息公开's
            elif unit in _BARE_ENDINGS and k > 0:
                # `重庆市沙坪坝区人民政府小龙坎街道` / `办事处2023年…年度报告`: a title broken inside the body's
                # name (the line above holds no year, so it was passed over); an ending alone names no body
                above = _SP.sub("", _PINYIN.sub("", lines[k - 1][1])).strip(_TITLE_FRAME)
                if _NAME_LINE.fullmatch(above) and not above.endswith(_BARE_ENDINGS):
                    unit, s = above + unit, above + s
            if m.group("year2") or unit == "关于":
                # `2023年政府信息公开工作年度报告` (or `关于2021年度…的年度报告`) under a line naming the
                # body (a title set on two lines): the body is that line; `政府` of 政府信息公开 is no unit
                # `濟(jì)南市…局`; `**某某县人民政府**` / `**2025年…年度报告**`: a markdown title set on two lines
                above = _SP.sub("", _PINYIN.sub("", lines[k - 1][1])).strip(_TITLE_FRAME) if k > 0 else ""
                if unit in ("政府", "政务", "关于"):
                    unit = above if _NAME_LINE.fullmatch(above) else ""
                    s = above + s if unit else s
                if not unit and k + 2 < len(lines) and (_NAME_LINE.fullmatch(_SP.sub("", lines[k + 1][1])) or any(
                        _SP.sub("", t) == _SP.sub("", line) for _, t in lines[k + 2:k + 5])):
                    continue   # the page's header repeats the bare title; the title under the unit's line follows
            year = int(m.group("year") or m.group("year2"))
            if unit and (fuller := _fuller_title(lines[k + 1:k + 4], unit, year)) is not None:
                (no, s), unit = fuller   # `区退役军人事务局2022年…` (the page's headline), the full title below it
            meta.title = s
            meta.title_line = no
            meta.title_year = year
            meta.unit = unit if unit and not unit.endswith(_SITE_ENDINGS) and unit not in _KIND_ONLY \
                and not _FLIPBOOK_PAGE.match(line) else None
            return
    _yearless_title(lines[:_TITLE_LINES], meta)


# A page's breadcrumb before its title, on one line (a body-only crawl: `当前位置： 首页政务公开…年报 平潭综合实验区2017年度
# 政府信息公开工作年度报告 来源：…`): the title starts after the last separator before its year; a breadcrumb run into
# the title with none gives no title (which crumb ends where is not known)
_CRUMB_HEADS = ("当前位置", "您的位置", "您现在的位置", "您当前的位置", "您现在所在的位置", "所在位置")
_CRUMB_YEAR = re.compile(r"(?:19|20)\d\d年")


def _after_crumbs(line: str) -> str:
    m = _CRUMB_YEAR.search(line)
    if m is None:
        return line
    head = line[:m.start()]
    k = max(head.rfind(sep) for sep in " \u3000\t>›»")
    # the crumbs after the title (`…年度报告 » 详情`) are none of it
    return _CRUMB_AFTER.split(line[k + 1:], 1)[0] if k >= 0 else ""


_CRUMB_AFTER = re.compile(r"\s*[>›»]")

def _fuller_title(below: list[tuple[int, str]], unit: str, year: int) -> tuple[tuple[int, str], str] | None:
    """A title line right below the title naming the same year's report by a longer name of the same body: a page's
    headline `区退役军人事务局2022年政府信息公开工作年度报告`, a date line, then `广州市越秀区退役军人事务局2022年…`."""
    for i, (no, line) in enumerate(below):
        if "年度报告" not in line or len(line) >= 120:
            continue          # (most lines below a title, `本年度报告依据…` sentences: no title, not substituted)
        s = _title_text(line)   # `名        称 乌恰县…`: the field's name is no part of the title
        if s.startswith("关于") and i and _NAME_LINE.fullmatch(above := _title_text(below[i - 1][1])):
            s = above + s     # the document's title set on two lines: `盐边县共和乡人民政府` / `关于2020年度…的年度报告`
        m = _TITLE.match(s) if len(s) < 80 else None
        if m and m.group("unit") and int(m.group("year")) == year:
            longer = m.group("unit").strip("“”\"《》")
            # the same body named in full: `…区退役军人事务局` for `区退役军人事务局`, `盐边县共和乡人民政府` for `共和乡`
            if longer != unit and (longer.endswith(unit) or longer.removesuffix("人民政府").endswith(unit)) \
                    and _NAME_LINE.fullmatch(longer):
                return (no, s), longer
    return None


# A title that gives no year (`乌海市工业和信息化局` / `政府信息公开工作年度报告`, or on one line): the year is the
# period's. A site's header over a column's name (`某市人民政府` / `政府信息公开年度报告`) looks the same, so the
# body counts only when the page names it again below (`由乌海市工业和信息化局编制而成`).
_YEARLESS = re.compile(r"^(?P<unit>[\u4e00-\u9fff（）()·]{0,40}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?年度报告$")


def _yearless_title(lines: list[tuple[int, str]], meta: Meta) -> None:
    for k, (no, line) in enumerate(lines):
        m = _YEARLESS.match(_SP.sub("", line)) if "年度报告" in line and len(line) < 60 else None
        if m is None:
            continue
        unit, s = m.group("unit"), _SP.sub("", line)
        if not unit and k > 0:
            above = _SP.sub("", lines[k - 1][1])
            unit, s = (above, above + s) if _NAME_LINE.fullmatch(above) else ("", s)
        name = _named_unit(unit) if unit else None
        if name and any(name in later for _, later in lines[k + 1:]):
            meta.title, meta.title_line, meta.unit = s, no, name
        return


# A page without its title names the report in its first sentence (`现公布我局2022年政府信息公开工作
# 年度报告`, `现就疏勒县人民政府2020年度政府信息公开情况报告如下`): that year is the title's. A notice it cites (`《…关于做好2022年度政府信息公开工作年度报告
# 编制…的通知》`) is not the report itself.
_NAMED = re.compile(r"(?:公布|现将|现就|编制|发布|现公开|社会公开|汇总)(?:形成了?)?《?(?P<gap>[^。；;《》\d]{0,32}?)(?P<year>(?:19|20)\d\d)年度?"
                    r"(?P<after>(?:(?!公开|要点|通知|关于)[^。；;《》\d]){0,24}?)(?:政府信息(?:公开)?|政务公开|信息公开)(?:工作)?(?:情况)?的?(?:年度?)?(?:工作)?报告")
# the short name a body gives itself in passing: `特向社会公布国家税务总局佛山市税务局（以下简称“佛山市税务局”，下文类同）2021年…`
_ALIAS = re.compile(r"[(（](?:以下|下文)简称[^()（）]{0,30}[)）]")
# `2019年，…`, `2019年我街道新收…申请…` (the body as the subject), `截至2019年12月30日,我苏木主动公开…` (the data's cut-off)
_LEAD_YEAR = re.compile(r"(?:(?:截至|截止)(?=(?:19|20)\d\d年12月[123]\d日))?((?:19|20)\d\d)年"
                        r"(?:度|(?<=[至止]\d\d\d\d年)12月[123]\d日)?(?:[，,]|(?=[我本]))")
_ABOUT_DISCLOSURE = re.compile(r"政府信息公开|政务公开|主动公开|依申请公开|公开申请")
# 概述/概况: a report before 2019; `（一）总体情况`: the first part set as a subheading (`一、报告内容` over it)
# a page without its title whose first sentence names the report by its year: `2009年年报根据《…条例》编制`
_SELF_NAMED = re.compile(r"^((?:19|20)\d\d)年度?(?:政府信息公开(?:工作)?)?年度?报告?(?:是|根据|依据|按照|由)")
_OVERVIEW = re.compile(r"^(?:[一1][、.．]|[（(]一[）)])\s*(?:总体情况|概述|概况)")
# `截止2024年12月31日,本局2024年度主动公开…` (a mirror's page without title or period): the year the data end
_OPENING = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)][^。]{0,12}[。.:：]?)?(?:(?:截至|截止)(?=(?:19|20)\d\d年12月31日))?"
                      r"((?:19|20)\d\d)年")
# `截至2022年底,我局政府信息公开工作运行正常` inside 总体情况's first paragraph (武进区退役军人事务局 2022: no title, no
# period, the paragraph opening on the notice it follows): the year the report's data end
_AS_OF_END = re.compile(r"(?:截至|截止)((?:19|20)\d\d)年(?:底|末|12月31日)")


_DISCLOSED = re.compile(r"公开|信息")


def _as_of_end(paragraph: str) -> re.Match | None:
    """`截至2022年底` in a sentence about what was disclosed (`…我局政府信息公开工作运行正常`, `截止2023年12月31日我局通过官方网站
    发布政务类信息34条`), not about something else (`截至2022年底,全区常住人口12万人`)."""
    for m in _AS_OF_END.finditer(paragraph):
        end = paragraph.find("。", m.end())
        if _DISCLOSED.search(paragraph, m.end(), len(paragraph) if end < 0 else end):
            return m
    return None


_OVERVIEW_LINES = 6                                    # lines under 总体情况 that may open with the year
_NEXT_PART = re.compile(r"^[二三四五六][、.．]")            # 总体情况 is over


def _naming_sentence(lines: list[tuple[int, str]]) -> tuple[int, re.Match] | None:
    """The first line naming the report (`现公布昆明市人民政府2023年…年度报告`) and that naming."""
    for no, line in lines:
        line = _ALIAS.sub("", cn_dates(line))
        if "(" in line or "（" in line:
            line = _PINYIN.sub("", line)    # a mirror's `…工作年度報(bào)告`: the naming sentence without its pinyin
        # not a notice the sentence cites: `根据…《关于编制公布2022年政府信息公开工作年度报告有关事项的通知》`
        m = next((m for m in _NAMED.finditer(line) if line.count("《", 0, m.start()) <= line.count("》", 0, m.start())), None)
        if m and "关于" not in m.group("gap"):
            return no, m
    return None


def _sentence_unit(m: re.Match) -> str | None:
    # the body before the year (`现公布昆明市人民政府2023年…`) or after it (`特向社会公开2022年度溪口镇政府信息公开
    # 年度报告`, `特公布2022年温州市人力资源和社会保障局信息公开…`)
    return _named_unit(m.group("gap")) or _named_unit(m.group("after")) or _compiled_by(m)


_BY = re.compile(r"由([\u4e00-\u9fff（）()]{2,24})$")
_SUBJECT = re.compile(r"(?:^|[，,。；;）)])([\u4e00-\u9fff（）()]{2,24})$")


def _compiled_by(m: re.Match) -> str | None:
    """`本报告是…由鹤山市林业局编制的2022年政府信息公开年度报告` (鹤山市林业局 2022, session 15), `…,乌林乡编制了2019年政府
    信息公开工作年度报告`: the body compiling the year's report (docs/accuracy.md 第 16 轮: 编制者即单位的约定)."""
    if not m.group(0).startswith("编制") or m.group("gap") not in ("", "的", "了"):
        return None
    by = (_SUBJECT if m.group("gap") == "了" else _BY).search(m.string, 0, m.start())
    return _own_compiler(_named_unit(by.group(1))) if by else None


# An office compiles its body's report (`由盐城市人民政府办公室编制`, `由查干屯格乡人民政府党政办公室编制`, `由沁阳市教育局办公室
# 编制`), and publishes its own too (嘉兴市人民政府办公室 2023): which body's report it is, the compiler does not say.
_OFFICE = re.compile(r"(?:办公室|办公厅|党政办|综合科|公开办|领导小组|指挥室)$")
# `本报告由高楼乡人民政府按照…要求编制`, `本年度报告由海南省生态环境厅编制`: the report names its compiler
_REPORT_BY = re.compile(r"本(?:年度)?(?:报告|年报)(?:是)?由([\u4e00-\u9fff（）()]{2,30}?)(?=按照|根据|依据|结合|负责|编制)")
# a page's field block: `发文机关:文昌市昌洒镇` (昌洒镇 2020, whose title and prose name no body). Not 发布机构: a site's
# publishing office or column (`发布机构: 柘城县政府办公室` over 柘城县人民政府's report, `发布机构: 行政科`).
_ISSUER = re.compile(r"发文机关\s*[:：]\s*([\u4e00-\u9fff（）()]{2,30})")


def _own_compiler(name: str | None) -> str | None:
    return None if name is None or _OFFICE.search(name) else name


def _compiler(flow: Flow) -> str | None:
    """Where title, naming sentence and signature name no body: the compiler the report names for itself, else
    the field block's issuing body (发文机关), neither an office compiling for its body."""
    lines = [line for _, line in _first_lines(flow, _TITLE_LINES)]
    # (the field block's name ends at its space: `发文机关:文昌市昌洒镇 成文日期:…`)
    for pattern, text in ((_REPORT_BY, [_SP.sub("", line) for line in lines]), (_ISSUER, lines)):
        m = next(filter(None, map(pattern.search, text)), None)
        if m:
            return _own_compiler(_named_unit(m.group(1)))
    return None


# the opening sentence of a page without its title (来宾市卫健委 2023, 昌江区民政局 2022): `结合来宾市卫生健康委员会政府信息公开
# 工作实际,现编制2023年…年度报告`, `结合2022年昌江区民政局政府信息公开工作编制而成` — whose work the report is about
# (compiled from it: not `结合山西省政务公开工作实际,制定了《…》`, the scope of a plan)
_WORKED_ON = re.compile(r"结合(?:(?P<y1>(?:19|20)\d\d)年度?)?(?P<unit>[\u4e00-\u9fff（）()]{2,30}?)(?:(?P<y2>(?:19|20)\d\d)年度?)?"
                        r"(?:政府信息公开|政务公开)工作(?:的)?(?:实际|情况){0,2}(?:有关统计数据)?[,，]?(?:现|特)?(?:编制|撰写)")


def _worked_on(flow: Flow, meta: Meta) -> str | None:
    year = data_year(meta)
    for _, line in _first_lines(flow, _TITLE_LINES):
        if "结合" not in line:
            continue
        for m in _WORKED_ON.finditer(_ALIAS.sub("", _SP.sub("", line))):
            said = m.group("y1") or m.group("y2")
            if said and year is not None and int(said) != year:
                continue
            unit = m.group("unit") + ("政府" if m.group("unit").endswith("人民") else "")   # `…乡人民政府信息公开`
            if name := _named_unit(unit):
                return name
    return None


def _named_body(flow: Flow, meta: Meta) -> None:
    """A title naming no body (`2025年政府信息公开工作年度报告` under a site's header) over a sentence naming the
    same year's report with its body (`现向社会公布《白银市平川区发展和改革局2025年度政府信息公开工作年度报告》`)."""
    named = _naming_sentence([(no, _SP.sub("", line)) for no, line in _first_lines(flow, _TITLE_LINES)])
    if named and int(named[1].group("year")) == meta.title_year:
        meta.unit = _sentence_unit(named[1])


def _named(flow: Flow, meta: Meta) -> None:
    """The year of the report as its first lines name it (no title line), else as 总体情况 opens."""
    lines = [(no, _SP.sub("", line)) for no, line in _first_lines(flow, _TITLE_LINES)]
    named = _naming_sentence(lines)
    if named:
        meta.title_line, m = named
        meta.title_year = int(m.group("year"))
        meta.unit = meta.unit or _sentence_unit(m)
        return
    for no, line in lines[:3]:
        m = _SELF_NAMED.match(line)
        if m:
            meta.title_line, meta.title_year = no, int(m.group(1))
            return
    for k, (_, line) in enumerate(lines):
        head = _OVERVIEW.match(line)
        if head:
            # the paragraph on the heading's own line (a page that lost its breaks: `一、总体情况 2019年度，…`) and
            # the next three lines; then, up to the next part, a paragraph past a subheading or two that opens with
            # the year and speaks of the disclosure work (`2019年，我局按照…认真落实…政府信息公开工作…`; not `…年以来`)
            below = [after for _, after in lines[k + 1:k + 1 + _OVERVIEW_LINES]]
            for n, after in enumerate([line[head.end():], *below]):
                if n > 3 and _NEXT_PART.match(after):
                    break
                m = _OPENING.match(after) if n <= 3 else \
                    _ABOUT_DISCLOSURE.search(after) and _LEAD_YEAR.match(after)
                if not m and n <= 3:
                    m = _as_of_end(after)
                if m:
                    meta.opening_year = int(m.group(1))
                    return
            break
    # a page stored without its title opens with the report's first paragraph (`2025年，杏花村镇紧扣…严格恪守
    # 《中华人民共和国政府信息公开条例》…`): its year, when the paragraph is about the disclosure work
    for _, line in lines[:2]:
        m = _LEAD_YEAR.match(line)
        if m and _ABOUT_DISCLOSURE.search(line):
            meta.opening_year = int(m.group(1))
            return


# The body a naming sentence gives (`现公布昆明市人民政府2023年…`, `现发布《西夏区人民政府办公室2024年…》`):
# a name ending as bodies' and places' names end; not a pronoun or a scope (`我局`, `本单位`, `全县`).
_NAMED_UNIT = re.compile(r"^(?!全|本|各|我|该|有关|上述|以下)[\u4e00-\u9fff（）()]{2,24}$")
_UNIT_ENDINGS = ("局", "委", "办", "厅", "室", "处", "中心", "院", "所", "站", "队", "委员会", "公司", "馆", "社",
                 "中学", "小学", "大学", "学校", "幼儿园",   # public schools publish on the form (安徽省涡阳第三中学 2022)
                 "人民政府", "政府", "办事处", "管委会", "实验区", "新区", "开发区", "园区",
                 "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道", "街", "苏木")   # 街: `沌口街`, a 街道's short name


# a kind of body with no name of its own (`医院政府信息公开工作年度报告`: a template's title, its body `xx县中医院`) names none
_KIND_ONLY = frozenset(_UNIT_ENDINGS) | {"医院", "学校", "学院", "卫生院", "公司", "集团", "单位", "机关", "部门", "机构",
                                         "政府", "人民政府", "办公室", "街道办事处", "管理委员会"}


# the verbs `_NAMED` opens on, and the name's own verb after them: `我局编制并向社会公开莆田市涵江区人力资源和社会保障局2023年度…`
# (the body is after 社会公开, not the whole `并向社会公开…局`); `:`: a mirror's spam before the name (`…官网@:西柳镇…`)
_LAST_VERB = re.compile(r"公布|编制|发布|现将|现就|现公开|社会公开|汇总|[，,:：]")


# the 2008 model sentence's `特向社会公布2019年度××政府（机关）信息公开年度报告`: the body is the name before it
_ORGAN = re.compile(r"[(（]机关[)）]$")


def _named_unit(gap: str) -> str | None:
    # the words after the last verb or comma: `编制本报告,现公布子长市人民政府2023年度…`; `公布了某某区…`
    name = _LAST_VERB.split(gap)[-1].strip("“”\"").removeprefix("了").removesuffix("的")   # `汇总2024年小河镇的…年度报告`
    name = _ORGAN.sub("", name)
    if not _NAMED_UNIT.match(name) or _SENTENCE_HEAD.match(name) or not name.endswith(_UNIT_ENDINGS) \
            or name in _KIND_ONLY:
        return None
    return name


def _period(flow: Flow, meta: Meta) -> None:
    text = flow.text
    for m in _PERIOD_CANDIDATE.finditer(text):
        window = _SP.sub("", text[m.start():m.start() + 80])
        p = _PERIOD.search(window)
        if not p:
            continue
        y1, m1, d1, y2, m2, d2 = p.groups()
        y2 = y2 or y1
        meta.period = (f"{y1}-{int(m1):02d}-{int(d1):02d}", f"{y2}-{int(m2):02d}-{int(d2):02d}")
        meta.period_text = p.group(0)
        meta.period_line = flow.line_at(m.start())
        return


# 涵盖: `内容涵盖2019年9月1日至12月31日期间的政府信息公开工作情况` (a unit set up mid-year)
_PERIOD_CANDIDATE = re.compile(r"统计|数据|时限|期限|涵盖")


def _signature(flow: Flow, meta: Meta) -> None:
    """The last lines that are not page furniture: "哈尔滨市城市管理局 2021年1月16日"."""
    checked = 0
    for no in range(len(flow.clean), 0, -1):
        line = flow.clean[no - 1]
        if not line or _TRAILER.match(line):
            continue
        checked += 1
        if checked > 6:
            return
        m = _date_at_end(cn_dates(_SP.sub("", line[-800:])))
        if not m:
            continue
        tail = m.string
        y, mo, d = (int(x) for x in (m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return
        meta.published = f"{y:04d}-{mo:02d}-{d:02d}"
        meta.published_line = no
        before = _NAME_AT_END.search(tail, max(0, m.start() - 40), m.start())
        name = before.group(0) if before else None
        if not name:
            name = _previous_name(flow, no)
        if name and "）" in name and "（" not in name.split("）")[0]:
            name = name.rsplit("）", 1)[1]  # `…〔2017〕6号）平潭…局`: the bracket closes text before the name
        meta.signer = _SP.sub("", name) if len(name or "") >= 2 else None
        return


def _date_at_end(tail: str) -> re.Match | None:
    """The date that ends the line, or that ends it once what a one-line page prints after its
    signature is cut off (one piece at a time, only while no date ends it)."""
    while (m := _DATE_AT_END.search(tail, max(0, len(tail) - 12))) is None:
        cut = _AFTER_SIGNATURE.search(tail)
        if cut is None or cut.start() == 0:
            return None
        tail = tail[:cut.start()]
    return m


def _previous_name(flow: Flow, no: int) -> str | None:
    for k in range(no - 1, max(0, no - 4), -1):
        line = flow.clean[k - 1]
        if line:
            return line if len(line) <= 40 and not _NOT_NAME.search(line) else None
    return None


def cn_dates(s: str) -> str:
    """"二〇二一年一月十六日" -> "2021年1月16日" (dates only: names keep their numerals)."""
    if "年" not in s or not _CN_DATE.search(s):
        return s
    return _CN_DATE.sub(_cn_date, s)


def _cn_date(m: re.Match) -> str:
    out = m.group(1).translate(_CN_DIGITS) + "年"
    if m.group(2):
        out += f"{_cn_small(m.group(2))}月"
        if m.group(3):
            out += f"{_cn_small(m.group(3))}日"
    return out


def _cn_small(s: str) -> int:
    """一 … 三十一."""
    if "十" not in s:
        return int(s.translate(_CN_DIGITS))
    tens, _, ones = s.partition("十")
    return int(tens.translate(_CN_DIGITS) or 1) * 10 + int(ones.translate(_CN_DIGITS) or 0)
