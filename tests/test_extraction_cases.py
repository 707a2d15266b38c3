"""The hard cases of issue 3, end to end through the pipeline, on short articles written for the tests."""
from datetime import date

import pytest

from cityties import pipeline
from cityties.document import Document
from cityties.evalformat import mention_to_event


def extract(text: str, published: date | None = None, url: str | None = None) -> list[dict]:
    doc = pipeline.run(Document(raw=text, source="case", published=published, url=url))
    return [mention_to_event(m) for m in doc.mentions]


def by_type(events: list[dict], etype: str) -> list[dict]:
    return [e for e in events if e["type"] == etype]


def test_mou_signed_during_a_visit_is_two_events_located_at_the_destination():
    events = extract(
        "Busan delegation visits Da Nang\n\n"
        "A delegation from Busan led by Mayor Park Hyung-joon visited Da Nang on May 14. "
        "During the visit, the two cities signed a memorandum of understanding on tourism and education.",
        published=date(2024, 5, 15))
    (visit,) = by_type(events, "visit")
    (mou,) = by_type(events, "agreement")
    assert visit["start"] == mou["start"] == "2024-05-14"
    assert visit["location"]["place"] == "Da Nang" and mou["location"]["place"] == "Da Nang"
    assert {"tourism", "education"} <= set(mou["themes"])
    assert {"Busan", "Da Nang"} <= {p["place"] for p in visit["places"]}


def test_background_prize_and_forum_keep_their_own_years():
    events = extract(
        "Seoul prepares to host mayors\n\n"
        "Delegations from 40 cities will gather in Seoul for the Global Mayors Forum on Oct. 8-10. "
        "Seoul won the Lee Kuan Yew World City Prize in 2018, which made it the forum's host.",
        published=date(2025, 9, 30))
    (forum,) = by_type(events, "forum")
    (award,) = by_type(events, "award")
    assert (forum["start"], forum["end"]) == ("2025-10-08", "2025-10-10")
    assert forum["counts"] == {"cities": 40}
    assert award["start"] == "2018" and award["location"] is None


def test_planned_vietnamese_agreement_takes_its_planned_date():
    events = extract(
        "Hà Nội và Viêng Chăn sẽ ký kết thỏa thuận hợp tác\n\n"
        "Theo kế hoạch, sáng 20/10 tới, Chủ tịch UBND thành phố Hà Nội sẽ ký kết thỏa thuận hợp tác "
        "với Đô trưởng Thủ đô Viêng Chăn tại Hà Nội.",
        published=date(2025, 10, 2))
    (agreement,) = by_type(events, "agreement")
    assert agreement["start"] == "2025-10-20"
    assert agreement["location"]["place"] == "Hanoi"
    assert {p["place"] for p in agreement["places"]} >= {"Hanoi", "Vientiane"}


def test_sister_city_anniversary_dates_the_original_agreement():
    events = extract(
        "Huế và Kyoto kỷ niệm 20 năm kết nghĩa\n\n"
        "Chiều 14/5, lãnh đạo tỉnh Thừa Thiên Huế tiếp đoàn công tác thành phố Kyoto (Nhật Bản) "
        "nhân dịp kỷ niệm 20 năm kết nghĩa giữa hai địa phương.",
        published=date(2024, 5, 15))
    (visit,) = by_type(events, "visit")
    assert visit["start"] == "2024-05-14"
    assert "2004" in [e["start"] for e in by_type(events, "agreement")]


def test_korean_visit_and_agreement():
    events = extract(
        "울산시 대표단, 하이퐁 방문\n\n"
        "울산시 대표단이 지난 24일 베트남 하이퐁을 방문해 항만·관광 분야 협력 의향서를 체결했다.",
        published=date(2025, 4, 26))
    (visit,) = by_type(events, "visit")
    (agreement,) = by_type(events, "agreement")
    assert visit["start"] == agreement["start"] == "2025-04-24"
    assert visit["location"]["place"] == "Haiphong"
    assert set(agreement["countries"]) == {"KR", "VN"}


@pytest.mark.parametrize("text", [
    "The two mayors hope to sign a sister city agreement one day.",
    "Thành phố mong muốn sẽ có dịp hợp tác với các địa phương của Nhật Bản.",
])
def test_wishes_and_vague_cooperation_are_not_events(text):
    assert extract(text, published=date(2024, 1, 10)) == []
