"""The places stage: regions that only locate a city, places in lists of other names."""
import pytest

from cityties.document import Document
from cityties.stages import countries, places


def names(text: str, lang: str) -> list[tuple[str, str]]:
    """(surface, canonical name) of the places the stage keeps."""
    doc = Document(raw=text, text=text, language=lang)
    doc = places.run(countries.run(doc))
    return [(p.surface, p.name) for p in doc.places]


@pytest.mark.parametrize("text, lang, kept", [
    ("Đoàn thành phố Buôn Ma Thuột, tỉnh Đắk Lắk thăm Lào.", "vi", ["Buôn Ma Thuột"]),
    ("Lãnh đạo Bảo Lộc (Lâm Đồng) tiếp khách.", "vi", ["Bảo Lộc"]),
    ("Đoàn thành phố Niigata thuộc tỉnh Niigata đến Huế.", "vi", ["Niigata", "Huế"]),
    ("A delegation from Nha Trang, Khanh Hoa Province arrived.", "en", ["Nha Trang"]),
    ("Partners such as Portland Maine signed.", "en", ["Portland"]),
    ("경상북도 경주시와 협약을 맺었다.", "ko", ["경주시"]),
])
def test_a_region_that_locates_its_city_is_dropped(text, lang, kept):
    assert [s for s, _ in names(text, lang)] == kept


def test_regions_listed_as_peers_and_city_regions_stay():
    text = "Đoàn tỉnh Nam Định, tỉnh Ninh Bình và tỉnh Thái Bình; TP Hải Phòng, tỉnh Quảng Ninh."
    assert [n for _, n in names(text, "vi")] == ["Nam Dinh", "Ninh Binh", "Thai Binh",
                                                 "Haiphong", "Quang Ninh"]
    text = "Mayors of Seoul, Gyeonggi Province and Incheon met."
    assert [s for s, _ in names(text, "en")] == ["Seoul", "Gyeonggi Province", "Incheon"]
    # a city that is itself an item of a list is followed by the next item, not its region ...
    text = "Các thành phố Đà Nẵng, Huế, tỉnh Quảng Nam và Hội An ký kết."
    assert [s for s, _ in names(text, "vi")] == ["Đà Nẵng", "Huế", "Quảng Nam", "Hội An"]
    # ... unless the region is surely its own (the same admin1 code, or its name in the region's)
    text = "Officials from Lincoln, Nebraska and Austin, Texas came; so did Hue, Thua Thien Hue."
    assert [s for s, _ in names(text, "en")] == ["Lincoln", "Austin", "Hue"]


def test_a_place_in_a_list_of_other_names_is_dropped():
    text = "Sponsors were Siemens, Oracle, Philips, Salford and Unilever."
    assert names(text, "en") == []
    text = "Mayors of Leeds, York, Hull, Bradford and Wakefield met."
    assert [s for s, _ in names(text, "en")] == ["Leeds", "York", "Hull", "Bradford", "Wakefield"]


def test_a_city_state_venue_is_a_place_and_a_country():
    text = "The summit was held in Singapore."
    doc = places.run(countries.run(Document(raw=text, text=text, language="en")))
    assert [(p.name, p.country) for p in doc.places] == [("Singapore", "SG")]
    assert [c.code for c in doc.countries] == ["SG"]


@pytest.mark.parametrize("text, lang, kept", [
    ("Zhou said Wuxi, an industrial and technology hub in Jiangsu province, saw Hamilton as a gateway.",
     "en", ["Wuxi", "Hamilton"]),
    ("Đoàn Vô Tích, một trung tâm công nghiệp của tỉnh Giang Tô, thăm Hamilton.", "vi", ["Vô Tích", "Hamilton"]),
])
def test_a_region_closing_an_apposition_to_its_city_is_dropped(text, lang, kept):
    assert [s for s, _ in names(text, lang)] == kept


@pytest.mark.parametrize("text, lang, kept", [
    ("ICLEI, which is headquartered in Bonn, Germany, met in Seoul.", "en", ["Seoul"]),
    ("The Bonn-based network met in Seoul.", "en", ["Seoul"]),
    ("ICLEI có trụ sở tại Bonn (Đức). Đoàn được đón tại trụ sở UBND tỉnh Khánh Hòa.", "vi", ["Khánh Hòa"]),
    ("독일 본에 본부를 둔 이클레이가 서울에서 총회를 열었다.", "ko", ["서울"]),
])
def test_an_organizations_seat_and_its_country_take_no_part(text, lang, kept):
    doc = places.run(countries.run(Document(raw=text, text=text, language=lang)))
    assert [p.surface for p in doc.places] == kept
    assert [c.code for c in doc.countries] == []
