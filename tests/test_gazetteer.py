"""The gazetteer: loading, lookups by name and alias, finding places and countries in text."""
import gzip
import socket

import pycountry
import pytest

from cityties.gazetteer import GAZETTEER, Gazetteer, gazetteer
from cityties.lexicon import read_rows


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def found(gaz, text, lang, context=frozenset()):
    """(surface, canonical name, country, kind) of every place found, checking the offsets."""
    return [(text[s:e], p.name, p.country, p.kind) for s, e, p in gaz.find(text, lang, context)]


def countries(gaz, text, lang):
    return [(text[s:e], code) for s, e, code in gaz.find_countries(text, lang)]


# --- data ---------------------------------------------------------------------------------


def test_loads_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network used")

    monkeypatch.setenv("HTTP_PROXY", "http://invalid.invalid:1")
    monkeypatch.setenv("HTTPS_PROXY", "http://invalid.invalid:1")
    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    fresh = Gazetteer()
    assert fresh.lookup("Hà Nội").name == "Hanoi"


def test_gazetteer_is_loaded_once():
    assert gazetteer() is gazetteer()


def test_cities_and_regions(gaz):
    places = list(gaz.places())
    assert sum(p.kind == "city" for p in places) >= 30_000
    regions = {p.code: p for p in places if p.kind == "region"}
    assert regions["VN-13"].name == "Quang Ninh"
    assert regions["CN-GX"].name == "Guangxi"
    assert regions["KR-41"].name == "Gyeonggi-do"
    assert sum(code.startswith("VN-") for code in regions) == 63
    assert regions["US-CA"].geonameid > 0  # US states keep their GeoNames ids
    assert all(p.geonameid < 0 for code, p in regions.items() if not code.startswith("US-"))


def test_places_file_is_sorted_small_and_well_formed():
    path = GAZETTEER / "places.tsv.gz"
    assert path.stat().st_size < 5_000_000
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        ids = [int(line.split("\t", 1)[0]) for line in f]
    assert header[:9] == ["geonameid", "name", "country", "kind", "admin1", "lat", "lon",
                          "population", "code"]
    assert ids == sorted(ids) and len(ids) == len(set(ids))


@pytest.mark.parametrize("name", ["aliases_vi.tsv", "aliases_ko.tsv", "aliases_en.tsv"])
def test_alias_files_are_well_formed(name):
    rows = read_rows(GAZETTEER / name)
    assert len(rows) >= 150
    for row in rows:
        assert len(row) in (3, 4), row
        assert pycountry.countries.get(alpha_2=row[2]) is not None, row


@pytest.mark.parametrize("name", ["countries_vi.tsv", "countries_ko.tsv", "countries_en.tsv"])
def test_country_files_are_well_formed(name):
    for alias, code in read_rows(GAZETTEER / name):
        assert code == "-" or pycountry.countries.get(alpha_2=code) is not None, alias


# --- lookups ------------------------------------------------------------------------------


@pytest.mark.parametrize("alias, name, country", [
    ("TP HCM", "Ho Chi Minh City", "VN"),
    ("TPHCM", "Ho Chi Minh City", "VN"),
    ("TP.HCM", "Ho Chi Minh City", "VN"),
    ("Thành phố Hồ Chí Minh", "Ho Chi Minh City", "VN"),
    ("Sài Gòn", "Ho Chi Minh City", "VN"),
    ("Viêng Chăn", "Vientiane", "LA"),
    ("Tô Châu", "Suzhou", "CN"),
    ("Đài Bắc", "Taipei", "TW"),
    ("Quảng Tây", "Guangxi", "CN"),
    ("서울시", "Seoul", "KR"),
    ("부산광역시", "Busan", "KR"),
    ("대전", "Daejeon", "KR"),
    ("호찌민", "Ho Chi Minh City", "VN"),
    ("경기도", "Gyeonggi-do", "KR"),
    ("Kiev", "Kyiv", "UA"),
    ("NYC", "New York City", "US"),
    ("eThekwini", "Durban", "ZA"),
    ("Bombay", "Mumbai", "IN"),
    ("Busan-si", "Busan", "KR"),
    ("Gyeonggi-do", "Gyeonggi-do", "KR"),
    ("Gyeonggi Province", "Gyeonggi-do", "KR"),
    ("Brussels-Capital Region", "Brussels", "BE"),
    ("Wroclaw", "Wrocław", "PL"),
])
def test_lookup_by_alias(gaz, alias, name, country):
    place = gaz.lookup(alias)
    assert (place.name, place.country) == (name, country)


