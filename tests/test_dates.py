"""Tests of the dates stage: each supported form, year resolution, planned cues and non-dates."""
from datetime import date

import pytest

from cityties.document import Document, Sentence
from cityties.lexicon import languages
from cityties.stages import dates
from cityties.stages.dates import find_dates, infer_year


def spans(text, lang, anchor=None, anchor_year=None):
    """(start, end) of every date found."""
    return [(d.start, d.end) for d in find_dates(text, lang, anchor, anchor_year)]


def one(text, lang, anchor=None, anchor_year=None):
    """The single date of a text, as (start, end, surface)."""
    found = find_dates(text, lang, anchor, anchor_year)
    assert len(found) == 1, found
    return found[0].start, found[0].end, found[0].surface


SEP_20_2024 = date(2024, 9, 20)


# Vietnamese forms
@pytest.mark.parametrize("text, expected", [
    ("Sáng 18/9, đoàn đã thăm Khu công nghệ cao.", ("2024-09-18", "2024-09-18", "Sáng 18/9")),
    ("Chiều 10-3, hai bên đã ký biên bản.", ("2024-03-10", "2024-03-10", "Chiều 10-3")),
    ("Hội nghị diễn ra ngày 18.9.2024 tại Hà Nội.", ("2024-09-18", "2024-09-18", "ngày 18.9.2024")),
    ("(Sở Ngoại vụ, 22-9-2008)", ("2008-09-22", "2008-09-22", "22-9-2008")),
    ("Sự kiện diễn ra từ ngày 2 đến 5-12 tại Huế.", ("2023-12-02", "2023-12-05", "từ ngày 2 đến 5-12")),
    ("Diễn đàn họp 25-26/9 tại Seoul.", ("2024-09-25", "2024-09-26", "25-26/9")),
    ("Hội chợ mở từ 22 đến 24/11/2023.", ("2023-11-22", "2023-11-24", "từ 22 đến 24/11/2023")),
    ("Đoàn đến Lào vào tháng 6/2023.", ("2023-06", "2023-06", "tháng 6/2023")),
    ("Hai thành phố kết nghĩa tháng 9 năm 2023.", ("2023-09", "2023-09", "tháng 9 năm 2023")),
    ("Diễn đàn được tổ chức từ năm 2012.", ("2012", "2012", "năm 2012")),
    ("Năm ngoái, thành phố đã đón đoàn Busan.", ("2023", "2023", "Năm ngoái")),
])
def test_vietnamese_forms(text, expected):
    assert one(text, "vi", SEP_20_2024) == expected


@pytest.mark.parametrize("text", [
    "Diễn đàn khai mạc ngày 24/9 và kéo dài trong vòng ba ngày.",
    "Diễn đàn khai mạc ngày 24/9, kéo dài 3 ngày.",
    "Diễn đàn khai mạc ngày 24/9 và diễn ra trong ba ngày.",
])
def test_vietnamese_duration_sets_end(text):
    assert spans(text, "vi", SEP_20_2024) == [("2024-09-24", "2024-09-26")]


def test_vietnamese_duration_in_two_days():
    assert spans("Đoàn thăm Đà Nẵng ngày 5/8 trong hai ngày.", "vi", SEP_20_2024) == [("2024-08-05", "2024-08-06")]


def test_vietnamese_dateline_is_one_date_and_no_time():
    assert one("14:57' - 18/09/2024", "vi") == ("2024-09-18", "2024-09-18", "18/09/2024")


def test_vietnamese_clock_time_is_not_a_date():
    found = one("Thị trưởng phát biểu lúc 2 giờ chiều ngày 25/9.", "vi", SEP_20_2024)
    assert found[:2] == ("2024-09-25", "2024-09-25")


# English forms
SEP_27_2023 = date(2023, 9, 27)


@pytest.mark.parametrize("text, expected", [
    ("The forum was held Sept. 24-26 at DDP.", ("2023-09-24", "2023-09-26", "Sept. 24-26")),
    ("They met in New York, Sept. 18 (local time).", ("2023-09-18", "2023-09-18", "Sept. 18")),
    ("The MOU was signed on September 18, 2023.", ("2023-09-18", "2023-09-18", "September 18, 2023")),
    ("The delegation visited from June 5 to 7.", ("2023-06-05", "2023-06-07", "June 5 to 7")),
    ("The congress met on June 5-7, 2024 in Seoul.", ("2024-06-05", "2024-06-07", "June 5-7, 2024")),
    ("Seoul joined the network in June.", ("2023-06", "2023-06", "in June")),
    ("In July this year, the mayor was selected.", ("2023-07", "2023-07", "In July this year")),
    ("Singapore won the prize in 2018.", ("2018", "2018", "in 2018")),
    ("He will lead the association from 2024 to 2026.", ("2024", "2026", "from 2024 to 2026")),
    ("BARCELONA, Nov. 15-17, 2017 /PRNewswire/", ("2017-11-15", "2017-11-17", "Nov. 15-17, 2017")),
    ("The award was presented on 15 November 2017.", ("2017-11-15", "2017-11-15", "15 November 2017")),
    ("The summit ended last month.", ("2023-08", "2023-08", "last month")),
    ("The mayors met on Tuesday in Oslo.", ("2023-09-26", "2023-09-26", "on Tuesday")),
    ("The ceremony took place yesterday in Oslo.", ("2023-09-26", "2023-09-26", "yesterday")),
    ("Staff visited Suqian during June and July.", ("2023-06", "2023-07", "during June and July")),
])
def test_english_forms(text, expected):
    assert one(text, "en", SEP_27_2023) == expected


