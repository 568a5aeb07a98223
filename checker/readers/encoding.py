"""The text of a text report's bytes: which encoding, and a clear Chinese message when it is none we
can read. Tried in order: a BOM (UTF-8/UTF-16/UTF-32), UTF-16 without a BOM (told by where its zero bytes
fall), UTF-8, GB18030 (a superset of GBK and GB2312). Big5 (traditional Chinese, from Taiwan and
Hong Kong software) also decodes as GB18030, into nonsense: when the Big5 reading holds the words every
report has and the GB18030 one does not, the message says so instead of reading nonsense.
A file cut short inside its last character (a download or copy that stopped mid-character, one byte
of UTF-16's two) is read up to that character, not refused whole (`decode_text` says it was cut)."""
from __future__ import annotations

import re

from . import ReadError

_SAMPLE = 8192
_BOM = b"\xef\xbb\xbf"
_BOM32 = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")   # UTF-32 LE / BE (Notepad++, some exporters)
# Words every report's text holds, in simplified and traditional forms.
_REPORT_WORDS = ("政府", "信息", "公开", "公開", "报告", "報告", "申请", "申請", "年度", "行政")
# what the codecs say of bytes that end inside a character (UTF-8/UTF-16, UTF-16's odd byte, GB18030)
_CUT_REASONS = ("unexpected end of data", "truncated data", "incomplete multibyte sequence")
_NUMBER_TAIL = re.compile(r"[0-9０-９.,．，]+$")


def decode(data: bytes, name: str) -> str:
    return decode_text(data, name)[0]


def decode_text(data: bytes, name: str) -> tuple[str, bool]:
    """The text, and whether the file ended inside its last character (read up to it, `before_cut`)."""
    if data.startswith(_BOM32):          # before UTF-16: FF FE 00 00 starts with UTF-16 LE's BOM
        try:
            return _not_blank(data.decode("utf-32"), name), False
        except UnicodeDecodeError as e:
            raise ReadError(f"文件“{name}”以 UTF-32 的 BOM 开头，但第 {e.start // 4 + 1} 个字符起无法按 UTF-32 解码，"
                            "文件可能已损坏；请另存为 UTF-8 编码的文本。") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _not_blank(data.decode("utf-16"), name), False
        except UnicodeDecodeError as e:
            text = before_cut(data, "utf-16", e)
            if text is not None:
                return _not_blank(text, name), True
    if b"\x00" in data[:_SAMPLE]:
        found = _utf16(data)
        if found is not None:
            return _not_blank(found[0], name), found[1]
    data = data.rstrip(b"\x00")            # zero padding after the text (an editor or copy cut short)
    if b"\x00" in data:
        _zero_bytes(data, name)
    if not data or data.isspace():        # (as `not data.strip()`, without copying the file)
        raise ReadError(f"文件“{name}”是空文件，没有可读取的内容。")
    try:
        return _not_blank(_utf8(data), name), False
    except UnicodeDecodeError as e:
        utf8_error = e
    body = data[3:] if data.startswith(_BOM) else data
    text = before_cut(body, "utf-8", utf8_error)     # UTF-8 first: a cut one never reads as GB18030
    if text is not None:
        return _not_blank(text, name), True
    cut = False
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        text, cut = before_cut(data, "gb18030", e), True
    if text is None:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise ReadError(f"文件“{name}”的编码无法识别（既不是 UTF-8 也不是 GBK/GB18030），"
                        f"第{line}行起无法解码。请另存为 UTF-8 编码的文本。", where=f"第{line}行") from None
    if _words(text) == 0 and _big5_words(data) > 0:
        raise ReadError(f"文件“{name}”是繁体中文 Big5 编码，本工具读取简体中文（UTF-8 或 GBK）的报告；"
                        "请转换为简体中文、另存为 UTF-8 编码后再检查。")
    return _not_blank(text, name), cut


def less_cut_number(text: str) -> str:
    """The text less a number it ends with: the file was cut there, the number may have gone on."""
    return _NUMBER_TAIL.sub("", text)


def before_cut(data: bytes, encoding: str, error: UnicodeDecodeError) -> str | None:
    """When `error` is only that the bytes end inside a character (the file cut short), the text up
    to that character, less a number it ends with (which may have gone on: '12' of '123' is never
    read as 12); else None."""
    if error.end != len(data) or error.start < len(data) - 3 or error.reason not in _CUT_REASONS:
        return None
    try:
        text = data[:error.start].decode(encoding)
    except UnicodeDecodeError:
        return None
    return less_cut_number(text)


def _utf8(data: bytes) -> str:
    """`data.decode("utf-8-sig")`, the same text and errors: its codec is Python code around the C
    decoder (a few µs a report), so the BOM is cut here instead."""
    return (data[3:] if data.startswith(_BOM) else data).decode("utf-8")


def _utf16(data: bytes) -> tuple[str, bool] | None:
    """UTF-16 without a BOM: ASCII characters (digits, spaces, line ends fill a report) have their
    zero byte on one side, odd (little-endian) or even (big-endian); the reading must then be text.
    The text, and whether it was cut inside its last character."""
    sample = data[:_SAMPLE]
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    for enc, ours, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if ours >= len(sample) // 64 and ours > 2 * other:   # (CJK like 一 U+4E00 has zero bytes too)
            cut = False
            try:
                text: str | None = data.decode(enc)
            except UnicodeDecodeError as e:
                text, cut = before_cut(data, enc, e), True
            if text is not None and _printable(text):
                return text, cut
    return None


def _zero_bytes(data: bytes, name: str) -> None:
    """Zero bytes inside 8-bit text: a text with a stray NUL says where; anything else is not text."""
    rest = data.replace(b"\x00", b"")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = rest.decode(enc)
        except UnicodeDecodeError:
            continue
        if data.count(b"\x00") * 100 <= len(data) and _printable(text):
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise ReadError(f"文件“{name}”第{line}行含有空字符（NUL，字节 0x00），文件可能已损坏；"
                            "请在文本编辑器中删除后另存为 UTF-8 或 GBK 文本。", where=f"第{line}行")
        break
    raise ReadError(f"文件“{name}”不是文本文件（含有二进制内容），无法作为文本报告读取"
                    "（文本报告应为 UTF-8、GBK 或带 BOM 的 UTF-16 编码）。")


def _not_blank(text: str, name: str) -> str:
    if not text or text.isspace():       # spaces, tabs, full-width spaces, line ends only
        raise ReadError(f"文件“{name}”是空文件（只有空白），没有可读取的内容。")
    return text


def _words(text: str) -> int:
    head = text[:20000]
    return sum(w in head for w in _REPORT_WORDS)


def _big5_words(data: bytes) -> int:
    try:
        return _words(data[:40000].decode("big5", errors="ignore"))
    except LookupError:
        return 0


def _printable(text: str) -> bool:
    """Mostly characters people write (not the control/unassigned soup of a wrong decoding)."""
    sample = text[:4000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\r\n\t")
    return good >= 0.95 * max(len(sample), 1)
