"""Reading inputs: text files with headers, encodings, HTML, URLs and feeds on a local server, WARC files."""
import io
from datetime import date

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cityties.document import Document
from cityties.sources import Failure, count_inputs, read, text

BODY = "Hà Nội và Lyon ký kết chương trình hợp tác về quy hoạch đô thị.\n\nHai bên sẽ trao đổi chuyên gia."
LEAD = "The city of Hanoi and the city of Lyon signed a cooperation plan on urban planning and heritage on Tuesday."
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Hanoi and Lyon sign cooperation plan | Example News</title>
{{meta}}
<link rel="canonical" href="https://news.example.org/hanoi-lyon">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li></ul></nav>
<article><h1>Hanoi and Lyon sign cooperation plan</h1>
<p>{LEAD}</p>
<p>The mayor of Lyon led a delegation of twelve officials to the Vietnamese capital for three days of talks.</p>
<p>Both cities will exchange engineers and hold a joint workshop on flood protection next year.</p>
</article>
<footer><p>Copyright 2024 Example News. All rights reserved. Contact the newsroom for corrections.</p></footer>
</body></html>"""
DATED_PAGE = PAGE.replace("{meta}", '<meta property="article:published_time" content="2024-03-05T08:00:00+07:00">')
UNDATED_PAGE = PAGE.replace("{meta}", "")


@pytest.fixture(scope="session")
def httpserver_listen_address():
    return ("127.0.0.1", None)


def documents(items) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def failures(items) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


# --- plain text -------------------------------------------------------------------------------


def test_header_lines_are_read_and_removed():
    doc = text.parse(f"URL: https://tin.example.vn/a-1.html\nDATE: 2024-09-18\n\n{BODY}", "a.txt")
    assert doc.url == "https://tin.example.vn/a-1.html"
    assert doc.published == date(2024, 9, 18)
    assert doc.raw == BODY
    assert doc.source == "a.txt"


def test_unknown_date_and_no_header():
    assert text.parse(f"URL: https://x.example/a\nDATE: unknown\n\n{BODY}").published is None
    doc = text.parse(BODY)
    assert (doc.raw, doc.url, doc.published) == (BODY, None, None)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_text_with_a_byte_order_mark(tmp_path, codec):
    path = tmp_path / "bom.txt"
    path.write_bytes(f"URL: https://x.example/a\nDATE: 2024-01-02\n\n{BODY}".encode(codec))
    [doc] = read([str(path)])
    assert doc.raw == BODY
    assert doc.published == date(2024, 1, 2)


def test_binary_file_fails_and_the_directory_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    (tmp_path / "c.txt").write_bytes("서울시와 하노이시".encode("euc-kr"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.md").write_text("# Seoul and Hanoi\n\nSeoul hosted a delegation.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")

    items = list(read([str(tmp_path)]))

    assert [type(item).__name__ for item in items] == ["Document", "Failure", "Failure", "Document"]
    assert items[0].raw == BODY and items[3].source.endswith("d.md")
    assert items[1].source.endswith("b.txt") and "cannot decode as utf-8" in items[1].reason
    assert "cannot decode as utf-8 (byte 0x" in items[2].reason
    assert count_inputs([str(tmp_path)]) == 4


def test_nul_bytes_in_valid_utf8_are_binary(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"abc\x00def")
    [failure] = read([str(path)])
    assert failure.reason == "binary content (NUL bytes), not text"


def test_missing_file_fails_and_reading_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    items = list(read([str(tmp_path / "missing.txt"), str(tmp_path / "a.txt")]))
    assert items[0] == Failure(str(tmp_path / "missing.txt"), "file not found")
    assert items[1].raw == BODY


# --- HTML -------------------------------------------------------------------------------------


def test_html_file_gives_title_date_url_and_body_without_nav_or_footer(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(DATED_PAGE, encoding="utf-8")
    [doc] = read([str(path)])
    assert doc.title == "Hanoi and Lyon sign cooperation plan"
    assert doc.published == date(2024, 3, 5)
    assert doc.url == "https://news.example.org/hanoi-lyon"
    assert doc.raw.split("\n\n")[:2] == ["Hanoi and Lyon sign cooperation plan", LEAD]
    assert "flood protection" in doc.raw
    assert "Home" not in doc.raw and "Copyright" not in doc.raw


def test_html_in_a_declared_legacy_charset(tmp_path):
    korean = "서울시는 하노이시와 협약을 맺었다."
    page = UNDATED_PAGE.replace('charset="utf-8"', 'charset="euc-kr"').replace(LEAD, f"{korean} {LEAD}")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("euc-kr"))
    [doc] = read([str(path)])
    assert korean in doc.raw


# --- HTTP: pages and feeds on a local server --------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>{base}</link><description>News</description>
<item><title>Hanoi and Lyon</title><link>{base}/dated</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Undated</title><link>{base}/undated</link><pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/gone</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:example</id><updated>2024-03-07T00:00:00Z</updated>
<entry><title>Undated</title><id>urn:example:1</id><link href="{base}/undated"/><updated>2024-03-07T00:00:00Z</updated></entry>
</feed>"""


