"""Dossiers of a place and of a pair: CLI text and JSON, the HTML report, and the report drawn by a real Chromium."""
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cityties.cli import app
from conftest import ROOT, SAMPLES

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright never downloads a browser here
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = ROOT / "tests" / "screenshots"
MIN_COUNTRIES = 100  # Natural Earth 1:110m has 177 countries
MIN_PNG_BYTES = 20_000  # a blank page of this size compresses far below this
MIN_PIXEL_STDDEV = 10  # a blank page's pixels hardly vary


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> str:
    """A database holding the bundled sample articles (Incheon and Brisbane meet in several events)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('dossier') / 'samples.db'}"
    result = CliRunner().invoke(app, ["--db", url, "ingest", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    return url


def cli(db: str, *args: str):
    result = CliRunner().invoke(app, ["--db", db, "dossier", *args])
    assert result.exit_code == 0, result.output
    return result


def test_one_place_lists_its_timeline_partners_agreements_people_and_fields(samples_db):
    d = json.loads(cli(samples_db, "Incheon", "--json").stdout)
    assert [p["name"] for p in d["places"]] == ["Incheon"]
    starts = [e["start"] for e in d["events"] if e["start"]]
    assert starts == sorted(starts) and (d["first"], d["last"]) == (starts[0], starts[-1])
    weights = [p["weight"] for p in d["partners"]]
    assert d["partners"][0]["name"] == "Brisbane" and weights == sorted(weights, reverse=True)
    assert all(t["weight"] == p["weight"] for t, p in zip(d["ties"], d["partners"]))
    assert d["agreements"] and all(e["type"] == "agreement" for e in d["agreements"])
    assert any(p["of"] == "Brisbane" and p["roles"] for p in d["people"])
    assert d["fields"] and all(f["events"] >= 1 for f in d["fields"])
    assert all(a["url"].startswith("https://") for e in d["events"] for a in e["articles"])
    text = cli(samples_db, "Incheon").stdout
    for heading in ("timeline", "partners by tie strength", "agreements", "people who met", "fields:"):
        assert heading in text


def test_a_pair_shows_what_they_did_together_and_their_tie(samples_db):
    d = json.loads(cli(samples_db, "인천", "Brisbane", "--json").stdout)
    assert [p["name"] for p in d["places"]] == ["Incheon", "Brisbane"]
    assert len(d["events"]) >= 2 and all({"Incheon", "Brisbane"} <= set(e["places"]) for e in d["events"])
    assert d["tie"]["events"] == sorted(e["id"] for e in d["events"])
    assert d["agreements"] and d["people"] and d["fields"]
    text = cli(samples_db, "Incheon", "Brisbane").stdout
    assert "Incheon (KR) — Brisbane (AU)" in text and "tie strength" in text


def test_the_fixture_pair_still_has_the_old_keys(runner, settings, good_articles):
    runner.invoke(app, ["--db", settings.db_url, "ingest", str(good_articles)])
    d = json.loads(cli(settings.db_url, "Fukuoka", "Da Nang", "--json").stdout)
    assert d["by_type"].get("agreement") == 1 and d["themes"] == [f["field"] for f in d["fields"]]


def _report(db: str, tmp_path: Path, *places: str) -> Path:
    out = tmp_path / "dossier.html"
    cli(db, *places, "--html", str(out))
    return out


def test_the_html_report_requests_nothing(samples_db, tmp_path):
    page = _report(samples_db, tmp_path, "Incheon").read_text(encoding="utf-8")
    assert "<svg" in page and 'class="country"' in page and 'class="mark"' in page
    assert not re.search(r"<(script|link|img|iframe)\b|@import|url\(|\bsrc=", page)
    article_links = re.findall(r'<a href="(https?://[^"]+)"', page)
    assert article_links
    assert not re.search(r"https?://", re.sub(r'<a href="https?://[^"]+"', "", page))


def test_the_map_of_a_pacific_tie_crosses_the_pacific(samples_db):
    from cityties import queries
    from cityties.settings import Settings
    from cityties.store import Store
    from cityties.worldmap import partner_map
    with Store(Settings(db_url=samples_db)).session() as s:
        circles = {c["name"]: c for c in partner_map(queries.dossier(s, "Portland", "Sapporo"))["places"]}
    assert circles["Sapporo"]["x"] < circles["Portland"]["x"]  # Japan drawn west of Oregon


def _chromium():
    """Playwright driving the system Chromium; skipped only off CI when the browser is not installed."""
    if not CHROMIUM.exists() and not os.environ.get("CI"):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); CI installs it and runs this test")
    from playwright.sync_api import sync_playwright
    return sync_playwright()


def _is_not_blank(png: Path) -> bool:
    try:
        from PIL import Image, ImageStat
    except ImportError:
        return png.stat().st_size > MIN_PNG_BYTES
    with Image.open(png) as im:
        return max(ImageStat.Stat(im.convert("RGB")).stddev) > MIN_PIXEL_STDDEV


DRAWN = """() => {
  const box = el => el.getBBox();
  const drawn = el => { const b = box(el); return b.width > 0 && b.height > 0; };
  const all = sel => Array.from(document.querySelectorAll(sel));
  return {
    countries: all("#partner-map path.country").filter(drawn).length,
    places: all("#partner-map circle.place").filter(drawn).length,
    partners: all("#partner-map circle.partner").filter(drawn).map(c => Number(c.dataset.geonameid)),
    ties: all("#partner-map path.tie").filter(drawn).length,
    marks: all("#timeline-chart circle.mark").filter(drawn).map(c => Number(c.dataset.event)),
    mapWidth: document.querySelector("#partner-map").getBoundingClientRect().width,
  };
}"""


def test_chromium_draws_the_map_and_the_timeline(samples_db, tmp_path):
    with _chromium() as pw:
        report = _report(samples_db, tmp_path, "Incheon")
        d = json.loads(cli(samples_db, "Incheon", "--json").stdout)
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            requests = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.as_uri(), wait_until="load")
            SCREENSHOTS.mkdir(exist_ok=True)
            shot = SCREENSHOTS / "dossier_incheon.png"
            page.screenshot(path=str(shot), full_page=True)
            drawn = page.evaluate(DRAWN)
        finally:
            browser.close()
    assert [u for u in requests if not u.startswith("file:")] == []
    assert drawn["countries"] > MIN_COUNTRIES and drawn["places"] == 1 and drawn["mapWidth"] > 0
    assert sorted(drawn["partners"]) == sorted(p["geonameid"] for p in d["partners"] if p["lat"] is not None)
    assert drawn["ties"] == len(drawn["partners"])
    assert sorted(drawn["marks"]) == sorted(e["id"] for e in d["events"] if e["start"])
    assert _is_not_blank(shot)
