"""`labels.norm` and `labels.is_label` skip work for the texts that cannot need it (a text of
NFKC-stable characters skips NFKC; a text with an ideograph no unit prints is no figure without
`parse_number`): fed the same inputs, the shortcut and the full computation give the same answer —
every code point, every cell and line of every text fixture, the templates' labels and keys, and
random texts over an alphabet with the characters that do change under NFKC or compose."""
from __future__ import annotations

import random
import re
import sys
import unicodedata
from pathlib import Path

from checker.numbers import parse_number
from checker.readers import ReadError, encoding
from checker.readers import labels as L
from checker.templates import FORMATS, template

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md"))
ALL_CHARS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def full_norm(text: str) -> str:
    """`norm` as computed without the shortcut: a Taiwan-style mirror's words back (w12), NFKC, a mirror's pinyin
    out (w9), then the drop and the traditional map."""
    if not text.isascii():
        text = text.replace("檔案", "文件").replace("資訊", "信息")
        text = unicodedata.normalize("NFKC", text)
        if "(" in text:
            text = L.PINYIN.sub("", text)
    return text.translate(L._DROP_TABLE)


def full_is_label(text: str) -> bool:
    """`is_label` as computed before the shortcut (parse_number for every text led by a digit)."""
    s = text.strip()
    if not s or not L._CJK_OR_ALPHA.search(s):
        return False
    if len(s) <= 4 and L.norm(s) in L.PLACEHOLDERS:
        return False
    if not L._CJK.search(s):
        return False
    return not (s[0].isdigit() or s[0] in "+-.") or parse_number(s).status == "unreadable"


def _composition_seconds() -> set[str]:
    """Every character that is the second of a canonical pair (it may combine with the one before)."""
    out = set()
    for c in ALL_CHARS:
        d = unicodedata.decomposition(c)
        if d and not d.startswith("<") and len(d.split()) == 2:
            out.add(chr(int(d.split()[1], 16)))
    return out


def _plain_chars() -> list[str]:
    return [c for c in ALL_CHARS if L._PLAIN_TEXT.fullmatch(c)]


def test_plain_characters_are_kept_by_nfkc_one_by_one():
    """Each character of `_PLAIN_TEXT` is a starter NFKC keeps (or, a dropped one, turns into dropped
    starters), and none may combine with the character before it: NFKC of a text of them is each
    character's own NFKC, so the drop and the traditional map alone give `norm`."""
    seconds = _composition_seconds()
    hangul_vt = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    plain = _plain_chars()
    assert len(plain) > 20000
    for c in plain:
        out = unicodedata.normalize("NFKC", c)
        assert unicodedata.combining(c) == 0, hex(ord(c))
        assert c not in seconds and c not in hangul_vt, hex(ord(c))
        if out != c:
            assert c in L.DROP_TO_DROP and out and all(d in L._DROP for d in out), hex(ord(c))
            assert all(unicodedata.combining(d) == 0 and d not in seconds for d in out), hex(ord(c))


def _fixture_texts() -> list[str]:
    out = []
    for p in TEXTS:
        try:
            out.append(encoding.decode(p.read_bytes(), p.name))
        except ReadError:
            continue
    return out


def _cells(texts: list[str]) -> set[str]:
    cells: set[str] = set()
    for t in texts:
        for line in t.splitlines():
            cells.add(line)
            cells.update(re.split(r"\t|\||  +|\u3000", line))
    for fmt in FORMATS:
        tpl = template(fmt)
        for table in tpl.tables:
            for row in table.rows:
                cells.add(row.label)
                cells.update(row.keys)
    return cells


def _random_texts(n: int) -> list[str]:
    """Texts over plain characters and the ones NFKC changes or composes (fullwidth forms, combining
    marks, Hangul jamo, compatibility ideographs, ligatures, superscripts, traditional characters)."""
    rng = random.Random(9)
    alphabet = (list("规章1２３ａ（）()，,。 \u3000\t\u00a0·—–-") + ["e", "\u0301", "\u0308", "\u1100", "\u1161",
                "\u11a8", "\uac00", "\uf900", "\ufb01", "\u00b2", "\u2460", "\u3007", "\u2026", "\u00bd", "\u212b",
                "\u0b47", "\u0b3e", "\u30ab", "\u3099", "\uff76", "\uff9e"] + list(L.TRADITIONAL[:20]))
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(n)]


def test_norm_is_the_full_norm():
    texts = _fixture_texts()
    inputs = ALL_CHARS + sorted(_cells(texts)) + _random_texts(30000)
    shortcut = 0
    for t in inputs:
        assert L.norm.__wrapped__(t) == full_norm(t), ascii(t)
        shortcut += not t.isascii() and L._PLAIN_TEXT.fullmatch(t) is not None
    assert shortcut > 20000          # the shortcut is taken (every plain character, most lines)


def test_is_label_is_the_full_is_label():
    texts = _fixture_texts()
    edges = ["2022 年，", "12件", "12 元", "1.属于国家秘密", "+5万元", "12件3", "１２件", "一二三", "3.其他", "0元",
             "2021年度", "12万", "12笔", "-1 件", ".5元", "1 2 3", "12个", "12项次"]
    inputs = sorted(_cells(texts)) + edges + ["1" + c for c in ALL_CHARS] + ["+" + c + "件" for c in ALL_CHARS[:70000]]
    skipped = 0
    for t in inputs:
        assert L.is_label.__wrapped__(t) == full_is_label(t), ascii(t)
        s = t.strip()
        skipped += bool(s) and (s[0].isdigit() or s[0] in "+-.") and L._NOT_UNIT.search(s) is not None
    assert skipped > 1000


def test_a_mirrors_pinyin_is_taken_out_on_the_short_path_too():
    # w9's pinyin removal sits on norm's full path; a text of plain characters (p9's short path) with
    # its pinyin in ASCII letters must come out the same (found when the two branches met)
    for t in ("总计(abc)", "规章（gui）", "其他（e）对外管理服务事项", "（一）予以公开", "區(qū)"):
        assert L.norm.__wrapped__(t) == full_norm(t), t
    assert L.norm.__wrapped__("规章（gui）") == "规章"
