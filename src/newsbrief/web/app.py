"""The FastAPI application: server-rendered pages and a JSON API under ``/api`` over the embedded store.

Everything is served by the app itself (templates, CSS, a little JS): no CDN, no external assets, and
FastAPI's Swagger/ReDoc pages (which load from a CDN) are switched off; the OpenAPI schema is at
``/api/openapi.json``.  Jinja2 autoescaping is on for every template: article text is hostile.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsbrief.errors import NewsbriefError, NotFoundError
from newsbrief.render import display_quotes, other_languages_note, people_first
from newsbrief.settings import Settings
from newsbrief.store import Store
from newsbrief.web import search
from newsbrief.web.compare import compare_articles
from newsbrief.web.context import Reader, WebContext, WebOptions
from newsbrief.web.views import (
    META_FIELDS,
    article_dict,
    citation_spans,
    cited_segments,
    source_panel,
    story_dict,
)

HERE = Path(__file__).resolve().parent
Sort = Literal["newest", "largest"]
ID_PATTERN = r"^[A-Za-z0-9_.:#-]{1,200}$"



async def _reader(request: Request) -> AsyncIterator[Reader]:
    """Per-request read-only connections (a FastAPI dependency).

    Async on purpose: taking a pooled connection is a list pop, and a sync generator dependency would
    cost two extra thread-pool hops per request (enter and exit); the endpoint itself runs in the pool.
    """
    with request.app.state.ctx.reader() as connections:
        yield connections


Read = Annotated[Reader, Depends(_reader)]


def create_app(db_path: str | Path, *, settings: Settings | None = None, options: WebOptions | None = None) -> FastAPI:
    """Build the web app over the store at ``db_path`` (created if missing).

    >>> import tempfile, os
    >>> from fastapi.testclient import TestClient
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with TestClient(create_app(os.path.join(tmp, "n.db"))) as client:
    ...         client.get("/api/stories").json()["total"]
    0
    """
    ctx = WebContext(db_path, settings=settings or Settings(), options=options or WebOptions())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ctx.close()

    app = FastAPI(
        title="newsbrief",
        summary="Stories, briefings, sources and ingest over a newsbrief store.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    # The multipart parser spools a whole request before the route sees it: cap the request body itself.
    body_cap = ctx.options.max_files * ctx.options.max_upload_bytes + 1024 * 1024
    app.add_middleware(BodyLimit, max_bytes=body_cap)
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
        finalize=display_quotes,  # every {{ value }}: DUC's ``…'' quotes shown as “…”
    )
    # Links to stories and articles are built by string formatting: Starlette's url_for walks every
    # route on each call, which showed up in the stories-page profile (20+ links per page).
    env.globals["story_href"] = lambda story_id: "/stories/" + quote(str(story_id), safe="")
    env.globals["article_href"] = lambda article_id: "/articles/" + quote(str(article_id), safe="")
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, values, status_code=status_code)

    # ----- errors: a page for people, JSON for the API, never a traceback -----
    def error_response(request: Request, status: int, title: str, detail: str) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": detail}, status_code=status)
        return page(request, "error.html", status_code=status, status=status, title=title, detail=detail)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return error_response(request, 404, "Not found", str(exc) or "not found")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        titles = {404: "Not found", 405: "Method not allowed", 413: "Too large"}
        return error_response(request, exc.status_code, titles.get(exc.status_code, "Error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": _plain_errors(exc)}, status_code=422)
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in _plain_errors(exc))
        return page(request, "error.html", status_code=400, status=400, title="Bad request", detail=detail)

    @app.exception_handler(NewsbriefError)
    async def library_error(request: Request, exc: NewsbriefError) -> Response:
        return error_response(request, 500, "Error", str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "Internal error", f"the server failed: {type(exc).__name__}")

    # ----- data helpers shared by pages and API -----
    def list_stories(
        con: sqlite3.Connection, q: str | None, since: dt.date | None, until: dt.date | None, outlet: str | None, sort: Sort, page_no: int
    ) -> dict[str, Any]:
        return search.list_stories(
            con,
            query=q or None,
            since=since,
            until=until,
            outlet=outlet or None,
            sort=sort,
            page=page_no,
            per_page=ctx.options.per_page,
            summary_chars=ctx.options.summary_chars,
            catalog=ctx.catalog(con),
            summary_cache=ctx.summaries,
        )

    def story_data(store: Store, story_id: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        story = store.story(story_id)
        articles = {a.id: a for a in store.articles(list(story.article_ids))}
        briefing = ctx.briefing(store, story, [articles[a] for a in story.article_ids if a in articles])
        return story_dict(story, articles), briefing, {"story": story, "articles": articles}

    # ----- pages -----
    @app.get("/", response_class=HTMLResponse, name="stories_page", summary="Stories page")
    def stories_page(
        request: Request,
        r: Read,
        q: Annotated[str | None, Query(max_length=300)] = None,
        since: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD, empty for any")] = None,
        until: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD, empty for any")] = None,
        outlet: Annotated[str | None, Query(max_length=300)] = None,
        sort: Sort = "newest",
        page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        # The form sends empty fields for unset filters, so dates are parsed here rather than by FastAPI.
        params = {"q": q, "since": since or None, "until": until or None, "outlet": outlet, "sort": sort}
        data = list_stories(r.con, q, _form_date("since", since), _form_date("until", until), outlet, sort, page_no)

        def page_url(number: int) -> str:
            query = {k: v for k, v in params.items() if v}
            return str(request.url_for("stories_page")) + "?" + urlencode({**query, "page": number})

        return page(
            request, "stories.html", page=data, params=params, outlets=list(ctx.catalog(r.con).outlets), page_url=page_url
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, name="story_page", summary="Story page")
    def story_page(request: Request, story_id: str, r: Read) -> HTMLResponse:
        story, briefing, raw = story_data(r.store, story_id)
        articles = raw["articles"]
        sources = source_panel(raw["story"], briefing, articles)
        src_index = {s["id"]: n for n, s in enumerate(sources, 1)}
        spans = citation_spans(briefing)
        segments = {aid: cited_segments(art, spans.get(aid, ())) for aid, art in articles.items()}
        labels = {s["id"]: f"{s['outlet'] or s['source']}: {s['title'] or ''}" for s in sources}

        def by_number(ids: list[str]) -> list[str]:
            return sorted(dict.fromkeys(ids), key=lambda aid: src_index.get(aid, 0))

        return page(
            request,
            "story.html",
            story=story,
            b=briefing,
            entities=people_first(briefing["entities"]),
            sources=sources,
            src_index=src_index,
            src_label=labels,
            segments=segments,
            by_number=by_number,
            languages_note=other_languages_note({"sources": sources}, src_index),
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, name="article_page", summary="Article page")
    def article_page(request: Request, article_id: str, r: Read) -> HTMLResponse:
        article = r.store.article(article_id)
        data = article_dict(article, stories=search.stories_of_article(r.con, article_id))
        meta = [(name, data.get(name)) for name in META_FIELDS]
        paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
        return page(
            request, "article.html", article=data, meta=meta, paragraphs=paragraphs,
            stories=search.story_links(r.con, article_id),
            links=search.page_links(r.con, article_id),
        )

    @app.get("/compare", response_class=HTMLResponse, name="compare_page", summary="Compare two sources")
    def compare_page(
        request: Request,
        r: Read,
        left: Annotated[str | None, Query(max_length=200)] = None,
        right: Annotated[str | None, Query(max_length=200)] = None,
        story: Annotated[str | None, Query(max_length=200)] = None,
    ) -> HTMLResponse:
        choices: list[Any] = []
        if story:
            found = r.store.story(story)
            choices = list(r.store.articles(list(found.article_ids)))
            if not left and not right and len(choices) >= 2:
                left, right = _default_pair(found, choices)
        cmp = None
        if left and right:
            cmp = compare_articles(r.store.article(left), r.store.article(right), splitter=ctx.splitter)
        return page(request, "compare.html", cmp=cmp, choices=choices, story_id=story)

    @app.get("/ingest", response_class=HTMLResponse, name="ingest_page", summary="Ingest page")
    def ingest_page(request: Request, job: Annotated[str | None, Query(max_length=100)] = None) -> HTMLResponse:
        status = _job_or_404(ctx, job) if job else None
        return page(request, "ingest.html", job=status, **_ingest_limits(ctx.options))

    @app.post("/ingest", name="ingest_submit", summary="Upload files from the ingest form")
    async def ingest_submit(request: Request, files: Annotated[list[UploadFile], File()]) -> Response:
        job = await _receive_uploads(ctx, request, files)
        url = str(request.url_for("ingest_page")) + "?" + urlencode({"job": job["id"]})
        return RedirectResponse(url, status_code=303)

    @app.get("/ingest/jobs/{job_id}", response_class=HTMLResponse, name="ingest_job_fragment", summary="Job status (HTML)")
    def ingest_job_fragment(request: Request, job_id: str) -> HTMLResponse:
        return page(request, "job.html", job=_job_or_404(ctx, job_id))

    # ----- JSON API -----
    @app.get("/api/stories", name="api_stories", summary="Stories (filtered, paginated)")
    def api_stories(
        r: Read,
        q: Annotated[str | None, Query(max_length=300, description="full-text search over headlines and text")] = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        outlet: Annotated[str | None, Query(max_length=300)] = None,
        sort: Sort = "newest",
        page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    ) -> dict[str, Any]:
        return list_stories(r.con, q, since, until, outlet, sort, page_no)

    @app.get("/api/outlets", name="api_outlets", summary="Outlets in the store")
    def api_outlets(r: Read) -> dict[str, list[str]]:
        return {"outlets": list(ctx.catalog(r.con).outlets)}

    @app.get("/api/stories/{story_id}", name="api_story", summary="A story with its briefing")
    def api_story(story_id: str, r: Read) -> dict[str, Any]:
        story, briefing, _ = story_data(r.store, story_id)
        return {**story, "briefing": briefing}

    @app.get("/api/articles/{article_id}", name="api_article", summary="An article: text, metadata, residue")
    def api_article(article_id: str, r: Read) -> dict[str, Any]:
        data = article_dict(r.store.article(article_id), stories=search.stories_of_article(r.con, article_id))
        links = search.page_links(r.con, article_id)
        data["appended"] = [aid for aid, _ in links["appended"]]
        data["split_from"] = links["parent"][0][0] if links["parent"] else None
        return data

    @app.get("/api/compare", name="api_compare", summary="Two articles aligned sentence by sentence")
    def api_compare(
        r: Read,
        left: Annotated[str, Query(min_length=1, max_length=200)],
        right: Annotated[str, Query(min_length=1, max_length=200)],
    ) -> dict[str, Any]:
        cmp = compare_articles(r.store.article(left), r.store.article(right), splitter=ctx.splitter)
        return {
            "left": left,
            "right": right,
            "counts": cmp.counts,
            "rows": [
                {
                    "kind": row.kind,
                    "left": _sentence(row.left),
                    "right": _sentence(row.right),
                    "similarity": row.similarity,
                    "left_parts": [list(p) for p in row.left_parts],
                    "right_parts": [list(p) for p in row.right_parts],
                }
                for row in cmp.rows
            ],
        }

    @app.post("/api/ingest", name="api_ingest", summary="Upload files to ingest (multipart); returns the job", status_code=202)
    async def api_ingest(request: Request, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        return await _receive_uploads(ctx, request, files)

    @app.get("/api/ingest/{job_id}", name="api_ingest_status", summary="Status of an ingest job")
    def api_ingest_status(job_id: str) -> dict[str, Any]:
        return _job_or_404(ctx, job_id)

    @app.get("/api/openapi.json", include_in_schema=False, name="openapi")
    def openapi() -> dict[str, Any]:
        return app.openapi()

    return app


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: a request body over ``max_bytes`` gets a 413 before anything is parsed or spooled.

    Checks ``Content-Length`` up front and counts the bytes of a chunked body as they arrive.
    """

    def __init__(self, app: Any, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        length = headers.get(b"content-length", b"").decode("latin-1")
        if length.isdigit() and int(length) > self.max_bytes:
            await self._reject(send)
            return
        seen = 0
        started = False

        async def counting_receive() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._reject(send)

    async def _reject(self, send: Any) -> None:
        body = f'{{"detail": "request body over the {self.max_bytes} byte limit"}}'.encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _form_date(name: str, value: str | None) -> dt.date | None:
    """A date from a form field: empty means unset; anything else must be an ISO date (400 otherwise)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}: not a date (YYYY-MM-DD): {value!r}") from None


def _sentence(sentence: Any) -> dict[str, Any] | None:
    if sentence is None:
        return None
    return {"text": sentence.text, "start": sentence.span.start, "end": sentence.span.end}


def _default_pair(story: Any, articles: list[Any]) -> tuple[str, str]:
    """The pair a story's compare page opens with: a syndicated copy and its canonical, else the first two."""
    for group in story.duplicate_groups:
        if len(group.members) > 1:
            return group.canonical_id, group.member_ids[1]
    return articles[0].id, articles[1].id


def _plain_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))} for e in exc.errors()]


