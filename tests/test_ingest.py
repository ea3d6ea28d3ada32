"""Ingest: every format, folder walking, stdin, and every kind of bad input (never raises)."""

from __future__ import annotations

import gzip
import io
import json
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import EXAMPLES
from newsbrief.ingest import read_inputs
from newsbrief.model import RawDocument, Rejected
from newsbrief.settings import IngestOptions

OPTIONS = IngestOptions()

# Texts written for these tests.
QUAKE = (
    "Strong earthquake shakes southern port city\n\n"
    "Tuesday, March 4, 2025\n\n"
    "A strong earthquake shook the southern port city early on Tuesday, cracking walls and cutting power "
    "to several districts, officials said.\n\n"
    "Residents gathered in parks and on the seafront while engineers inspected bridges and the harbour wall.\n"
)
FLOOD = (
    "River bursts its banks after days of rain\n\n"
    "The river burst its banks on Sunday after four days of heavy rain, flooding farmland and forcing "
    "the evacuation of two villages.\n"
)


def read(paths: Sequence[str | Path], *, options: IngestOptions = OPTIONS, stdin: io.BytesIO | None = None) -> list[RawDocument | Rejected]:
    return list(read_inputs([str(p) for p in paths], options=options, stdin=stdin))


def docs(items: Sequence[RawDocument | Rejected]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def rejected(items: Sequence[RawDocument | Rejected]) -> list[Rejected]:
    return [item for item in items if isinstance(item, Rejected)]


def warc_record(uri: str, body: bytes, *, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
        "WARC-Date: 2025-03-04T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def html_page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>Contact us</footer></body></html>"
    ).encode()


# --- plain text ------------------------------------------------------------------------------


def test_plain_text_file_is_read_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "quake.txt"
    path.write_text(QUAKE, encoding="utf-8")
    [doc] = read([path])
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.format, doc.text) == (str(path), "text", QUAKE)


def test_windows_line_ends_and_bom_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "quake.txt"
    path.write_bytes(b"\xef\xbb\xbf" + QUAKE.replace("\n", "\r\n").encode())
    [doc] = docs(read([path]))
    assert doc.text == QUAKE


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Le café de la gare a fermé après une décennie.\n\nLes habitués regrettent déjà l'ambiance du quai."
    path = tmp_path / "cafe.txt"
    path.write_bytes(text.encode("latin-1"))
    [doc] = docs(read([path]))
    assert doc.text == text


def test_windows_1252_punctuation_is_not_read_as_another_code_page(tmp_path: Path) -> None:
    # charset-normalizer alone reads this as cp775 ("Ć26,000 ¢"): the euro sign and dashes must survive
    text = (
        "Depositors at the two banks lost \u20ac26,000 on average \u2013 and, in one case, millions of euros "
        "\u2013 after the deal. The finance minister said the \u2018temporary\u2019 controls would end soon. "
    ) * 3
    path = tmp_path / "deposits.txt"
    path.write_bytes(text.encode("cp1252"))
    [doc] = docs(read([path]))
    assert doc.text == text


def test_real_wikinews_example_with_unusual_extension(tmp_path: Path) -> None:
    source = EXAMPLES / "iran-sailors-2007" / "M0020.txt"
    path = tmp_path / "M0020.english"
    path.write_bytes(source.read_bytes())
    [doc] = docs(read([path]))
    assert doc.format == "text"
    assert doc.text.startswith("15 Royal Navy sailors captured at gunpoint by Iranian guards\n")


def test_gzipped_text_file(tmp_path: Path) -> None:
    path = tmp_path / "quake.txt.gz"
    path.write_bytes(gzip.compress(QUAKE.encode()))
    [doc] = docs(read([path]))
    assert doc.text == QUAKE


# --- bad input ---------------------------------------------------------------------------------


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    [item] = read([path])
    assert isinstance(item, Rejected) and "binary" in item.reason and item.source == str(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file_is_rejected(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    [item] = read([path])
    assert isinstance(item, Rejected) and "empty" in item.reason


def test_undecodable_file_is_rejected(tmp_path: Path) -> None:
    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(2000)))
    [item] = read([path])
    assert isinstance(item, Rejected) and ("undecodable" in item.reason or "binary" in item.reason)


def test_missing_path_is_rejected_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "quake.txt"
    good.write_text(QUAKE)
    items = read([tmp_path / "nope.txt", good])
    assert isinstance(items[0], Rejected) and "no such file" in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_oversize_text_and_html_files_are_rejected_but_jsonl_is_streamed(tmp_path: Path) -> None:
    options = IngestOptions(max_file_bytes=100)
    big_text = tmp_path / "a.txt"
    big_text.write_text(QUAKE)
    big_html = tmp_path / "b.html"
    big_html.write_bytes(html_page("Quake", QUAKE))
    big_gz = tmp_path / "c.txt.gz"
    big_gz.write_bytes(gzip.compress(QUAKE.encode()))
    jsonl = tmp_path / "d.jsonl"
    jsonl.write_text("\n".join(json.dumps({"text": t}) for t in (QUAKE, FLOOD)))
    items = read([big_text, big_html, big_gz, jsonl], options=options)
    assert [type(i).__name__ for i in items] == ["Rejected", "Rejected", "Rejected", "RawDocument", "RawDocument"]
    assert all("cap" in i.reason for i in rejected(items))


