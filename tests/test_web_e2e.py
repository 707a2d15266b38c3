"""A person's path through the site in real headless Chromium: search, event, place, pair,
network, map; then an editor logs in, corrects a field and finds it in the audit log.

The server runs on 127.0.0.1 on a free port; Chromium is Debian's (no browser download).
Screenshots of each page are saved under tests/screenshots/.
"""
import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from cityties.cli import app as cli_app
from cityties.ingest import ingest
from cityties.web import create_app
from conftest import SAMPLES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parent / "screenshots"
# Seconds the server gets to start; it needs well under one on this machine.
SERVER_START_TIMEOUT = 20

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                reason="Debian's chromium is not installed (CI installs it)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def site(settings, store, runner):
    """The web app over the bundled samples, served on loopback, with an editor account."""
    ingest([str(SAMPLES)], store, settings)
    added = runner.invoke(cli_app, ["--db", settings.db_url, "user", "add", "mai", "--role", "editor",
                                    "--password", "hoan-kiem-2025"])
    assert added.exit_code == 0, added.output
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the web server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        yield tab
        browser.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"e2e_{name}.png"), full_page=True)


def drawn(page, selector: str) -> int:
    """How many elements match and have a non-empty box on screen."""
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length")


def test_search_event_place_pair_network_map_and_curation(site, page):
    remote = []
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(site) else None)

    page.goto(f"{site}/search?q=Brisbane")
    assert drawn(page, "#result-list li") >= 2 and drawn(page, "#facets a.facet-value") >= 3
    shot(page, "1_search")

    page.click("#result-list a[href^='/events/'] >> nth=0")
    page.wait_for_selector("#event-facts .fact")
    event_url = page.url
    event_id = int(re.search(r"/events/(\d+)", event_url).group(1))
    assert drawn(page, "#event-facts .fact") >= 3
    assert drawn(page, "#event-facts mark") >= 1  # the words of a fact highlighted in its sentence
    assert drawn(page, "#sources .source") >= 1
    shot(page, "2_event")

    page.click("a.place-link:has-text('Brisbane') >> nth=0")
    page.wait_for_selector("#timeline svg")
    assert "Brisbane" in page.inner_text("h1")
    assert drawn(page, "#map svg path") > 50 and drawn(page, "#timeline svg") == 1
    shot(page, "3_place")

    page.click("a.pair-link >> nth=0")
    page.wait_for_load_state()
    assert drawn(page, "#timeline svg") == 1
    assert "Brisbane" in page.inner_text("h1")
    shot(page, "4_pair")

    page.click("#site-nav a[href='/network']")
    page.wait_for_selector("#network svg .node")
    assert drawn(page, "#network svg .node") >= 10
    shot(page, "5_network")

    page.click("#site-nav a[href='/map']")
    page.wait_for_selector("#map svg")
    assert drawn(page, "#map svg path") > 100
    shot(page, "6_map")

    page.goto(f"{site}/events/{event_id}?lang=vi")
    assert page.inner_text("#site-nav a[href='/search']") == "Tìm kiếm"
    shot(page, "7_event_vi")
    page.goto(f"{site}/events/{event_id}?lang=en")

    page.click("#login-link")
    page.fill("input[name=name]", "mai")
    page.fill("input[name=password]", "hoan-kiem-2025")
    page.click("form[action='/login'] button")
    page.wait_for_load_state()
    page.goto(f"{event_url}/edit")
    start_form = page.locator("form:has(input[name=field][value=start])")
    start_form.locator("input[name=value]").fill("2024-10-09")
    start_form.locator("button").click()
    page.wait_for_load_state()
    shot(page, "8_edit")

    page.goto(event_url)
    assert page.locator("tr.resolved[data-field=start]").inner_text().count("2024") >= 1
    assert "curated" in page.locator("tr.resolved[data-field=start]").inner_text().lower()

    page.goto(f"{site}/audit")
    audit = page.inner_text("#content")
    assert "mai" in audit and "correct" in audit and "2024-10-09" in audit
    shot(page, "9_audit")

    assert remote == []  # no CDN, no tile server: everything came from the site
