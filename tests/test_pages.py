"""The server-rendered pages in-process: each shows its key elements, pages link to each other, i18n works."""
from datetime import date
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from babel.dates import format_date
from fastapi.testclient import TestClient

from test_api import client  # noqa: F401 - the app over the sample corpus, shared with the API tests


def page(web, url: str, status: int = 200, **kwargs):
    """The parsed HTML of a page (asserting its status)."""
    response = web.get(url, **kwargs)
    assert response.status_code == status, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def hrefs(tree, xpath: str) -> list[str]:
    return [a.get("href") for a in tree.xpath(xpath)]


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


@pytest.fixture
def fresh(client):  # noqa: F811 - a client without the language cookie earlier tests left
    client.cookies.clear()
    return client


def test_home_shows_counts_latest_events_and_strongest_ties(fresh):
    tree = page(fresh, "/")
    assert tree.xpath("//*[@id='counts']//strong")
    assert len(tree.xpath(f"//*[@id='latest']/li[{has_class('event')}]")) == 10
    ties = hrefs(tree, f"//*[@id='ties']//a[{has_class('pair-link')}]")
    assert ties and all(h.startswith("/dossier?a=") for h in ties)


def test_search_has_facets_with_counts_that_narrow(fresh):
    tree = page(fresh, "/search?q=Incheon")
    facets = {f.get("data-facet") for f in tree.xpath(f"//*[@id='facets']/section[{has_class('facet')}]")}
    assert {"type", "country", "language", "year"} <= facets
    [agreement] = tree.xpath("//section[@data-facet='type']//a[@data-value='agreement']")
    count = int(agreement.getparent().xpath("./span[@class='count']")[0].text)
    narrowed = page(fresh, agreement.get("href"))
    results = narrowed.xpath(f"//*[@id='result-list']/li[{has_class('event')}]")
    assert len(results) == count and {r.get("data-type") for r in results} == {"agreement"}
    assert narrowed.xpath("//*[@id='active-filters']/li[@data-filter='type']")
    assert page(fresh, "/search?q=Incheon").xpath("//*[@id='article-hits']//p[@class='snippet']/mark")


def test_search_pages_through_results(fresh):
    tree = page(fresh, "/search?limit=10")
    [more] = hrefs(tree, "//a[@id='next-page']")
    first = hrefs(tree, "//*[@id='result-list']//a[@class='event-link']")
    second = hrefs(page(fresh, more), "//*[@id='result-list']//a[@class='event-link']")
    assert len(first) == 10 and second and not set(first) & set(second)


def test_year_facet_filters_by_year(fresh):
    tree = page(fresh, "/search?year=2024")
    found = [e.get("data-event-id") for e in tree.xpath(f"//*[@id='result-list']/li[{has_class('event')}]")]
    assert found and tree.xpath("//section[@data-facet='year']//li[@class='selected']//a[@data-value='2024']")


def _event_id(web, **params) -> int:
    return web.get("/api/events", params=params).json()["events"][0]["id"]


def test_event_page_marks_the_words_of_each_fact_and_shows_conflicts(fresh):
    tree = page(fresh, f"/events/{_event_id(fresh, place='Huế', type='forum', since='2025-06')}")
    facts = tree.xpath(f"//*[@id='event-facts']/div[{has_class('fact')}]")
    assert facts and all(f.xpath(".//blockquote[@class='sentence']") for f in facts)
    places = [f for f in facts if f.get("data-field") == "place"]
    assert places and any(f.xpath(".//blockquote/mark") for f in places)
    [conflict] = tree.xpath(f"//*[@id='conflicts']/div[{has_class('conflict')}]")
    sides = conflict.xpath(f".//div[{has_class('side')}]")
    assert len(sides) == 2 and all(s.xpath(".//blockquote") and s.xpath(".//a[@class='source-link']") for s in sides)
    assert len(tree.xpath("//*[@id='sources']/ul/li[@class='source']")) == 2


def test_event_page_links_linked_events_places_and_articles(fresh):
    tree = page(fresh, f"/events/{_event_id(fresh, place='Kobe', type='agreement')}")
    assert tree.xpath("//*[@id='links']//li[@data-relation='during']/a[@class='event-link']")
    assert all(h.startswith("/places/") for h in hrefs(tree, "//a[@class='place-link']"))
    articles = hrefs(tree, "//*[@id='sources']//a[@class='source-link']")
    assert articles and page(fresh, articles[0]).xpath("//*[@id='article-text']/mark[@class='evidence']")


def test_article_page_lists_its_events(fresh):
    event = fresh.get(f"/api/events/{_event_id(fresh, place='Incheon')}").json()
    tree = page(fresh, f"/articles/{event['sources'][0]['article_id']}")
    assert tree.xpath(f"//*[@id='article-events']//li[{has_class('event')}]")
    assert tree.xpath("//*[@id='article-text']")[0].get("lang") == event["sources"][0]["language"]


def test_place_page_has_timeline_partners_and_map(fresh):
    tree = page(fresh, "/places/인천")
    assert tree.xpath("//h1")[0].text.strip() == "Incheon"
    assert tree.xpath("//*[@id='timeline']//svg") and tree.xpath("//*[@id='timeline']//li[@class='year']")
    assert tree.xpath("//*[@id='map']//svg//circle")
    assert "/dossier?a=Incheon&b=Brisbane" in hrefs(tree, "//*[@id='partners']//a[@class='pair-link']")


