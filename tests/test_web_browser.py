"""End to end in headless Chromium: ``newsbrief serve`` on 127.0.0.1 over a small real store.

Drives Debian's ``/usr/bin/chromium`` through the Python ``playwright`` package (never a browser
download).  Skips when chromium or playwright is missing, except under ``CI=true`` where it fails.
Screenshots of each page go to ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, in_ci
from test_web_support import UPLOAD_TEXT, build_store

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("NEWSBRIEF_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _need(condition: bool, reason: str) -> None:
    if condition:
        return
    if in_ci():
        pytest.fail(f"browser tests must run under CI=true: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``newsbrief serve`` in a subprocess on a free loopback port; stopped at the end of the module."""
    folder = tmp_path_factory.mktemp("browser")
    db = build_store(folder)
    port = _free_port()
    newsbrief = shutil.which("newsbrief", path=str(Path(sys.executable).parent)) or "newsbrief"
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [newsbrief, "serve", "--db", str(db), "--port", str(port)], stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/stories", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {(folder / 'server.log').read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need(Path(CHROMIUM).exists(), f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "the playwright package is not installed")
        raise
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    # a story page builds its briefing on first view (spaCy): seconds idle, far more on a loaded machine
    tab.set_default_timeout(60_000)
    try:
        yield tab
    finally:
        context.close()


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def test_read_search_story_citation_compare(server: str, page: Any) -> None:
    page.goto(server + "/")
    assert page.locator("li.story-row").count() == 3
    _shot(page, "stories")

    page.fill("input[name=q]", "ring road")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=ring+road**")
    rows = page.locator("li.story-row")
    assert rows.count() == 1
    _shot(page, "search")

    rows.first.locator("a.headline").click()
    page.wait_for_selector("#summary")
    citation = page.locator("#summary a.cite").first
    article_id = citation.get_attribute("data-article")
    citation.click()
    highlighted = page.locator(f"#src-{article_id} .sent.hl")
    highlighted.first.wait_for(state="visible")
    cited_text = page.locator("#summary .sum-sent").first.inner_text()
    marked = " ".join(highlighted.first.inner_text().split())
    assert marked and set(marked.lower().split()[:3]) & set(cited_text.lower().split())
    assert page.locator(".sent.hl").count() >= 1
    _shot(page, "story-citation")

    page.click("text=compare sources")
    page.wait_for_selector("table.compare")
    assert page.locator("table.compare ins").count() >= 1 and page.locator("table.compare del").count() >= 1
    _shot(page, "compare")

    page.go_back()
    page.wait_for_selector("#sources")
    link = page.locator("details.source", has_text="Evening Post").locator("a", has_text="article page")
    page.goto(server + link.get_attribute("href").split(server, 1)[-1])
    page.wait_for_selector("article.text")
    assert not page.locator("section.removed").is_visible()
    page.click("label[for=show-removed]")
    removed = page.locator("section.removed del", has_text="Share this article on Facebook")
    assert removed.is_visible()
    assert "line-through" in removed.evaluate("el => getComputedStyle(el).textDecorationLine")
    _shot(page, "article")


def test_script_payloads_do_not_run(server: str, page: Any) -> None:
    page.goto(server + "/?q=council")
    assert page.locator("li.story-row a.headline").first.inner_text().startswith("Council vote <script>")
    page.locator("li.story-row a.headline").first.click()
    page.wait_for_selector("#sources")
    page.locator("#sources details summary").first.click()
    ran = page.evaluate("() => [window.__xss_title, window.__xss_img, window.__xss_text]")
    assert ran == [None, None, None]
    assert page.locator("script:not([src])").count() == 0
    assert XSS_VISIBLE in page.content()
    _shot(page, "xss")


XSS_VISIBLE = "&lt;script&gt;window.__xss_text=1&lt;/script&gt;"


def test_upload_a_file_and_see_it_join_the_stories(server: str, page: Any, tmp_path: Path) -> None:
    upload = tmp_path / "lighthouse.txt"
    upload.write_text(UPLOAD_TEXT, encoding="utf-8")
    bad = tmp_path / "notes.exe"
    bad.write_bytes(b"MZ\x00\x00")
    page.goto(server + "/ingest")
    page.set_input_files("input[type=file]", [str(upload), str(bad)])
    page.click("#upload button[type=submit]")
    page.wait_for_selector(".job[data-state=done]", timeout=60_000)
    assert "unsupported file type .exe" in page.inner_text("#job")
    link = page.locator("#job a", has_text="Lighthouse keeper")
    assert link.count() == 1
    _shot(page, "ingest")
    link.click()
    page.wait_for_selector("#summary")
    assert "Lighthouse keeper" in page.inner_text("h1")
    page.goto(server + "/?q=kayakers")
    assert page.locator("li.story-row").count() == 1