def test_english_range_across_new_year():
    assert spans("It runs from Dec. 28 to Jan. 3, 2024.", "en") == [("2023-12-28", "2024-01-03")]


# Korean forms
SEP_21_2023 = date(2023, 9, 21)


@pytest.mark.parametrize("text, expected", [
    ("개막식은 9월 24일 열렸다.", ("2023-09-24", "2023-09-24", "9월 24일")),
    ("포럼은 9월 24~26일 열렸다.", ("2023-09-24", "2023-09-26", "9월 24~26일")),
    ("시장은 지난 24일 협약을 맺었다.", ("2023-08-24", "2023-08-24", "지난 24일")),
    ("시장은 지난 10일 협약을 맺었다.", ("2023-09-10", "2023-09-10", "지난 10일")),
    ("총회는 오는 24일 열린다.", ("2023-09-24", "2023-09-24", "오는 24일")),
    ("두 도시는 2023년 6월 자매결연을 맺었다.", ("2023-06", "2023-06", "2023년 6월")),
    ("협약은 2017년 10월 19일 체결됐다.", ("2017-10-19", "2017-10-19", "2017년 10월 19일")),
    ("올해 6월 회원 도시가 됐다.", ("2023-06", "2023-06", "올해 6월")),
    ("작년 서울을 방문했다.", ("2022", "2022", "작년")),
    ("부지사는 지난 10월에 이어 광주를 찾았다.", ("2022-10", "2022-10", "지난 10월")),
])
def test_korean_forms(text, expected):
    assert one(text, "ko", SEP_21_2023) == expected


def test_korean_next_day_after_anchor_goes_to_next_month():
    assert spans("총회는 오는 24일 열린다.", "ko", date(2023, 9, 25)) == [("2023-10-24", "2023-10-24")]


def test_korean_bare_days_take_the_month_named_before():
    text = "포럼은 2017년 10월 19일 개막했다. 21~23일에는 도시 투어가 열렸다."
    assert spans(text, "ko", date(2017, 11, 5)) == [("2017-10-19", "2017-10-19"), ("2017-10-21", "2017-10-23")]


def test_korean_bare_days_take_the_anchor_month_without_one():
    assert spans("포럼은 24~26일 열렸다.", "ko", SEP_21_2023) == [("2023-09-24", "2023-09-26")]


def test_korean_duration_sets_end():
    assert spans("박람회는 9월 24일부터 사흘간 열렸다.", "ko", SEP_21_2023) == [("2023-09-24", "2023-09-26")]


# Year resolution
def test_past_event_after_publication_is_last_year():
    assert spans("Chiều 20/12, đoàn đã đến Huế.", "vi", date(2024, 1, 5)) == [("2023-12-20", "2023-12-20")]


def test_past_event_shortly_after_publication_keeps_the_year():
    assert spans("Ngày 25/9, đoàn đã đến Huế.", "vi", SEP_20_2024) == [("2024-09-25", "2024-09-25")]


def test_planned_event_before_publication_is_next_year():
    assert spans("Diễn đàn sẽ diễn ra vào tháng 3.", "vi", date(2023, 11, 20)) == [("2024-03", "2024-03")]
    assert spans("Diễn đàn đã diễn ra vào tháng 3.", "vi", date(2023, 11, 20)) == [("2023-03", "2023-03")]


def test_range_across_new_year_without_years():
    assert spans("Đoàn thăm Nhật từ 28/12 đến 2/1.", "vi", date(2024, 1, 5)) == [("2023-12-28", "2024-01-02")]


def test_without_publication_date_the_known_year_is_used():
    assert spans("Ngày 24/9, đoàn đến Seoul.", "vi", None, 2023) == [("2023-09-24", "2023-09-24")]
    assert spans("On Sept. 18 they met.", "en", None, 2023) == [("2023-09-18", "2023-09-18")]


def test_without_any_year_no_year_is_invented():
    assert spans("Ngày 24/9, đoàn đến Seoul. Năm ngoái họ cũng đến.", "vi") == [(None, None), (None, None)]
    assert spans("지난 24일 협약을 맺었다.", "ko", None, 2023) == [(None, None)]


def test_explicit_year_wins_over_anchor():
    assert spans("ngày 18.9.2019", "vi", SEP_20_2024) == [("2019-09-18", "2019-09-18")]