# --- JSON / JSONL ------------------------------------------------------------------------------


def test_jsonl_records_with_common_field_names(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    records = [
        {"title": "Quake shakes port", "text": QUAKE, "date": "2025-03-04", "url": "https://www.portnews.example/q"},
        {"headline": "River floods", "maintext": FLOOD, "date_publish": "2025-03-02 08:00:00", "source_domain": "rivers.example"},
        {"title": "Third", "body": "Body text of the third.", "published": "March 1, 2025", "outlet": "The Courier"},
        {"content": "Content field.", "article": "ignored: content comes first"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    found = docs(read([path]))
    assert [d.source for d in found] == [f"{path}#line {n}" for n in (1, 2, 3, 4)]
    assert [d.text for d in found] == [QUAKE, FLOOD, "Body text of the third.", "Content field."]
    assert found[0].record_meta == {"title": "Quake shakes port", "published": "2025-03-04", "url": "https://www.portnews.example/q"}
    assert found[0].url == "https://www.portnews.example/q"
    assert found[1].record_meta["outlet"] == "rivers.example"
    assert found[2].record_meta["outlet"] == "The Courier"
    assert all(d.format == "json" for d in found)


def test_a_body_stored_as_a_list_of_paragraphs_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    paragraphs = [p for p in QUAKE.split("\n\n") if p.strip()] or [QUAKE]
    records = [{"title": "Quake shakes port", "text": paragraphs}, {"title": "Odd", "text": [1, 2]}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    items = read([path])
    assert isinstance(items[0], RawDocument) and items[0].text == "\n\n".join(p.strip() for p in paragraphs)
    assert isinstance(items[1], Rejected) and "'text' field holds a list, not text" in items[1].reason


def test_a_text_field_holding_no_text_is_rejected_with_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    records = [{"title": "Storm", "text": 5}, {"body": True}, {"text": "   "}, {"content": {"p": QUAKE}}, {"text": ["", " "]},
               {"body": 3.5, "text": QUAKE}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    items = read([path])
    reasons = [i.reason if isinstance(i, Rejected) else None for i in items]
    assert reasons == [
        "JSON record's 'text' field holds a number, not text",
        "JSON record's 'body' field holds true/false, not text",
        "JSON record's 'text' field is empty",
        "JSON record's 'content' field holds an object, not text",
        "JSON record's 'text' field is empty",
        None,  # a number in one text field, the article in another
    ]
    assert isinstance(items[5], RawDocument) and items[5].text == QUAKE
    assert [i.source for i in items] == [f"{path}#line {n}" for n in range(1, 7)]


def test_malformed_json_line_is_rejected_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"text": QUAKE}) + '\n{"text": "unterminated\n' + json.dumps({"text": FLOOD}) + "\n")
    items = read([path])
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "RawDocument"]
    assert items[1].source == f"{path}#line 2" and "malformed JSON" in items[1].reason


def test_json_record_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text('{"title": "No body"}\n[1, 2]\n')
    items = read([path])
    assert all(isinstance(i, Rejected) for i in items) and len(items) == 2
    assert "no text field" in items[0].reason and "not an object" in items[1].reason


def test_json_list_and_object(tmp_path: Path) -> None:
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps([{"text": QUAKE}, {"text": FLOOD}]))
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"body": FLOOD, "headline": "River floods"}))
    found = docs(read([listing, single]))
    assert [d.source for d in found] == [f"{listing}#record 1", f"{listing}#record 2", str(single)]
    assert found[2].record_meta["title"] == "River floods"


def _csv(rows: list[list[str]], *, delimiter: str = ",") -> str:
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


def test_csv_rows_are_records_with_the_json_field_names(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        _csv([
            ["Title", "Content", "Date", "Publication", "URL", "author"],
            ["Quake shakes port", QUAKE, "2025-03-04", "The Courier", "https://www.portnews.example/q", "A. Writer"],
            ["", "", "", "", "", ""],
            ["River floods", FLOOD, "March 2, 2025", "", "", ""],
        ])
    )
    found = docs(read([path]))
    # rows count after the header; an empty row is passed over; a quoted text keeps its blank lines
    assert [d.source for d in found] == [f"{path}#row 1", f"{path}#row 3"]
    assert [d.text for d in found] == [QUAKE, FLOOD]
    assert found[0].record_meta == {
        "title": "Quake shakes port", "published": "2025-03-04", "url": "https://www.portnews.example/q", "outlet": "The Courier"
    }
    assert found[1].record_meta == {"title": "River floods", "published": "March 2, 2025"}


