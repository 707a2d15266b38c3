"""Boilerplate removal keeps every article sentence and drops each kind of scraped junk."""
from pathlib import Path

import pytest

from cityties.document import Document
from cityties.sources import text
from cityties.stages import clean

FIXTURES = Path(__file__).parent / "fixtures" / "sources"

TITLE = "Cần Thơ và Nagoya thảo luận hợp tác về giao thông đô thị"
ARTICLE = [
    "Chiều 3/6, Phó Chủ tịch UBND thành phố Cần Thơ đã tiếp đoàn công tác của thành phố Nagoya do ông Tanaka Hiroshi làm trưởng đoàn.",
    "Hai bên trao đổi về kinh nghiệm phát triển xe buýt điện, quản lý bãi đỗ xe và quy hoạch các tuyến đường ven sông.",
    "Đoàn Nagoya sẽ ở lại Cần Thơ ba ngày để khảo sát một số dự án.",
]


def cleaned(lines: list[str], title: str | None = None) -> Document:
    return clean.run(Document(raw="\n\n".join(lines), title=title))


def page(junk_before: list[str] = (), junk_inside: list[str] = (), junk_after: list[str] = ()) -> list[str]:
    """A page with the title and article, junk above, between the paragraphs and below."""
    return [*junk_before, TITLE, ARTICLE[0], *junk_inside, *ARTICLE[1:], *junk_after]


def assert_article_kept(doc: Document) -> None:
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == TITLE
    for sentence in ARTICLE:
        assert sentence in paragraphs


JUNK = {
    "menu": ["Trang chủ | Thời sự | Kinh tế | Văn hóa | Thể thao", "Home > World > Asia", "Menu", "Xem thêm"],
    "province list": ["An Giang", "Bà Rịa - Vũng Tàu", "Bình Dương", "Cần Thơ", "Đồng Nai", "Thừa Thiên Huế"],
    "share buttons": ["Facebook share button", "Kakao share button", "Share this story", "Chia sẻ: Facebook | Zalo"],
    "font-size widget": ["ⓕ font-size", "-2", "-1", "0", "+1", "+2", "A- A A+", "aa"],
    "paywall and login": [
        "Đăng nhập",
        "icon Đăng ký gói bạn đọc VIP",
        "Bạn cần đăng nhập để thực hiện chức năng này!",
        "Already a subscriber? Log in to keep reading.",
        "To continue reading, subscribe now.",
        "로그인 | 회원가입",
    ],
    "photo placeholders": [f"{TITLE} - Ảnh 1.", "- Ảnh 2.", "Ảnh 3.", "Ảnh: Hoàng Nam", "Photo : Example Agency"],
    "bylines and datelines": [
        "By Jane Roe",
        "Tin: Minh Anh - Ảnh: Quốc Huy",
        "홍길동 기자 hong@example.kr",
        "입력 2024.06.03 10:15",
        "Thứ Hai, 03/06/2024 10:15 (GMT+7)",
        "(Nguồn: tinthanhpho.example.vn)",
    ],
    "copyright": [
        "Copyright © 2024 Example News. All rights reserved.",
        "저작권자 © 예시일보 무단전재 및 재배포 금지",
        "© Bản quyền thuộc Tin Thành Phố.",
    ],
}


@pytest.mark.parametrize("kind", sorted(JUNK))
def test_drops_junk_lines_everywhere_and_keeps_the_article(kind):
    junk = JUNK[kind]
    doc = cleaned(page(junk, junk, junk))
    assert_article_kept(doc)
    assert set(doc.text.split("\n\n")).isdisjoint(junk)


@pytest.mark.parametrize(
    "heading", ["Tin liên quan", "Tin cùng chuyên mục", "Top 10 Stories", "Related articles", "관련기사", "Comments:"]
)
def test_cut_off_heading_drops_what_follows(heading):
    teaser = "Đà Nẵng đón hơn hai triệu lượt khách quốc tế trong mười tháng đầu năm nay."
    doc = cleaned(page(junk_after=[heading, "Hội An mở rộng phố đi bộ", teaser]))
    assert_article_kept(doc)
    assert teaser not in doc.text and heading not in doc.text


def test_cut_off_heading_above_the_article_is_only_dropped():
    doc = cleaned(page(junk_before=["Tin liên quan", "Related articles"]))
    assert_article_kept(doc)


def test_inline_related_link_is_dropped_with_its_teaser_only():
    related = ["Tin liên quan: Đà Nẵng tiếp đoàn Sakai", "Đoàn Sakai đã làm việc với lãnh đạo Đà Nẵng về du lịch biển."]
    doc = cleaned([TITLE, ARTICLE[0], "\n".join(related), *ARTICLE[1:]])
    assert_article_kept(doc)
    assert "Sakai" not in doc.text


