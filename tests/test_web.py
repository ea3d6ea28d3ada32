"""The web app through FastAPI's TestClient: every page and API route, errors, escaping, uploads."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from newsbrief.render import people_first  # noqa: E402
from newsbrief.web.app import create_app  # noqa: E402
from newsbrief.web.context import WebOptions  # noqa: E402
from test_web_support import RECORDS, UPLOAD_TEXT, XSS_TEXT_MARK, XSS_TITLE, build_store  # noqa: E402


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("webstore"))


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as test_client:
        yield test_client


def _stories(client: TestClient, **params: str) -> list[dict]:
    response = client.get("/api/stories", params=params)
    assert response.status_code == 200, response.text
    return response.json()["stories"]


def _bridge(client: TestClient) -> dict:
    return next(s for s in _stories(client) if "bridge" in (s["headline"] or "").lower())


def test_stories_api_lists_every_story_newest_first(client: TestClient) -> None:
    stories = _stories(client)
    assert len(stories) == 3
    dates = [s["last_published"] for s in stories]
    assert dates == sorted(dates, reverse=True)
    bridge = _bridge(client)
    assert bridge["articles"] == 3
    assert bridge["independent_sources"] == 2  # the wire copy and its syndicated copy count once
    assert (bridge["first_published"], bridge["last_published"]) == ("2024-03-04", "2024-03-05")
    assert set(bridge["outlets"]) == {"Coastal Wire", "Daily Ledger", "Evening Post"}
    assert "Kestrel Harbour" in bridge["summary"]


def test_largest_first_ordering(client: TestClient) -> None:
    counts = [s["articles"] for s in _stories(client, sort="largest")]
    assert counts == sorted(counts, reverse=True) and counts[0] == 3


def test_search_filters_and_pagination(client: TestClient) -> None:
    measles = _stories(client, q="measles")
    assert len(measles) == 1 and measles[0]["articles"] == 2 and "Norvale" in measles[0]["headline"]
    assert _stories(client, q="ring road")[0]["id"] == _bridge(client)["id"]
    assert _stories(client, q="zebra crossing") == []
    assert _stories(client, q='"unbalanced OR (') == []  # FTS operators in user text are inert
    assert {s["id"] for s in _stories(client, outlet="Valley Times")} == {
        s["id"] for s in _stories(client, q="Norvale")
    }
    in_may = _stories(client, since="2024-05-01", until="2024-05-31")
    assert [s["id"] for s in in_may] == [measles[0]["id"]]
    assert len(_stories(client, until="2024-03-04")) == 1
    assert client.get("/api/outlets").json()["outlets"] == sorted({r["outlet"] for r in RECORDS})


def test_pagination_splits_pages(store_path: Path, tmp_path: Path) -> None:
    with TestClient(create_app(store_path, options=WebOptions(per_page=2, upload_dir=str(tmp_path)))) as small:
        first = small.get("/api/stories").json()
        second = small.get("/api/stories", params={"page": 2}).json()
        page = small.get("/", params={"page": 2})
    assert (first["total"], first["pages"], len(first["stories"]), len(second["stories"])) == (3, 2, 2, 1)
    assert not {s["id"] for s in first["stories"]} & {s["id"] for s in second["stories"]}
    assert "page 2 of 2" in page.text and "newer" in page.text


def test_stories_page_shows_rows_and_filters(client: TestClient) -> None:
    page = client.get("/", params={"q": "bridge"})
    assert page.status_code == 200
    assert "Kestrel Harbour bridge closed after cracks found" in page.text
    assert "3 sources" in page.text and "2 independent" in page.text
    assert "Measles" not in page.text.split("<ol")[1]
    assert '<option value="Evening Post">' in page.text


def test_story_page_and_api_show_the_cited_briefing(client: TestClient) -> None:
    bridge = _bridge(client)
    data = client.get(f"/api/stories/{bridge['id']}").json()
    assert len(data["articles"]) == 3 and len(data["duplicate_groups"]) == 2
    briefing = data["briefing"]
    assert briefing["summary"], briefing
    texts = {a["id"]: client.get(f"/api/articles/{a['id']}").json()["text"] for a in data["articles"]}
    for sentence in briefing["summary"]:
        for article_id, start, end in sentence["spans"]:
            assert article_id in sentence["sources"]
            assert texts[article_id][start:end].strip()
    page = client.get(f"/stories/{bridge['id']}")
    assert page.status_code == 200
    first = briefing["summary"][0]
    assert 'data-cite="s0"' in page.text
    # the cited sentence is marked in the source's text so that a click can highlight it
    article_id, start, end = first["spans"][0]
    marked = texts[article_id][start:end]
    assert 'data-cites="s0' in page.text and marked.split()[0] in page.text
    assert "Timeline" in page.text and "Sources" in page.text
    # where the sources differ (40,000 / 45,000 vehicles), each side's sentence is shown and marked in its source
    (differ,) = [d for d in briefing["discrepancies"] if d["kind"] == "number"]
    assert set(differ["values"]) == {"40,000", "45,000"}
    assert {s["text"] for found in differ["evidence"].values() for s in found} == {
        texts[aid][start:end] for aid, start, end in differ["spans"]
    }
    assert 'data-cite="d0"' in page.text and 'data-cites="d0' in page.text and "40,000 vehicles cross" in page.text
    # the page lists the entities in people_first order (tested in render's doctest)
    people = page.text[page.text.index('id="people"'):]
    positions = [people.index(f"<strong>{e['name']}</strong>") for e in people_first(briefing["entities"])]
    assert positions == sorted(positions) and len(positions) == len(briefing["entities"])


def test_briefing_is_cached_in_the_store(client: TestClient, store_path: Path) -> None:
    bridge = _bridge(client)
    client.get(f"/stories/{bridge['id']}")
    with sqlite3.connect(store_path) as con:
        (payload,) = con.execute("SELECT payload FROM briefings WHERE story_id = ?", (bridge["id"],)).fetchone()
    started = time.perf_counter()
    again = client.get(f"/api/stories/{bridge['id']}").json()["briefing"]
    assert time.perf_counter() - started < 2.0
    assert again["summary"] == json.loads(payload)["summary"]
    # the list shows the briefing's headline, as the story page does
    assert _bridge(client)["headline"] == json.loads(payload)["headline"]


def test_a_briefed_story_is_listed_under_its_briefings_headline(store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(store_path, path)
    with TestClient(create_app(path)) as fresh:
        bridge = _bridge(fresh)
        fresh.get(f"/stories/{bridge['id']}")
    with sqlite3.connect(path) as con:
        (payload,) = con.execute("SELECT payload FROM briefings WHERE story_id = ?", (bridge["id"],)).fetchone()
        edited = {**json.loads(payload), "headline": "Bridge story as briefed"}
        con.execute("UPDATE briefings SET payload = ? WHERE story_id = ?", (json.dumps(edited), bridge["id"]))
    with TestClient(create_app(path)) as again:
        rows = {s["id"]: s["headline"] for s in _stories(again)}
    assert rows[bridge["id"]] == "Bridge story as briefed"


def test_article_page_metadata_provenance_and_residue_toggle(client: TestClient) -> None:
    bridge = client.get(f"/api/stories/{_bridge(client)['id']}").json()
    article_id = bridge["articles"][0]["id"]
    data = client.get(f"/api/articles/{article_id}").json()
    assert data["outlet"] in {"Coastal Wire", "Daily Ledger"} and data["provenance"]
    assert data["stories"] == [bridge["id"]]
    page = client.get(f"/articles/{article_id}")
    assert page.status_code == 200
    assert data["title"] in page.text and "record:outlet" in page.text.replace("&#34;", "")
    post = next(a for a in bridge["articles"] if a["outlet"] == "Evening Post")
    residue = client.get(f"/api/articles/{post['id']}").json()["removed"]
    assert {r["line"] for r in residue} >= {"Advertisement", "Share this article on Facebook"}
    post_page = client.get(f"/articles/{post['id']}").text
    assert 'id="show-removed"' in post_page and "<del>Share this article on Facebook</del>" in post_page
    assert "Advertisement" not in client.get(f"/api/articles/{post['id']}").json()["text"]


def test_compare_marks_what_the_republisher_changed(client: TestClient) -> None:
    story = client.get(f"/api/stories/{_bridge(client)['id']}").json()
    group = next(g for g in story["duplicate_groups"] if len(g["members"]) == 2)
    left, right = (m["id"] for m in group["members"])
    result = client.get("/api/compare", params={"left": left, "right": right}).json()
    assert result["counts"]["same"] >= 2 and result["counts"]["changed"] == 2
    changed = [r for r in result["rows"] if r["kind"] == "changed"]
    inserted = {t.strip() for r in changed for op, t in r["right_parts"] if op == "insert"}
    deleted = {t.strip() for r in changed for op, t in r["left_parts"] if op == "delete"}
    assert {"announced", "motorists"} <= inserted | deleted and {"said", "drivers"} <= inserted | deleted
    page = client.get("/compare", params={"story": story["id"]})
    assert page.status_code == 200 and "<ins>" in page.text and "<del>" in page.text


@pytest.mark.parametrize(
    "path",
    ["/stories/nope", "/articles/nope", "/compare?left=nope&right=nope", "/api/stories/nope", "/api/articles/nope",
     "/ingest?job=nope", "/api/ingest/nope", "/no/such/page"],
)
def test_bad_ids_are_404_pages_not_tracebacks(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "Traceback" not in response.text
    if path.startswith("/api/"):
        assert "detail" in response.json()
    else:
        assert "404" in response.text and "Back to the stories" in response.text


def test_bad_parameters_are_400_pages_and_422_api(client: TestClient) -> None:
    assert client.get("/", params={"since": "yesterday"}).status_code == 400
    assert client.get("/api/stories", params={"page": "0"}).status_code == 422


def test_script_payloads_in_title_text_and_outlet_are_escaped(client: TestClient) -> None:
    story = next(s for s in _stories(client) if s["headline"] and "Council vote" in s["headline"])
    assert story["headline"] == XSS_TITLE  # the API returns the text as it is (JSON, not HTML)
    pages = [client.get("/").text, client.get(f"/stories/{story['id']}").text]
    article_id = client.get(f"/api/stories/{story['id']}").json()["articles"][0]["id"]
    pages.append(client.get(f"/articles/{article_id}").text)
    for html in pages:
        assert "<script>window.__xss" not in html
        assert "<img src=x" not in html and "<iframe" not in html and "<b>Outlet" not in html
    assert "&lt;script&gt;window.__xss_title=1&lt;/script&gt;" in pages[0]
    assert XSS_TEXT_MARK.replace("<", "&lt;").replace(">", "&gt;") in pages[2]


def test_openapi_schema_lists_the_api_and_no_cdn_docs(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/compare",
            "/api/ingest", "/api/ingest/{job_id}"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 404
    page = client.get("/").text
    assert "http://" not in page.replace("http://testserver", "")
    assert client.get("/static/app.css").status_code == 200 and client.get("/static/app.js").status_code == 200


def test_upload_ingests_good_files_and_names_each_bad_one(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    with sqlite3.connect(store_path) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    options = WebOptions(max_upload_bytes=4096, upload_dir=str(tmp_path / "uploads"))
    with TestClient(create_app(db, options=options)) as app_client:
        files = [
            ("files", ("lighthouse.txt", UPLOAD_TEXT.encode(), "text/plain")),
            ("files", ("tool.exe", b"MZ\x00\x00", "application/octet-stream")),
            ("files", ("huge.txt", b"word " * 2000, "text/plain")),
            ("files", ("fake.txt", b"\x00\x01binary", "text/plain")),
            ("files", ("bad.jsonl", b"not json\n", "application/json")),
        ]
        response = app_client.post("/api/ingest", files=files)
        assert response.status_code == 202, response.text
        job = response.json()
        reasons = {f["name"]: f["reason"] for f in job["files"]}
        assert reasons["lighthouse.txt"] == ""
        assert "unsupported file type .exe" in reasons["tool.exe"]
        assert "upload limit" in reasons["huge.txt"]
        assert "binary" in reasons["fake.txt"]
        assert "not JSON lines" in reasons["bad.jsonl"]
        status = job
        for _ in range(300):
            status = app_client.get(f"/api/ingest/{job['id']}").json()
            if status["state"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert status["state"] == "done", status
        assert status["counts"]["new"] == 1 and len(status["stories"]) == 1
        assert [s["headline"] for s in _stories(app_client, q="lighthouse")] == [
            "Lighthouse keeper rescues stranded kayakers"
        ]
        fragment = app_client.get(f"/ingest/jobs/{job['id']}")
        assert "Lighthouse keeper" in fragment.text and "unsupported file type" in fragment.text
        # uploading the same file again adds nothing
        again = app_client.post("/api/ingest", files=[files[0]]).json()
        for _ in range(300):
            again = app_client.get(f"/api/ingest/{again['id']}").json()
            if again["state"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert again["counts"]["new"] == 0 and again["counts"]["already_stored"] == 1


def test_a_csv_upload_is_ingested_row_by_row(store_path: Path, tmp_path: Path) -> None:
    import csv
    import io

    db = tmp_path / "copy.db"
    with sqlite3.connect(store_path) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    title, _, body = UPLOAD_TEXT.partition("\n\n")
    rows = io.StringIO()
    csv.writer(rows).writerows([["Title", "Content", "Date"], [title, body, "2025-03-04"]])
    options = WebOptions(upload_dir=str(tmp_path / "uploads"))
    with TestClient(create_app(db, options=options)) as app_client:
        job = app_client.post("/api/ingest", files=[("files", ("news.csv", rows.getvalue().encode(), "text/csv"))]).json()
        assert [f["reason"] for f in job["files"]] == [""]
        for _ in range(300):
            job = app_client.get(f"/api/ingest/{job['id']}").json()
            if job["state"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert job["state"] == "done" and job["counts"]["new"] == 1, job


def test_ingest_form_redirects_to_a_job_page(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    with sqlite3.connect(store_path) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    with TestClient(create_app(db, options=WebOptions(upload_dir=str(tmp_path / "up")))) as app_client:
        assert "Upload and ingest" in app_client.get("/ingest").text
        response = app_client.post(
            "/ingest", files=[("files", ("x.pdf", b"%PDF", "application/pdf"))], follow_redirects=False
        )
        assert response.status_code == 303
        page = app_client.get(response.headers["location"])
        assert page.status_code == 200 and "x.pdf" in page.text and "unsupported file type .pdf" in page.text


def test_empty_store_is_served(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "empty.db", options=WebOptions(upload_dir=str(tmp_path)))) as empty:
        assert empty.get("/api/stories").json()["total"] == 0
        assert "No stories" in empty.get("/").text


def test_request_body_over_the_cap_is_413(tmp_path: Path) -> None:
    options = WebOptions(max_upload_bytes=1000, max_files=2, upload_dir=str(tmp_path / "up"))
    with TestClient(create_app(tmp_path / "cap.db", options=options)) as capped:
        big = [("files", ("a.txt", b"word " * 500_000, "text/plain"))]
        response = capped.post("/api/ingest", files=big)
        assert response.status_code == 413 and "limit" in response.json()["detail"]
        many = [("files", (f"{i}.txt", b"some words here", "text/plain")) for i in range(3)]
        assert capped.post("/api/ingest", files=many).status_code == 413


def test_serve_command_binds_loopback_by_default() -> None:
    from typer.testing import CliRunner

    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "--db" in result.output and "--port" in result.output


GERMAN_RECORD = {
    "title": "Brücke in Kestrel Harbour gesperrt", "outlet": "Nordkurier", "published": "2024-03-04", "language": "de",
    "text": "Die Brücke von Kestrel Harbour wurde am Montag gesperrt, nachdem Ingenieure Risse in zwei Stahlstützen "
            "gefunden hatten. Die Reparatur werde mindestens drei Wochen dauern, sagte die Verkehrsdirektorin.",
}


def test_story_page_says_which_sources_the_briefing_leaves_out_for_their_language(store_path: Path, tmp_path: Path) -> None:
    from newsbrief.collect import ingest_paths
    from newsbrief.settings import Settings
    from newsbrief.store import Store

    path = tmp_path / "copy.db"
    shutil.copy(store_path, path)
    (tmp_path / "de.jsonl").write_text(json.dumps(GERMAN_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store.open(str(path)) as store:
        ingest_paths([str(tmp_path / "de.jsonl")], store=store, settings=Settings())
    with TestClient(create_app(path)) as fresh:
        bridge = _bridge(fresh)  # the German report names the same bridge on the same day: it joins the story
        data = fresh.get(f"/api/stories/{bridge['id']}").json()
        assert len(data["articles"]) == 4
        page = fresh.get(f"/stories/{bridge['id']}")
        assert page.status_code == 200
        number = re.search(r'<span class="num">\[(\d)\]</span> Nordkurier', page.text)
        assert number, page.text
        assert f"This briefing is read from the English sources only, not from [{number[1]}] (de)." in page.text
        (german,) = [a["id"] for a in data["articles"] if a["outlet"] == "Nordkurier"]
        assert data["briefing"]["entities"] and all(german not in e["sources"] for e in data["briefing"]["entities"])
        assert data["briefing"]["summary"] and all(german not in s["sources"] for s in data["briefing"]["summary"])
    assert "English sources only" not in client_page(store_path)


def client_page(store_path: Path) -> str:
    with TestClient(create_app(store_path)) as original:
        return original.get(f"/stories/{_bridge(original)['id']}").text