# Planned cues
@pytest.mark.parametrize("text, lang", [
    ("Từ ngày 25-26/9 sẽ diễn ra Diễn đàn Thị trưởng.", "vi"),
    ("The mayor will visit Hanoi on Sept. 30.", "en"),
    ("총회는 9월 30일 열릴 예정이다.", "ko"),
])
def test_planned_cue_marks_the_date(text, lang):
    assert [d.planned for d in find_dates(text, lang, SEP_20_2024)] == [True]


def test_past_sentence_is_not_planned():
    found = find_dates("Ngày 18/9, đoàn đã thăm Huế. Đoàn sẽ trở lại năm tới.", "vi", SEP_20_2024)
    assert [(d.start, d.planned) for d in found] == [("2024-09-18", False), ("2025", True)]


# Things that are not dates
@pytest.mark.parametrize("text, lang", [
    ("Họp lúc 14:57, lúc 2 giờ chiều và lúc 9h30.", "vi"),
    ("Từ sau đại dịch COVID-19, các nước G20 tăng 50% đầu tư.", "vi"),
    ("Có 50 thành phố của 29 quốc gia và 21 tổ chức tham dự.", "vi"),
    ("Liên hệ 0903.123.456 hoặc (028) 3829 1234.", "vi"),
    ("Đội nhà thắng 2-1, lãi suất 1.000 tỷ đồng.", "vi"),
    ("Ngày 31/2 và 13/13 không tồn tại.", "vi"),
    ("After COVID-19, G20 members grew 12.5% and won 3-1 at 10:30 a.m.", "en"),
    ("It may 5 times rise; $14.91 billion; 50 cities from 29 countries.", "en"),
    ("50개 도시, 1,000여 명, 24시간, 6개월, 12.5%가 참여했다.", "ko"),
])
def test_non_dates(text, lang):
    assert find_dates(text, lang, SEP_20_2024) == []


# Year inference for undated articles
@pytest.mark.parametrize("text, url, year", [
    ("Ngày 24/9 ...", "https://news.example.com/2024/05/14/mayors-meet", 2024),
    ("", "http://www.finanznachrichten.de/nachrichten-2017-11/42282235-expo.htm", 2017),
    ("Hội nghị năm 2023 ... tháng 9/2023 ... từ năm 2012", "https://m.hankookilbo.com/News/A2022101322410005056", 2023),
    ("date 2023-09 Photo", None, 2023),
    ("Không có năm nào.", "https://example.com/article/123", None),
])
def test_infer_year(text, url, year):
    assert infer_year(text, url) == year


# The stage
def test_run_fills_dates_with_sentences():
    text = "Ngày 18/9, đoàn đã thăm Huế. Từ ngày 25-26/9 sẽ diễn ra Diễn đàn."
    doc = Document(raw=text, text=text, language="vi", published=SEP_20_2024,
                   sentences=[Sentence(0, 29, text[:29]), Sentence(29, len(text), text[29:])])
    dates.run(doc)
    assert [(d.start, d.end, d.sentence, d.planned) for d in doc.dates] == [
        ("2024-09-18", "2024-09-18", 0, False), ("2024-09-25", "2024-09-26", 1, True)]
    assert all(text[d.span.start:d.span.end] == d.surface for d in doc.dates)


def test_run_infers_the_year_of_an_undated_article():
    text = "Ngày 24/9, đoàn đến Seoul."
    doc = Document(raw=text, text=text, language="vi", url="https://example.vn/2023/09/25/tin")
    assert [d.start for d in dates.run(doc).dates] == ["2023-09-24"]


@pytest.mark.parametrize("lang", languages())
def test_every_language_has_one_compiled_grammar(lang):
    grammar = dates.grammar(lang)
    assert grammar is not None and grammar is dates.grammar(lang)
    assert grammar.planned is not None


def test_in_the_year():
    (d,) = find_dates("It was in the year 2012 that the two cities were twinned.", "en", None)
    assert (d.start, d.end) == ("2012", "2012")


@pytest.mark.parametrize("text, lang", [
    ("10월 19일 오전 협약을 맺었다. 같은 날 오후 명예시민증이 수여됐다.", "ko"),
    ("Sáng 19/10, hai bên ký kết. Cùng ngày, đoàn thăm cảng.", "vi"),
    ("They signed on Oct. 19. The same day, the mayor received a prize.", "en"),
])
def test_the_same_day_is_the_last_full_date(text, lang):
    found = find_dates(text, lang, date(2017, 10, 20))
    assert [d.start for d in found] == ["2017-10-19", "2017-10-19"]


def test_korean_range_with_buteo_kkaji():
    (d,) = find_dates("대표단은 5월 23일부터 27일까지 머물렀다.", "ko", date(2024, 5, 30))
    assert (d.start, d.end) == ("2024-05-23", "2024-05-27")


def test_a_four_day_visit_after_its_first_day():
    (d,) = find_dates("The mayor arrived on Sunday for a four-day visit.", "en", date(2024, 5, 8))
    assert (d.start, d.end) == ("2024-05-05", "2024-05-08")