def test_photo_credit_after_a_caption_is_cut_and_the_caption_kept():
    doc = cleaned(page(junk_inside=["Ông Tanaka Hiroshi phát biểu tại buổi làm việc. Ảnh: Hoàng Nam"]))
    assert "Ông Tanaka Hiroshi phát biểu tại buổi làm việc." in doc.text.split("\n\n")
    assert "Hoàng Nam" not in doc.text


def test_outlet_tag_opening_the_lead_is_cut():
    doc = cleaned([TITLE, "(TTP) - " + ARTICLE[0], *ARTICLE[1:]])
    assert_article_kept(doc)


def test_title_is_the_headline_not_the_page_title_with_the_site_name():
    doc = cleaned(page(junk_before=[f"{TITLE} - Báo Ví Dụ", "Báo Ví Dụ", "Thời sự"]))
    assert doc.title == TITLE
    assert_article_kept(doc)
    assert "Báo Ví Dụ" not in doc.text


def test_title_without_a_heading_is_the_first_sentence():
    doc = cleaned(ARTICLE)
    assert doc.title == ARTICLE[0]
    assert doc.text == "\n\n".join(ARTICLE)


def test_known_title_is_kept_and_put_first():
    doc = cleaned([TITLE, *ARTICLE], title=TITLE)
    assert doc.title == TITLE
    assert doc.text == "\n\n".join([TITLE, *ARTICLE])


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = "The two cities agreed to share data on flood defences and\nto hold a joint workshop for engineers next spring."
    doc = cleaned(["# Two cities share flood data", wrapped])
    assert doc.title == "Two cities share flood data"
    assert wrapped.replace("\n", " ") in doc.text.split("\n\n")


def test_dateline_is_joined_to_its_paragraph():
    doc = cleaned(["LYON, France, May 2, 2024 /Agency/ --", "The city signed a cooperation plan with Hanoi on Thursday."])
    assert "LYON, France, May 2, 2024 /Agency/ -- The city signed a cooperation plan with Hanoi on Thursday." in doc.text


def test_empty_page():
    doc = cleaned([])
    assert doc.text == "" and doc.title is None


NOISY_PAGES = {
    "noisy_vi.txt": [
        "Huế và Kanazawa ký kết chương trình hợp tác giai đoạn 2025-2027",
        "Sáng 7/11, tại thành phố Huế, lãnh đạo hai thành phố Huế và Kanazawa (Nhật Bản) đã ký kết chương trình hợp tác giai đoạn 2025-2027.",
        "Chủ tịch UBND thành phố Trần Quốc Bảo và Thị trưởng Kanazawa Sato Kenji trao văn bản hợp tác.",
        "Theo chương trình, hai bên sẽ đẩy mạnh trao đổi trong các lĩnh vực bảo tồn di sản, thủ công mỹ nghệ, du lịch và giáo dục.",
        "Đoàn Kanazawa gồm 25 thành viên, trong đó có đại diện 10 doanh nghiệp du lịch.",
        "Hai thành phố thiết lập quan hệ hữu nghị từ năm 2003 và đã tổ chức nhiều hoạt động giao lưu văn hóa, trao đổi sinh viên.",
        "Thị trưởng Sato Kenji cho biết Kanazawa mong muốn mở đường bay thuê chuyến giữa hai địa phương vào năm tới.",
    ],
    "noisy_en.txt": [
        "Wellington and Busan renew sister-city agreement after 30 years",
        "Wellington Mayor Jane Doe and Busan Mayor Park Min-su renewed the sister-city agreement between the two harbour cities at a ceremony in Wellington on Monday.",
        "The renewed agreement adds cooperation on port logistics, film production and climate adaptation to the existing exchanges in education and culture.",
        "A delegation of 18 officials and business leaders from Busan is spending four days in the capital.",
        '"Thirty years on, this friendship is stronger than ever," Doe said.',
        "The delegation returns to Busan on Friday.",
    ],
    "noisy_ko.txt": [
        "대구시, 베트남 다낭시와 관광·의료 교류 확대 합의",
        "대구시는 1일 시청에서 다낭시 대표단과 만나 관광과 의료 분야 교류를 확대하기로 합의했다고 2일 밝혔다.",
        "대표단은 다낭시 인민위원회 부위원장을 단장으로 공무원과 기업인 등 15명으로 구성됐다.",
        "두 도시는 직항 노선 증편과 의료관광 상품 공동 개발을 추진하기로 했다.",
        '시 관계자는 "다낭시와의 협력이 지역 관광업계에 새로운 기회가 될 것"이라고 말했다.',
    ],
}


@pytest.mark.parametrize("name", sorted(NOISY_PAGES))
def test_noisy_page_comes_out_as_exactly_its_article(name):
    doc = clean.run(text.read(FIXTURES / name))
    assert doc.title == NOISY_PAGES[name][0]
    assert doc.text == "\n\n".join(NOISY_PAGES[name])
