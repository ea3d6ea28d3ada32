"""Property tests against the app's own OpenAPI schema (schemathesis + hypothesis): no input gives a 500.

Every operation in the schema — the JSON API and the pages — is called with generated parameters,
paths and uploads against a small real store; each response must be below 500 and must not show a
traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsbrief.web.app import create_app  # noqa: E402
from newsbrief.web.context import WebOptions  # noqa: E402
from test_web_support import build_store  # noqa: E402


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    folder = tmp_path_factory.mktemp("schema")
    application = create_app(build_store(folder), options=WebOptions(upload_dir=str(folder / "uploads")))
    with TestClient(application):  # runs the lifespan (stops the ingest worker at the end)
        yield application


@pytest.fixture(scope="module")
def api_schema(app: Any) -> Any:
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


def test_no_operation_answers_500(api_schema: Any) -> None:
    # schemathesis's pytest plugin (``from_fixture``) does not run under this pytest version, so each
    # operation's hypothesis strategy is driven directly.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def no_server_error(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, case.query, response.text[:500])
            assert "Traceback" not in response.text

        no_server_error()


@given(
    q=st.text(max_size=40),
    outlet=st.text(max_size=20),
    since=st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)),
    page=st.integers(min_value=-3, max_value=10**7),
)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_story_list_accepts_any_search_text(app: Any, q: str, outlet: str, since: Any, page: int) -> None:
    from fastapi.testclient import TestClient

    params = {"q": q, "outlet": outlet, "page": page, **({"since": since} if since is not None else {})}
    client = TestClient(app)
    for path in ("/", "/api/stories"):
        response = client.get(path, params=params)
        assert response.status_code in (200, 400, 422), (path, params, response.text[:300])


def test_schema_file_is_valid_openapi(api_schema: Any, app: Any, tmp_path: Path) -> None:
    raw = app.openapi()
    assert raw["openapi"].startswith("3.") and "/api/stories" in raw["paths"]
    assert len(list(api_schema.get_all_operations())) >= 10


@given(
    query=st.one_of(st.none(), st.sampled_from(["bridge", "measles schools", "council", "nothing here", "<b>"])),
    outlet=st.one_of(st.none(), st.sampled_from(["Coastal Wire", "Valley Times", "Nobody"])),
    since=st.one_of(st.none(), st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 7, 1))),
    until=st.one_of(st.none(), st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 7, 1))),
    sort=st.sampled_from(["newest", "largest"]),
    page=st.integers(min_value=1, max_value=4),
    per_page=st.integers(min_value=1, max_value=3),
)
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_in_memory_listing_equals_sql(app: Any, **params: Any) -> None:
    from newsbrief.web import search

    with app.state.ctx.reader() as reader:
        catalog = search.load_catalog(reader.con)
        assert search.list_stories(reader.con, **params) == search.list_stories(reader.con, catalog=catalog, **params)
