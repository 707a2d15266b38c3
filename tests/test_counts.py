from cityties.document import Document
from cityties.stages import counts
from cityties.stages.counts import find_counts


def found(text, lang):
    return [(key, value) for _, _, key, value in find_counts(text, lang)]


def test_vietnamese_cities_countries_organizations():
    text = "Diễn đàn quy tụ 40 thành phố của 17 quốc gia cùng 9 tổ chức quốc tế và 300 doanh nghiệp."
    assert found(text, "vi") == [("cities", 40), ("countries", 17), ("organizations", 9), ("businesses", 300)]


def test_vietnamese_localities_and_number_words():
    assert found("Có 18 địa phương từ 7 quốc gia, ba nước láng giềng.", "vi") == [
        ("cities", 18), ("countries", 7), ("countries", 3)]


def test_english_figures_with_adjectives_between():
    text = "Delegations from 35 cities from 20 countries, 150 business leaders and 12 major cities attended."
    assert found(text, "en") == [("cities", 35), ("countries", 20), ("businesses", 150), ("cities", 12)]


def test_english_number_words_and_thousands():
    assert found("The delegation's six members met 1,200 delegates.", "en") == [("delegates", 6), ("delegates", 1200)]


def test_approximate_figures_are_skipped():
    assert found("hơn 40 thành phố, khoảng 20 quốc gia, gần 100 đại biểu", "vi") == []
    assert found("more than 700 cities, about 60 countries, upwards of 300 companies", "en") == []
    assert found("약 30개 도시, 1,000여 명, 40여 개국", "ko") == []


def test_korean_counters():
    assert found("45개 도시와 21개국, 60개 기관에서 300명이 참석", "ko") == [
        ("cities", 45), ("countries", 21), ("organizations", 60), ("delegates", 300)]


def test_years_partitives_small_figures_and_other_lines_are_not_counts():
    assert found("In 2024 cities grew; five of the cities; the two cities", "en") == []
    assert found("Trang 15\nThành phố Huế", "vi") == []
    assert found("15 tỉnh trưởng", "vi") == []  # governors, not provinces


def test_run_sets_count_refs():
    text = "It gathered 25 cities."
    doc = counts.run(Document(raw=text, text=text, language="en"))
    assert [(c.key, c.value, c.surface) for c in doc.counts] == [("cities", 25, "25 cities")]


def test_delegation_size_as_a_compound_adjective():
    assert found("A 12-member delegation and a 20-strong delegation arrived.", "en") == [
        ("delegates", 12), ("delegates", 20)]