def test_lookup_prefers_the_larger_namesake_and_filters_by_country(gaz):
    assert gaz.lookup("Tô Châu").population > 5_000_000  # Suzhou, Jiangsu, not Suzhou, Anhui
    assert gaz.lookup("Paris").country == "FR"
    assert gaz.lookup("Paris", "US").admin1 == "TX"
    assert gaz.lookup("Nowhere-on-Earth") is None


def test_a_country_name_is_no_place_but_a_city_state_is(gaz):
    assert gaz.lookup("Georgia") is None
    assert gaz.lookup("Georgia", "US").kind == "region"
    assert gaz.lookup("Singapore").country == "SG"


def test_get_and_candidates(gaz):
    hcmc = gaz.lookup("HCMC")
    assert gaz.get(hcmc.geonameid) == hcmc
    assert [p.kind for p in gaz.candidates("Ho Chi Minh City")][:2] == ["city", "region"]


def test_country_name(gaz):
    assert gaz.country_name("KR") == "South Korea"
    assert gaz.country_name("la") == "Laos"
    assert gaz.country_name("VN") == "Vietnam"


# --- finding places in text ---------------------------------------------------------------


def test_vietnamese_city_prefixes_and_offsets(gaz):
    text = "Đoàn TP HCM, TPHCM, TP.HCM và Thành phố Hồ Chí Minh thăm Viêng Chăn và Tô Châu."
    assert found(gaz, text, "vi") == [
        ("TP HCM", "Ho Chi Minh City", "VN", "city"),
        ("TPHCM", "Ho Chi Minh City", "VN", "city"),
        ("TP.HCM", "Ho Chi Minh City", "VN", "city"),
        ("Thành phố Hồ Chí Minh", "Ho Chi Minh City", "VN", "city"),
        ("Viêng Chăn", "Vientiane", "LA", "city"),
        ("Tô Châu", "Suzhou", "CN", "city"),
    ]


def test_vietnamese_person_names_and_words_are_not_places(gaz):
    text = ("Chủ tịch Hồ Chí Minh. Ông Nguyễn Quang Vinh và ông Vinh đến Vinh. "
            "Hai bên nhất trí. Ảnh: Hà Nội.")
    assert found(gaz, text, "vi") == [("Vinh", "Vinh", "VN", "city"),
                                      ("Hà Nội", "Hanoi", "VN", "city")]


def test_province_word_picks_the_region(gaz):
    assert found(gaz, "thành phố Hồ Chí Minh", "vi")[0][1] == "Ho Chi Minh City"
    assert found(gaz, "tỉnh Quảng Ngãi", "vi")[0][3] == "region"
    assert found(gaz, "thành phố Quảng Ngãi", "vi")[0][3] == "city"
    assert found(gaz, "Quảng Ngãi", "vi")[0][3] == "city"
    assert found(gaz, "Gyeonggi Province and New York State", "en") == [
        ("Gyeonggi Province", "Gyeonggi-do", "KR", "region"),
        ("New York State", "New York", "US", "region"),
    ]


def test_korean_units_and_particles(gaz):
    text = "오세훈 서울시장은 부산광역시와 대전에서 경기도지사를 만났다. 호찌민시의 대표단"
    assert found(gaz, text, "ko") == [
        ("서울시", "Seoul", "KR", "city"),
        ("부산광역시", "Busan", "KR", "city"),
        ("대전", "Daejeon", "KR", "city"),
        ("경기도", "Gyeonggi-do", "KR", "region"),
        ("호찌민시", "Ho Chi Minh City", "VN", "city"),
    ]