def test_bad_csv_rows_are_rejected_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(_csv([["title", "text"], ["Quake", QUAKE], ["No body", ""], ["Too", "many", "fields"], ["Flood", FLOOD]]))
    items = read([path])
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "Rejected", "RawDocument"]
    assert items[1].source == f"{path}#row 2" and items[1].reason == "CSV row has an empty text column"
    assert items[2].source == f"{path}#row 3" and items[2].reason == "CSV row has 3 fields, its header 2"
    big = tmp_path / "big.csv"
    big.write_text(_csv([["text"], ["x" * 200], [FLOOD]]))
    items = read([big], options=IngestOptions(max_record_bytes=180))
    assert isinstance(items[0], Rejected) and items[0].source == f"{big}#row 1"
    assert items[0].reason == "CSV row of 200 bytes is over the 180-byte cap"
    assert isinstance(items[1], RawDocument) and items[1].text == FLOOD


def test_a_csv_without_a_text_column_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "prices.csv"
    path.write_text(_csv([["day", "price"], ["Monday", "3"], ["Tuesday", "4"]]))
    (item,) = read([path])
    assert isinstance(item, Rejected) and item.source == str(path)
    assert item.reason.startswith("CSV has no text column (one of: text, body") and item.reason.endswith("its columns: day, price")


def test_tsv_gzipped_and_windows_1252_csv(tmp_path: Path) -> None:
    tsv = tmp_path / "news.tsv.gz"
    tsv.write_bytes(gzip.compress(_csv([["headline", "body"], ["River floods", FLOOD]], delimiter="\t").encode()))
    western = tmp_path / "western.csv"
    text = "Café owners protest new terrace rules in the old town, their union said on Monday."
    western.write_bytes(_csv([["title", "text"], ["Café owners protest", text]]).encode("cp1252"))
    found = docs(read([tsv, western]))
    assert [(d.source, d.text) for d in found] == [(f"{tsv}#row 1", FLOOD), (f"{western}#row 1", text)]
    assert found[1].record_meta["title"] == "Café owners protest"


def test_a_csv_row_with_undecodable_bytes_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    head = _csv([["title", "text"]] + [["Quake", QUAKE]] * 300).encode()  # the encoding is guessed from 64 KiB
    path.write_bytes(head + b'"Flood","River \xff\xfe bank"\r\n' + _csv([["River floods", FLOOD]]).encode())
    items = read([path])
    assert len(items) == 302 and all(isinstance(i, RawDocument) and i.text == QUAKE for i in items[:300])
    assert isinstance(items[300], Rejected) and items[300].source == f"{path}#row 301"
    assert items[300].reason == "undecodable CSV row: bytes that are not utf-8"
    assert isinstance(items[301], RawDocument) and items[301].text == FLOOD


def test_example_jsonl_file() -> None:
    found = docs(read([EXAMPLES / "variants" / "records.jsonl"]))
    assert len(found) == 3
    assert {d.record_meta["published"] for d in found} == {"2007-03-27", "2007-12-13", "2010-05-06"}


# --- HTML --------------------------------------------------------------------------------------


def test_html_example_page_main_text_and_metadata() -> None:
    [doc] = docs(read([EXAMPLES / "variants" / "page-M0085.html"]))
    assert doc.format == "html" and doc.html is not None
    assert doc.record_meta["title"] == "Search in Atlantic underway for missing Air France passenger jet"
    assert doc.record_meta["outlet"] == "The Example Times"
    assert doc.record_meta["published"].startswith("2009-06-02")
    assert "Aircraft and water vessels from the French, American and Brazilian military" in doc.text
    assert "Cookie settings" not in doc.text


def test_html_without_main_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>")
    [item] = read([path])
    assert isinstance(item, Rejected) and "no article text" in item.reason


def test_extensionless_html_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_bytes(b"<!DOCTYPE html>" + html_page("Quake shakes port", QUAKE))
    [doc] = docs(read([path]))
    assert doc.format == "html" and "cracking walls" in doc.text


# --- WARC --------------------------------------------------------------------------------------


def test_warc_html_responses_are_extracted_and_others_skipped(tmp_path: Path) -> None:
    data = (
        warc_record("https://portnews.example/quake", html_page("Quake shakes port", QUAKE))
        + warc_record("https://portnews.example/logo.png", b"\x89PNG....", content_type="image/png")
        + warc_record("https://portnews.example/missing", b"<html>gone</html>", status="404 Not Found")
        + warc_record("https://rivers.example/flood", html_page("River floods", FLOOD))
    )
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(data)
    gz = tmp_path / "crawl.warc.gz"
    gz.write_bytes(gzip.compress(data))
    for path in (plain, gz):
        found = read([path])
        assert [d.source for d in docs(found)] == ["https://portnews.example/quake", "https://rivers.example/flood"]
        assert not rejected(found)
        assert "cracking walls" in docs(found)[0].text
        assert docs(found)[0].url == "https://portnews.example/quake"