def test_pair_dossier_page(fresh):
    tree = page(fresh, "/dossier?a=Incheon&b=Brisbane")
    assert [a.text for a in tree.xpath("//h1/a[@class='place-link']")] == ["Incheon", "Brisbane"]
    assert tree.xpath("//*[@id='timeline']//svg") and tree.xpath("//*[@id='map']//svg")
    assert tree.xpath("//*[@id='agreements']//li") and tree.xpath("//*[@id='people']//li")
    assert fresh.get("/dossier?a=Incheon", follow_redirects=False).headers["location"] == "/places/Incheon"


def test_network_page_draws_places_and_ties(fresh):
    tree = page(fresh, "/network")
    nodes = tree.xpath("//*[@id='network']//svg//g[@class='node']")
    edges = tree.xpath("//*[@id='network']//svg//path[@class='edge']")
    assert len(nodes) > 20 and len(edges) > 20
    assert all(a.get("href").startswith("/dossier?") for a in tree.xpath("//a[@class='edge-link']"))
    asia = page(fresh, "/network?region=AS&type=visit").xpath("//*[@id='network']//svg//g[@class='node']")
    assert 0 < len(asia) < len(nodes)


def test_world_map_draws_countries_and_places(fresh):
    tree = page(fresh, "/map?type=agreement")
    assert len(tree.xpath("//*[@id='map']//svg//path[@class='country']")) > 100
    circles = tree.xpath("//*[@id='map']//svg//circle[@data-geonameid]")
    links = tree.xpath("//*[@id='map-places']//a[@data-geonameid]")
    assert circles and {c.get("data-geonameid") for c in circles} == {a.get("data-geonameid") for a in links}


def test_pages_link_search_event_place_pair_network_map(fresh):
    event = hrefs(page(fresh, "/search?q=Brisbane"), "//*[@id='result-list']//a[@class='event-link']")[0]
    place = hrefs(page(fresh, event), "//*[@id='event-summary']//a[@class='place-link']")[0]
    pair = hrefs(page(fresh, place), "//*[@id='partners']//a[@class='pair-link']")[0]
    assert set(parse_qs(urlsplit(pair).query)) == {"a", "b"}
    network = hrefs(page(fresh, pair), "//p[@class='actions']/a[starts-with(@href, '/network')]")[0]
    world = hrefs(page(fresh, network), "//a[@id='to-map']")[0]
    assert page(fresh, world).xpath("//*[@id='map']//svg")


def test_unknown_things_get_an_html_404(fresh):
    for url in ("/events/999999", "/places/Atlantis", "/articles/0000", "/dossier?a=Atlantis&b=Hanoi"):
        assert page(fresh, url, 404).xpath("//*[@id='error']")


def test_language_switch_changes_interface_and_sticks(fresh):
    english = page(fresh, "/search")
    assert english.xpath("//h1")[0].text == "Search" and english.get("lang") == "en"
    response = fresh.get("/search?lang=vi")
    assert response.cookies.get("lang") == "vi"
    assert lxml.html.fromstring(response.text).xpath("//h1")[0].text == "Tìm kiếm"
    remembered = page(fresh, "/")
    assert remembered.get("lang") == "vi"
    assert remembered.xpath("//*[@id='language-switcher']/a[@class='current']/@data-lang") == ["vi"]
    assert page(fresh, "/?lang=ko").xpath("//nav[@id='site-nav']/a")[1].text == "검색"
    assert page(fresh, "/?lang=xx").get("lang") == "ko"  # an unknown choice keeps the remembered one


def test_browser_language_is_the_default(client):  # noqa: F811
    browser = TestClient(client.app, headers={"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5"})
    assert page(browser, "/").get("lang") == "ko"
    assert page(TestClient(client.app, headers={"Accept-Language": "fr"}), "/").get("lang") == "en"


@pytest.mark.parametrize("lang", ["en", "vi", "ko"])
def test_dates_are_written_the_readers_way(fresh, lang):
    day = fresh.get("/api/events", params={"since": "2024-10-08", "until": "2024-10-08"}).json()["events"][0]
    tree = page(fresh, f"/events/{day['id']}?lang={lang}")
    written = format_date(date(2024, 10, 8), "medium", locale=lang)
    assert written in "".join(tree.xpath("//h1//text()"))
    assert len({format_date(date(2024, 10, 8), "medium", locale=other) for other in ("en", "vi", "ko")}) == 3


def test_article_text_is_never_translated(fresh):
    event = fresh.get(f"/api/events/{_event_id(fresh, place='Incheon', language='ko')}").json()
    source = next(s for s in event["sources"] if s["language"] == "ko")
    for lang in ("en", "vi"):
        assert page(fresh, f"/articles/{source['article_id']}?lang={lang}").xpath("//h1")[0].text == source["title"]


def test_static_files_are_served(fresh):
    assert fresh.get("/static/cityties.css").headers["content-type"].startswith("text/css")
    assert "javascript" in fresh.get("/static/cityties.js").headers["content-type"]
    assert fresh.get("/static/missing.js").status_code == 404