def test_korean_words_starting_like_a_place_are_not_places(gaz):
    assert found(gaz, "대전환의 시대에 고양이와 화성 탐사", "ko") == []


def test_english_variants_and_case(gaz):
    text = "Kiev, NYC and eThekwini; Busan-si. Nice and Reading, but not nice reading or mobile."
    assert [(s, n) for s, n, _, _ in found(gaz, text, "en")] == [
        ("Kiev", "Kyiv"), ("NYC", "New York City"), ("eThekwini", "Durban"),
        ("Busan-si", "Busan"), ("Nice", "Nice"), ("Reading", "Reading"),
    ]


def test_person_names_in_latin_text_are_not_places(gaz):
    text = "Mayor Gilbert Wong met Mahesh Pakala and Anne Hidalgo in Cupertino."
    assert found(gaz, text, "en") == [("Cupertino", "Cupertino", "US", "city")]


def test_paris_with_and_without_context(gaz):
    assert found(gaz, "Paris", "en")[0][2] == "FR"
    assert found(gaz, "Paris, Texas", "en")[0][2] == "US"  # a qualifier names the state
    # an article naming the US does not turn a world city into a town 86 times smaller ...
    assert found(gaz, "Paris", "en", frozenset({"US"}))[0][2] == "FR"
    # ... but does decide between namesakes of comparable size
    assert found(gaz, "Birmingham", "en")[0][2] == "GB"
    assert found(gaz, "Birmingham", "en", frozenset({"US"}))[0][2] == "US"


def test_qualifier_in_brackets(gaz):
    assert found(gaz, "Quang Châu (Hàn Quốc)", "vi")[0][1] == "Gwangju"
    assert found(gaz, "Quảng Châu (Trung Quốc)", "vi")[0][1] == "Guangzhou"


def test_georgia_is_a_country_and_singapore_a_city_state(gaz):
    text = "Georgia and Singapore"
    assert found(gaz, text, "en") == [("Singapore", "Singapore", "SG", "city")]
    assert countries(gaz, text, "en") == [("Georgia", "GE"), ("Singapore", "SG")]


def test_same_place_in_three_languages(gaz):
    for text, lang in [("Da Nang", "en"), ("Đà Nẵng", "vi"), ("다낭", "ko"), ("Cupertino", "en")]:
        place = found(gaz, text, lang)[0]
        assert place[0] == text and place[2] in ("VN", "US")
    assert found(gaz, "Đà Nẵng", "vi")[0][1] == "Da Nang"


# --- finding countries --------------------------------------------------------------------


def test_countries_in_vietnamese(gaz):
    text = ("Hàn Quốc, Đài Loan, Mỹ, Hoa Kỳ, Trung Quốc, Lào và Nga. Thủ tướng Anh. "
            "Bí thư Thành ủy nói tiếng Anh; Ảnh: Nguyễn Minh Đức.")
    assert countries(gaz, text, "vi") == [
        ("Hàn Quốc", "KR"), ("Đài Loan", "TW"), ("Mỹ", "US"), ("Hoa Kỳ", "US"),
        ("Trung Quốc", "CN"), ("Lào", "LA"), ("Nga", "RU"), ("Anh", "GB"),
    ]


def test_countries_in_korean(gaz):
    text = "한국은 베트남과 미국, 중국을 방문했다. 한국인 관광객"
    assert countries(gaz, text, "ko") == [("한국", "KR"), ("베트남", "VN"), ("미국", "US"),
                                          ("중국", "CN")]


def test_countries_in_english(gaz):
    text = "Korea, South Korea and the U.S. signed; Korean and Vietnamese delegates from Vietnam."
    assert countries(gaz, text, "en") == [("Korea", "KR"), ("South Korea", "KR"), ("U.S.", "US"),
                                          ("Vietnam", "VN")]