def test_truncated_warc_record_is_rejected_and_earlier_records_kept(tmp_path: Path) -> None:
    data = warc_record("https://portnews.example/quake", html_page("Quake", QUAKE)) + warc_record(
        "https://rivers.example/flood", html_page("River floods", FLOOD)
    )
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-120])
    items = read([path, path])  # the run goes on after the bad record, into the next input
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected"] * 2
    assert items[1].source == f"{path}#record 2" and "truncated" in items[1].reason


def test_garbage_after_warc_header_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    good = warc_record("https://portnews.example/quake", html_page("Quake", QUAKE))
    path.write_bytes(good[:300] + b"\r\n\r\nnot a warc record at all\r\n" + good)
    items = read([path])
    assert rejected(items), items


# --- folders and stdin ----------------------------------------------------------------------------


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(FLOOD)
    (tmp_path / "a" / "9.txt").write_text(QUAKE)
    (tmp_path / "a" / "10.txt").write_text(QUAKE)
    (tmp_path / "z.txt").write_text(FLOOD)
    (tmp_path / ".git" / "config").write_text(FLOOD)
    (tmp_path / ".hidden.txt").write_text(FLOOD)
    (tmp_path / "README.md").write_text("About this folder")
    sources = [Path(d.source).relative_to(tmp_path).as_posix() for d in docs(read([tmp_path]))]
    assert sources == ["a/10.txt", "a/9.txt", "b/2.txt", "z.txt"]


def test_examples_folder_reads_every_article() -> None:
    items = read([EXAMPLES])
    assert not rejected(items)
    found = docs(items)
    assert len(found) == 24 + 1 + 1 + 3 + 1 + 1  # 3 topics x 8, scraped, html page, 3 records, rewritten, syndicated
    assert not any("ATTRIBUTION" in d.source for d in found)


@pytest.mark.parametrize(
    ("payload", "expected_format", "count"),
    [
        (QUAKE.encode(), "text", 1),
        (b'{"text": "One."}\n{"text": "Two."}\n', "json", 2),
        (json.dumps([{"text": "One."}, {"text": "Two."}]).encode(), "json", 2),
        (b"<DOC>\n<DOCNO> XYZ19990101.0001 </DOCNO>\n<TEXT>\nSome wire text.\n</TEXT>\n</DOC>\n", "sgml", 1),
        (warc_record("https://portnews.example/quake", html_page("Quake", QUAKE)), "html", 1),
        (gzip.compress(QUAKE.encode()), "text", 1),
        # a CSV/TSV header naming a text column: one record per row
        (f'Title,Content\nQuake,"{QUAKE}"\nFlood,"{FLOOD}"\n'.encode(), "json", 2),
        (b"headline\tbody\nQuake\tA strong earthquake shook the port.\n", "json", 1),
    ],
)
def test_stdin_format_is_sniffed(payload: bytes, expected_format: str, count: int) -> None:
    found = read(["-"], stdin=io.BytesIO(payload))
    assert len(docs(found)) == count and not rejected(found)
    assert {d.format for d in docs(found)} == {expected_format}


def test_stdin_binary_and_missing_stream() -> None:
    [item] = read(["-"], stdin=io.BytesIO(b"\x00\x01\x02" * 100))
    assert isinstance(item, Rejected) and item.source == "<stdin>"
    [item] = read(["-"])
    assert isinstance(item, Rejected)


# --- property: ingest never raises ---------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PREFIXES = [b"", b"title,text\n", b"<DOC>\n<DOCNO> X </DOCNO>\n<TEXT>", b"WARC/1.0\r\n", b"{", b"[", b"<html>", b"\x1f\x8b", b"\xef\xbb\xbf"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(_PREFIXES),
    payload=st.binary(max_size=400),
    name=st.sampled_from(
        ["a.txt", "a", "a.html", "a.json", "a.jsonl", "a.warc", "a.warc.gz", "a.txt.gz", "a.sgml", "a.csv", "a.tsv.gz"]
    ),
)
def test_ingest_never_raises_on_arbitrary_bytes(tmp_path: Path, prefix: bytes, payload: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(prefix + payload)
    for item in read([path]) + read(["-"], stdin=io.BytesIO(prefix + payload)):
        assert isinstance(item, RawDocument | Rejected)
        if isinstance(item, Rejected):
            assert item.reason


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(QUAKE)
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    found = read([tmp_path])
    assert [Path(d.source).name for d in docs(found)] == ["story.txt"]