def serve_pages(httpserver) -> str:
    httpserver.expect_request("/dated").respond_with_data(DATED_PAGE, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/undated").respond_with_data(UNDATED_PAGE, content_type="text/html")
    httpserver.expect_request("/gone").respond_with_data("not here", status=404)
    return httpserver.url_for("").rstrip("/")


def test_url_of_a_page(httpserver):
    base = serve_pages(httpserver)
    [doc] = read([f"{base}/dated"])
    assert doc.title == "Hanoi and Lyon sign cooperation plan"
    assert doc.published == date(2024, 3, 5)
    assert doc.source == f"{base}/dated"
    assert LEAD in doc.raw


def test_user_agent_and_redirects(httpserver):
    base = serve_pages(httpserver)
    httpserver.expect_request("/old", headers={"User-Agent": "cityties/0.1"}).respond_with_data(
        "", status=301, headers={"Location": f"{base}/dated"}
    )
    [doc] = read([f"{base}/old"])
    assert LEAD in doc.raw


def test_http_error_is_a_failure(httpserver):
    base = serve_pages(httpserver)
    assert list(read([f"{base}/gone"])) == [Failure(f"{base}/gone", f"HTTP 404 from {base}/gone")]


def test_unreachable_host_is_a_failure():
    with httpx.Client(timeout=2) as client:
        [failure] = read(["http://127.0.0.1:9/nothing"], client=client)
    assert failure.reason.startswith("cannot fetch http://127.0.0.1:9/nothing: ConnectError")


def test_rss_feed_by_content_type(httpserver):
    base = serve_pages(httpserver)
    httpserver.expect_request("/feed").respond_with_data(RSS.format(base=base), content_type="application/rss+xml")
    items = list(read([f"{base}/feed"]))
    dated, undated = documents(items)
    assert dated.published == date(2024, 3, 5)  # the page's own date wins
    assert undated.published == date(2024, 3, 6)  # the entry's date stands in
    assert failures(items) == [Failure(f"{base}/gone", f"HTTP 404 from {base}/gone")]
    assert count_inputs([f"{base}/feed"]) is None


def test_atom_feed_found_by_parsing(httpserver):
    base = serve_pages(httpserver)
    httpserver.expect_request("/atom").respond_with_data(
        ATOM.format(base=base), content_type="application/octet-stream"
    )
    [doc] = read([f"{base}/atom"])
    assert doc.published == date(2024, 3, 7)
    assert doc.source == f"{base}/undated"


def test_feed_file(tmp_path, httpserver):
    base = serve_pages(httpserver)
    path = tmp_path / "news.rss"
    path.write_text(RSS.format(base=base), encoding="utf-8")
    assert len(documents(read([str(path)]))) == 2


def test_xml_file_that_is_no_feed(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>')
    [failure] = read([str(path)])
    assert failure.reason.startswith("not an RSS or Atom feed")


# --- WARC -------------------------------------------------------------------------------------


def write_warc(path, records: list[tuple[str, str, str, bytes]]) -> None:
    """(uri, status, content type, payload) response records, gzipped."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, status, content_type, payload in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-09T10:00:00Z"},
            )
            writer.write_record(record)


def test_warc_html_responses_become_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://a.example/dated", "200 OK", "text/html; charset=utf-8", DATED_PAGE.encode()),
        ("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG"),
        ("https://a.example/moved", "301 Moved Permanently", "text/html", b"<a href='/x'>moved</a>"),
        ("https://a.example/missing", "404 Not Found", "text/html", b"<p>missing</p>"),
        ("https://a.example/undated", "200 OK", "text/html", UNDATED_PAGE.encode()),
    ])
    items = list(read([str(path)]))
    dated, undated = documents(items)
    assert dated.published == date(2024, 3, 5) and LEAD in dated.raw
    assert dated.source.startswith(f"{path}#")
    assert undated.published == date(2024, 3, 9)  # WARC-Date stands in
    assert [f.reason for f in failures(items)] == ["HTTP 404 from https://a.example/missing (archived)"]
    assert count_inputs([str(path)]) is None


def test_corrupt_warc_is_a_failure(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\r\n\r\n")
    [failure] = read([str(path)])
    assert failure.source == str(path) and failure.reason.startswith("cannot read WARC")
