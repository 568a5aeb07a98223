"""PDFs that would never finish: pdfminer interprets a page's drawing instructions in Python, so a
730 kB file whose one page unpacks to 480 MB of them ran for over five minutes, and 100,000 empty
pages take as long. Each is one F5 within seconds (measured as the streams unpack, never held);
the other inputs are checked."""
from __future__ import annotations

import json
import zlib

from hostile import assert_clean, digest, seed_copies, xxgk

MB = 1 << 20


def _pdf(path, pages: int, content: bytes) -> None:
    """A minimal PDF of `pages` pages sharing one Flate content stream `content` (packed)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
            + b"] /Count %d >>" % pages,
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


def _packed(piece: bytes, times: int) -> bytes:
    c = zlib.compressobj(9)
    return b"".join(c.compress(piece) for _ in range(times)) + c.flush()


def test_a_page_that_unpacks_to_hundreds_of_mb_and_a_pdf_of_too_many_pages(tmp_path):
    bomb, pages = tmp_path / "bomb.pdf", tmp_path / "pages.pdf"
    _pdf(bomb, 1, _packed(b"0 0 m\n" * MB, 40))                   # 240 MB of drawing instructions
    _pdf(pages, 1001, _packed(b"0 0 m\n", 1))
    assert bomb.stat().st_size < 2 * MB
    good = seed_copies(tmp_path / "good", 1)
    before = digest([tmp_path])
    run = xxgk("check", bomb, pages, good[0], "--format", "json", timeout=120)
    assert_clean(run)
    assert run.code == 2, run.text[-2000:]
    doc = json.loads(run.out)
    assert len(doc["reports"]) == 1
    said = {f["source"].rsplit("/", 1)[-1]: f["message"] for f in doc["findings"] if f["rule"] == "F5"}
    assert "第 1 页的内容解压后超过 16 MB" in said["bomb.pdf"], said
    assert "超过 1000 页" in said["pages.pdf"], said
    assert digest([tmp_path]) == before
