"""Speed rewrites in the prose must read exactly as the plain code they replace: each fast form is
fed the same inputs as the plain one and must give the same answer."""
from __future__ import annotations

import re
from pathlib import Path

from checker.prose import regions
from checker.prose.flow import build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _texts() -> list[str]:
    """Every fixture text (seeds, real pages of the corpus, rule fixtures) as lines and as flow text."""
    out = []
    for p in sorted(FIXTURES.rglob("*.txt")):
        raw = p.read_bytes().decode("utf-8", "replace")
        out += [raw, build(raw.splitlines()).text]
    return out


def _flat(words) -> re.Pattern:
    """What `trie_pattern` replaces: every word, longest first, in one alternation."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def test_short_city_trie_matches_the_flat_alternation_on_every_fixture_text():
    words = regions.divisions().short_cities
    flat, trie = _flat(words), regions._short_names()
    texts = _texts()
    assert len(texts) > 100
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_trie_pattern_prefers_the_longest_word_and_backs_off_to_a_shorter_one():
    words = ["AB", "ABCD", "AX", "B", "BCD", "C+"]       # a prefix that is a word, one that is not, a regex sign
    trie, flat = re.compile(regions.trie_pattern(words)), _flat(words)
    for text in ["ABCD", "ABCX", "ABC", "AXABCDBCD", "C+C", "BCABCDD", "", "ZZZ", "AAB", "ABABCD"]:
        assert trie.findall(text) == flat.findall(text), text
    assert trie.findall("ABCX") == ["AB"]          # ABCD fails at X: back to AB, then C is no word
    assert trie.findall("ABCDBCD") == ["ABCD", "BCD"]


def test_clean_lines_fast_path_equals_the_line_by_line_cleaning():
    """`flow._clean` strips every line in one call when the text holds no bar or junk character;
    the line-by-line cleaning (forced by a bar in `joined`) must give the same lines on texts where
    the fast path applies, and texts with such characters must take the line-by-line way."""
    from checker.prose import flow

    fast_taken = 0
    for text in _texts() + ["  甲  \n\t乙\t\n\u3000丙\u3000\n\n", "|||\n---\n| 甲 |\n·乙\n—\n甲|"]:
        lines = text.splitlines()
        joined = "\n".join(lines)
        slow = flow._clean(lines, joined + "|")
        assert flow._clean(lines, joined) == slow
        if not any(ch in joined for ch in flow._ODD_START):
            fast_taken += 1
    assert fast_taken > 10
    assert flow._clean(["|||", "| 甲 |", "·乙", "—"], "|||\n| 甲 |\n·乙\n—") == ["", "甲", "·乙", ""]