def _job_or_404(ctx: WebContext, job_id: str) -> dict[str, Any]:
    try:
        return ctx.jobs.status(job_id)
    except KeyError:
        raise HTTPException(404, f"no ingest job {job_id!r}") from None


def _ingest_limits(options: WebOptions) -> dict[str, Any]:
    from newsbrief.web.uploads import ALLOWED_SUFFIXES

    return {
        "max_mb": round(options.max_upload_bytes / 1024 / 1024, 1),
        "max_files": options.max_files,
        "accept": ",".join(ALLOWED_SUFFIXES),
    }


async def _receive_uploads(ctx: WebContext, request: Request, files: list[UploadFile]) -> dict[str, Any]:
    """Check and save every uploaded file, then queue the job; each bad file gets its own reason.

    An accepted file is kept under ``<upload dir>/<content hash>/<name>``: that path is its source in the
    store, so uploading the same file again adds nothing.
    """
    from newsbrief.web.uploads import check_upload, safe_name

    if len(files) > ctx.options.max_files:
        raise HTTPException(413, f"too many files: {len(files)} (at most {ctx.options.max_files} per upload)")
    job = ctx.jobs.create([f.filename or "" for f in files])
    folder = ctx.jobs.folder(job.id)
    for index, upload in enumerate(files):
        name = upload.filename or f"upload-{index}"
        spooled = folder / safe_name(name, index)
        head = await upload.read(8192)
        size, digest = await _spool(upload, head, spooled, cap=ctx.options.max_upload_bytes)
        reason = check_upload(name, head, size=size, max_bytes=ctx.options.max_upload_bytes)
        if reason is None:
            target = ctx.upload_dir / digest[:16] / safe_name(name, 0)[4:]
            target.parent.mkdir(parents=True, exist_ok=True)
            spooled.replace(target)
            job.accept(name, str(target))
        else:
            spooled.unlink(missing_ok=True)
            job.reject(name, reason)
    ctx.jobs.start(job.id)
    return ctx.jobs.status(job.id)


async def _spool(upload: UploadFile, head: bytes, target: Path, *, cap: int) -> tuple[int, str]:
    """Copy an upload to ``target``, stopping once it exceeds ``cap`` bytes; returns (size seen, sha1)."""
    digest = hashlib.sha1(head)
    size = len(head)
    with target.open("wb") as out:
        out.write(head)
        while size <= cap:
            chunk = await upload.read(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size <= cap:
                out.write(chunk)
                digest.update(chunk)
    await upload.close()
    return size, digest.hexdigest()
