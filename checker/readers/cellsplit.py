"""A printed cell cut into a label and the numbers after it.

Text taken from PDFs and web pages loses the separators between a table row's label and its
values in two ways: the values stand a single space after the label (`其他对外管理服务事项 0 0 0`,
a tab that jumped to a near tab stop, or collapsed HTML whitespace), or they are glued on with no
space at all (`一、本年新收政府信息公开申请数量640020470`, the issue's run-together example). Readers
cut such cells here before the grid matcher sees them; prose sentences are left alone.
"""
from __future__ import annotations

import re

_GLUED = re.compile(r"^(?P<label>.*[\u4e00-\u9fff）)”])(?P<digits>\d+(?:\.\d+)?)$")


def split_glued(text: str) -> tuple[str, str] | None:
    """`一、本年新收政府信息公开申请数量640020470` -> (label, digits): a table label with the row's
    digits printed straight after it. Sentences (with 。 or ；) are prose, never split."""
    s = text.strip()
    # (the pattern ends with a digit, `\d` being what isdecimal tests: most lines end otherwise)
    if not s or not s[-1].isdecimal() or "。" in s or "；" in s or len(s) > 80:
        return None
    m = _GLUED.match(s)
    if m is None or m.group("label").rstrip().endswith(("第", "附件", "附表", "表")):
        return None
    return m.group("label").rstrip(), m.group("digits")


_NUMBER_TOKEN = re.compile(r"-?\d+(?:\.\d+)?")


def label_and_numbers(text: str) -> list[str]:
    """A printed cell that holds a label and, after it, the row's numbers set apart by single
    spaces (`其他对外管理服务事项 0 0 0`) or glued on (`……申请数量640020470`): the label, then each
    number. A number inside or before a label (`1.属于国家秘密`, `2021 年`) stays where it is."""
    tokens = text.split()
    k = len(tokens)
    while k > 1 and _NUMBER_TOKEN.fullmatch(tokens[k - 1]):
        k -= 1
    if len(tokens) > 1 and all(_NUMBER_TOKEN.fullmatch(t) for t in tokens):
        return tokens                 # a row of numbers only (its label on the line above)
    if k == len(tokens) or _NUMBER_TOKEN.fullmatch(tokens[0]) or "。" in text:
        return list(split_glued(text) or (text,))
    label = " ".join(tokens[:k])
    return [*(split_glued(label) or (label,)), *tokens[k:]]
