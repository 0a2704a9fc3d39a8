"""The job-offer check: reasons point at the words, levels follow the weights, rules are data."""

from __future__ import annotations

from pathlib import Path
from shutil import copytree

import pytest
import yaml

from fraudlink.errors import ConfigError
from fraudlink.public.jobcheck import BadAdvert, assess
from fraudlink.public.jobrules import load_rules

LURE = (
    "Customer service in Sihanoukville. USD 1,500/month, no experience needed, "
    "flight and visa paid. Contact on Telegram @hr_kevin88"
)


def test_a_compound_lure_is_high_risk_and_every_reason_points_at_its_words() -> None:
    result = assess(LURE)
    assert result.level == "high"
    signals = {r.signal for r in result.reasons}
    assert {"compound_area", "travel_paid", "messenger_contact", "pay_far_above"} <= signals
    for reason in result.reasons:
        for hit in reason.hits:
            assert LURE[hit.start : hit.end] == hit.text


def test_an_ordinary_advert_is_low_risk() -> None:
    text = (
        "Senior accountant, Singapore office. At least 5 years of experience, CPA required. "
        "Salary SGD 6,000-7,500. Apply through our careers page."
    )
    assert assess(text).level == "low"


def test_pay_counts_only_when_the_work_asks_for_nothing() -> None:
    skilled = assess("Senior engineer in Phnom Penh, USD 4,000/month, 8 years of experience.")
    assert "pay_far_above" not in {r.signal for r in skilled.reasons}
    unskilled = assess("Typing job in Phnom Penh, USD 4,000/month.")
    assert "pay_far_above" in {r.signal for r in unskilled.reasons}


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("妙瓦底招聘打字员", "compound_area"),
        ("ការងារនៅក្រុងព្រះសីហនុ", "compound_area"),
        ("미야와디 고객 상담 모집", "compound_area"),
        ("Tuyển gấp, bao vé máy bay", "travel_paid"),
        ("งานแอดมิน ฟรีตั๋วเครื่องบิน", "travel_paid"),
        ("Kerja di Kamboja, tiket pesawat gratis", "travel_paid"),
        ("Kerja menaip, tiket percuma", "travel_paid"),
    ],
)
def test_each_language_finds_its_words(text: str, signal: str) -> None:
    assert signal in {r.signal for r in assess(text).reasons}


def test_reasons_and_advice_follow_the_reader_language() -> None:
    result = assess(LURE, language="vi", nationality="VN")
    assert "Sihanoukville" in result.reasons[0].hits[0].text
    assert result.advice.startswith("Đừng đi")
    assert result.hotline is not None and result.hotline["phone"].startswith("+84")


def test_an_ngo_adds_a_place_without_code(tmp_path: Path) -> None:
    import fraudlink.public

    data = tmp_path / "rules"
    copytree(Path(fraudlink.public.__file__).parent / "data" / "jobcheck", data)
    places = data / "places.yaml"
    listed = yaml.safe_load(places.read_text("utf-8"))
    listed["compound_area"].append(["Atlantis Bay"])
    places.write_text(yaml.safe_dump(listed, allow_unicode=True), "utf-8")
    text = "Typing job in Atlantis Bay"
    assert "compound_area" not in {r.signal for r in assess(text).reasons}
    rules = load_rules(data)
    assert "compound_area" in {r.signal for r in assess(text, rules=rules).reasons}


def test_a_phrase_for_an_undeclared_signal_is_refused(tmp_path: Path) -> None:
    import fraudlink.public

    data = tmp_path / "rules"
    copytree(Path(fraudlink.public.__file__).parent / "data" / "jobcheck", data)
    (data / "phrases" / "xx.yaml").write_text("language: xx\nnot_a_signal: [foo]\n", "utf-8")
    with pytest.raises(ConfigError, match="not_a_signal"):
        load_rules(data)


def test_empty_and_huge_texts_are_refused() -> None:
    with pytest.raises(BadAdvert):
        assess("   ")
    with pytest.raises(BadAdvert):
        assess("x" * 20_001)


def test_a_contact_already_reported_raises_the_risk(sample_index: Path) -> None:
    from fraudlink.public.index import PublicIndex

    text = "Part-time work from home. Add me on Telegram @Scam_Boss_KH for details."
    without = assess(text)
    found = assess(text, index=PublicIndex(sample_index))
    reason = next(r for r in found.reasons if r.signal == "reported_contact")
    assert [h.text for h in reason.hits] == ["@Scam_Boss_KH"]
    assert found.score > without.score and found.level != "low"


# --- wages in any script and currency -------------------------------------------------------

from decimal import Decimal  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fraudlink.extract.text import fold, lower_keep_length  # noqa: E402
from fraudlink.public.jobrules import parse_number  # noqa: E402


def _wages(text: str, language: str) -> list[tuple[str, Decimal, str]]:
    pay = load_rules().pay
    found = pay.wages(lower_keep_length(fold(text)), language)
    return [(text[w.start : w.end], w.value, w.currency) for w in found]


@pytest.mark.parametrize(
    ("text", "language", "value", "currency"),
    [
        ("salary $1500 a month", "en", "1500", "USD"),
        ("gaji 1.500 USD", "id", "1500", "USD"),
        ("月薪2万", "zh", "20000", "CNY"),
        ("lương 30 triệu", "vi", "30000000", "VND"),
        ("3만 달러", "ko", "30000", "USD"),
        ("월 500만 원", "ko", "5000000", "KRW"),
        ("월 300 이상", "ko", "3000000", "KRW"),
        ("RM4,000", "ms", "4000", "MYR"),
        ("Rp 18 juta", "id", "18000000", "IDR"),
        ("AS$1,100 sebulan", "ms", "1100", "USD"),
        ("เงินเดือน ๓๐,๐๐๐ บาท", "th", "30000", "THB"),
        ("လစာ ၁၅၀၀ ဒေါ်လာ", "my", "1500", "USD"),
        ("ប្រាក់ខែ ១០០០ ដុល្លារ", "km", "1000", "USD"),
        ("SAR 4,110", "en", "4110", "SAR"),
        ("RM 1,360.00", "ms", "1360.00", "MYR"),
        ("P40,000", "en", "40000", "PHP"),
        ("月給3万バーツ", "ja", "30000", "THB"),
    ],
)
def test_wages_are_read_in_every_script_and_currency(
    text: str, language: str, value: str, currency: str
) -> None:
    found = _wages(text, language)
    assert found, text
    written, amount, unit = found[-1]
    assert (amount, unit) == (Decimal(value), currency)
    assert written == written.strip() and written in text


@pytest.mark.parametrize(
    ("text", "language", "value", "currency"),
    [("月薪约一万港元", "zh", "10000", "HKD"), ("月薪两万", "zh", "20000", "CNY"),
     ("salaries above one lakh rupees", "en", "100000", "INR")],
)  # fmt: skip
def test_a_number_written_as_a_word_is_pay_before_a_multiplier(
    text: str, language: str, value: str, currency: str
) -> None:
    assert [(amount, unit) for _, amount, unit in _wages(text, language)] == [
        (Decimal(value), currency)
    ]


def test_a_vague_amount_is_read_at_its_least() -> None:
    found = [(amount, unit) for _, amount, unit in _wages("gaji puluhan juta", "id")]
    assert found == [(Decimal(20_000_000), "IDR")]


def test_hyphens_join_words_in_scripts_written_without_spaces() -> None:
    assert "lure_role" in {r.signal for r in assess("कॉल-सेंटर की नौकरी").reasons}


def test_a_job_abroad_offered_only_through_a_messenger_weighs_more() -> None:
    result = assess("A job in Thailand, message me on Telegram.")
    assert "messenger_abroad" in {r.signal for r in result.reasons}
    assert "messenger_abroad" not in {r.signal for r in assess("Message me on Telegram.").reasons}


def test_a_work_visa_from_the_employer_lowers_the_risk() -> None:
    plain = assess("Waiter in Dubai, visa provided, flight ticket paid.")
    legal = assess("Waiter in Dubai, working visa provided, flight ticket paid.")
    assert "legal_work_visa" in {r.signal for r in legal.reasons}
    assert legal.score < plain.score


def test_a_job_abroad_without_a_written_contract_is_flagged() -> None:
    result = assess("Work abroad, leave on a tourist visa, no contract.")
    assert {"no_contract", "visa_misuse", "transit_lure"} <= {r.signal for r in result.reasons}
    assert result.level != "low"


def test_a_number_word_alone_is_no_pay() -> None:
    assert _wages("one job, two shifts", "en") == []
    assert _wages("一天", "zh") == []


@pytest.mark.parametrize(
    ("text", "signal"),
    [("High-paying IT jobs", "high_pay_promise"), ("Data-entry operator", "high_risk_role"),
     ("high salaries", "high_pay_promise"), ("customer service representatives", "lure_role")],
)  # fmt: skip
def test_phrases_match_hyphenated_and_plural(text: str, signal: str) -> None:
    assert signal in {r.signal for r in assess(text).reasons}


def test_pay_far_above_home_counts_when_the_employer_pays_the_travel() -> None:
    """A wage is bait when the worker is taken away at the employer's cost, whatever the role."""
    result = assess("Dijanjikan gaji 1.500 dolar AS, akomodasi dan tiket pesawat.", language="id")
    assert {"pay_far_above", "kept_high_pay"} <= {r.signal for r in result.reasons}
    assert result.level != "low"
    modest = assess("Gaji 300 dolar AS, akomodasi dan tiket pesawat.", language="id")
    assert "pay_far_above" not in {r.signal for r in modest.reasons}


def test_a_bare_number_is_pay_only_after_a_word_for_pay() -> None:
    assert _wages("2025 年 3 月", "zh") == []
    assert _wages("Room 1500, building 7", "en") == []
    assert _wages("salary 1500", "en") == [("1500", Decimal(1500), "USD")]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999_999_999), st.sampled_from([",", ".", "’"]))
def test_grouped_thousands_read_as_the_whole_number(value: int, separator: str) -> None:
    written = f"{value:,}".replace(",", separator)
    assert parse_number(written) == Decimal(value)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=99))
def test_two_decimals_stay_decimals(whole: int, cents: int) -> None:
    assert parse_number(f"{whole:,}.{cents:02d}") == Decimal(f"{whole}.{cents:02d}")


# --- lures in more languages, and ordinary jobs abroad that must stay low -------------------

LURES = [
    "Tuyển nhân viên, mức lương 1.000 - 2.000 USD/tháng, chỉ cần biết sử dụng máy tính.",
    "누구나 월 2000, 간단한 고객 응대 업무.",
    "Kerja kosong pelayan di pusat karaoke di Bangkok, Thailand. Gaji RM4,000.",
    "ရှမ်းပြည်နယ် တွင် စာရိုက် အလုပ် လစာ ၁၅၀၀ ဒေါ်လာ အတွေ့အကြုံ မလို",
    "ျမဝတီ စာ႐ိုက္ အလုပ္ လစာေကာင္း အေတြ႕အႀကံဳ မလို",
    "ຮັບສະໝັກພະນັກງານ ຕອບແຊັດ ຢູ່ເຂດເສດຖະກິດພິເສດສາມຫລ່ຽມຄຳ ເງິນເດືອນສູງ",
    "Data encoder in Cambodia, P60,000 a month, free flight, message us on Telegram.",
    "কম্বোডিয়ায় কলসেন্টার অপারেটর, আকর্ষণীয় বেতন, অভিজ্ঞতার প্রয়োজন নেই",
    "थाईलैंड में डेटा एंट्री की नौकरी, मोटी सैलरी, टूरिस्ट वीजा",
]


@pytest.mark.parametrize("text", LURES)
def test_lures_in_many_languages_are_flagged(text: str) -> None:
    result = assess(text)
    assert result.level != "low", [r.signal for r in result.reasons]


ORDINARY_ABROAD = [
    "Registered nurses for Saudi Arabia through the DMW, government to government. "
    "SAR 4,110 a month, free food and accommodation, free round trip ticket. "
    "BS Nursing, PRC license and one year of experience; copy of valid passport.",
    "English teacher in Bangkok, 35,000 THB a month. Bachelor's degree and TEFL required.",
    "Program G to G Korea Selatan melalui BP2MI: gaji 20 juta per bulan, ujian EPS-TOPIK.",
    "Software engineer, Phnom Penh office, USD 2,500/month, 5 years of experience, "
    "work permit and flight provided.",
    "Cục Quản lý lao động ngoài nước tuyển điều dưỡng sang Nhật Bản, lương 30 triệu đồng/tháng.",
    "กรมการจัดหางาน รับสมัครพนักงานต้อนรับบนเครื่องบิน ไปทำงานสิงคโปร์ เงินเดือน 1,550 เหรียญสิงคโปร์",
]


@pytest.mark.parametrize("text", ORDINARY_ABROAD)
def test_ordinary_well_paid_jobs_abroad_stay_low(text: str) -> None:
    result = assess(text)
    assert result.level == "low", [(r.signal, r.weight) for r in result.reasons]


def test_a_qualified_job_is_not_called_far_above_pay() -> None:
    result = assess("Casino dealer in Cambodia, USD 1,200/month, 3 years of experience.")
    assert "pay_far_above" not in {r.signal for r in result.reasons}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Việc làm tại Bà Vẹt", "Bà Vẹt"),
        ("妙瓦底招聘", "妙瓦底"),
        ("苗瓦底招聘", "苗瓦底"),
        ("မြဝတီ အလုပ်", "မြဝတီ"),
        ("ျမဝတီ အလုပ္", "ျမဝတီ"),
        ("Bokeo casino", "Bokeo"),
        ("ວຽກຢູ່ບໍ່ແກ້ວ", "ບໍ່ແກ້ວ"),
        ("Shwe Kokko hiring", "Shwe Kokko"),
        ("KK園區招聘", "KK園區"),
        ("Laukkaing job", "Laukkaing"),
        ("เงินดีที่ ปอยเปต", "ปอยเปต"),
        ("Tuyển người sang Sihanoukville", "Sihanoukville"),
    ],
)
def test_compound_places_in_every_script_point_at_their_words(text: str, place: str) -> None:
    reasons = {r.signal: r for r in assess(text).reasons}
    assert "compound_area" in reasons
    assert place in [h.text for h in reasons["compound_area"].hits]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LURES), st.sampled_from(["", "Hello. ", "\n\n", "🙂 "]))
def test_reason_spans_always_point_at_the_text(lure: str, prefix: str) -> None:
    text = prefix + lure
    for reason in assess(text).reasons:
        for hit in reason.hits:
            assert text[hit.start : hit.end] == hit.text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kerja di Kemboja", "Kemboja"),
        ("ကမ္ဘောဒီးယား အလုပ်", "ကမ္ဘောဒီးယား"),
        ("ວຽກ ກຳປູເຈຍ", "ກຳປູເຈຍ"),
        ("মিয়ানমারে চাকরি", "মিয়ানমার"),
        ("कंबोडिया में नौकरी", "कंबोडिया"),
    ],
)
def test_compound_countries_in_every_script(text: str, place: str) -> None:
    reasons = {r.signal: r for r in assess(text).reasons}
    assert place in [h.text for h in reasons["risky_country"].hits]


def test_a_negative_signal_lowers_the_score() -> None:
    plain = assess("Customer service in Cambodia, free accommodation.")
    official = assess("Customer service in Cambodia, free accommodation, through the DMW.")
    assert official.score < plain.score


def _every_phrase() -> list[tuple[str, str, str]]:
    folder = Path(__file__).parents[2] / "src/fraudlink/public/data/jobcheck"
    listed = []
    for path in sorted((folder / "phrases").glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for signal, phrases in data.items():
            if signal != "language":
                listed += [(path.stem, signal, str(p)) for p in phrases]
    places = yaml.safe_load((folder / "places.yaml").read_text("utf-8"))
    listed += [
        ("places", s, str(p))
        for s, groups in places.items()
        for g in groups
        for p in (g["names"] if isinstance(g, dict) else g)
    ]
    return listed


def test_every_listed_phrase_is_found_in_a_text_that_contains_it() -> None:
    """Each word an NGO lists is found, in its own script, framed by other text."""
    rules = load_rules()
    missed = []
    for file, signal, phrase in _every_phrase():
        text = f"... {phrase} ..."
        pattern = rules.patterns[signal]
        if not pattern.search(lower_keep_length(fold(text))):
            missed.append((file, signal, phrase))
    assert missed == []


def test_zawgyi_words_whose_letters_fold_to_digits_still_point_at_the_text() -> None:
    text = "ျမ၀တီ စာ႐ိုက္ အလုပ္ ပတ္စပို႔ ပို႔ေပးပါ"
    reasons = {r.signal: r for r in assess(text).reasons}
    assert [h.text for h in reasons["passport"].hits] == ["ပတ္စပို႔"]
    assert [h.text for h in reasons["high_risk_role"].hits] == ["စာ႐ိုက္"]
    assert [h.text for h in reasons["compound_area"].hits] == ["ျမ၀တီ"]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(_every_phrase()), min_size=1, max_size=6),
    st.sampled_from([" ", ", ", "\n", "。", " and "]),
)
def test_the_trie_finds_what_the_plain_alternation_finds(
    picked: list[tuple[str, str, str]], separator: str
) -> None:
    """The phrases of a signal compiled as a trie match where the naive alternation does."""
    import re

    from fraudlink.public.jobrules import _compile, phrase_pattern

    phrases = [phrase for _, _, phrase in picked]
    text = lower_keep_length(fold(separator.join(phrases)))
    trie = _compile(phrases)
    plain = re.compile("|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len)[::-1]))
    assert {m.start() for m in plain.finditer(text)} <= {m.start() for m in trie.finditer(text)} | {
        m.start()
        for m in plain.finditer(text)
        if any(t.start() < m.start() < t.end() for t in trie.finditer(text))
    }


def test_traditional_chinese_is_read_like_simplified() -> None:
    simplified = {r.signal for r in assess("柬埔寨招聘打字员，无需经验，包机票，月薪2万").reasons}
    traditional = {r.signal for r in assess("柬埔寨招聘打字員，無需經驗，包機票，月薪2萬").reasons}
    assert simplified == traditional
    assert {"no_experience", "travel_paid", "high_risk_role"} <= traditional


def _signals(text: str, **kwargs: str) -> set[str]:
    return {r.signal for r in assess(text, **kwargs).reasons}


def test_a_country_is_no_destination_for_a_reader_who_lives_there() -> None:
    """Bangkok in a Thai advert, or Cambodia for a Cambodian reader, is no job abroad."""
    thai = "รับสมัครพนักงานโรงแรม Bangkok เงินเดือน 20,000 บาท มีที่พัก"
    assert "transit_country" not in _signals(thai)
    assert "transit_country" in _signals("Hotel staff wanted in Bangkok, 20,000 baht a month")
    text = "Customer service job in Cambodia, free accommodation"
    assert "risky_country" in _signals(text, nationality="VN")
    assert "risky_country" not in _signals(text, nationality="KH")
    # the compound towns count for every reader
    assert "compound_area" in _signals("Customer service in Sihanoukville", nationality="KH")


def test_a_bare_dollar_is_the_dollar_of_the_place_the_advert_is_in() -> None:
    """$18,000 in a Hong Kong advert is about USD 2,300, not USD 18,000."""
    hk = "香港酒店招聘客服，無需經驗，月薪$18,000，包食宿。"
    assert "pay_far_above" not in _signals(hk)
    # the same sign in a (Simplified) advert for work in Cambodia is US dollars: bait
    assert "pay_far_above" in _signals("柬埔寨招聘客服，无需经验，月薪$1,800，包机票。")
    # US dollars written outright stay US dollars wherever the advert is
    assert "pay_far_above" in _signals("香港公司招聘客服，無需經驗，月薪18,000美元，包食宿。")
    # a bare 元 in Hong Kong is the Hong Kong dollar too: HKD 100,000 is still bait
    assert "pay_far_above" in _signals("港人被騙到柬埔寨，月薪10萬元，無需經驗，包機票")


def test_a_job_in_a_well_paying_country_is_judged_by_the_wage_there() -> None:
    japan = ("Kerja di Jepang sebagai careworker, tanpa pengalaman, gaji Rp 30 juta per bulan, "
             "tiket pesawat dan akomodasi ditanggung perusahaan.")  # fmt: skip
    assert "pay_far_above" not in _signals(japan)
    assert "pay_far_above" in _signals(japan.replace("Jepang", "Kamboja"))


def test_flight_and_housing_abroad_are_no_lure_outside_compound_countries() -> None:
    """Lawful hotel work in Dubai pays the flight and housing; a tourist visa is the lure."""
    lawful = "Hotel waiter in Dubai: flight ticket provided, free accommodation, 1,800 AED a month."
    assert assess(lawful).level == "low"
    assert "transit_lure" not in _signals(lawful)
    assert "transit_lure" in _signals("Waiter in Dubai, no experience needed, tourist visa.")
    assert "abroad_lure" in _signals("Waiter in Cambodia, flight ticket provided.")


def test_urgent_hiring_and_going_abroad_are_not_easy_money() -> None:
    assert "easy_money" not in _signals("急招20名装配工，月薪6500+绩效")
    assert "easy_money" not in _signals("물류센터 단기 알바 모집")
    found = _signals("Program kerja di luar negeri resmi")
    assert "work_abroad" in found and "easy_money" not in found and "transit_lure" not in found


def test_a_traditional_chinese_advert_prices_in_its_own_dollar_even_for_work_abroad() -> None:
    """Hong Kong papers quote a Cambodian lure's pay in HKD: "$3萬" is HKD 30,000, still bait."""
    pay = load_rules().pay
    assert pay.is_traditional("柬埔寨招聘客服，無需經驗，月薪$3萬")
    assert not pay.is_traditional("柬埔寨招聘客服，无需经验，月薪$3万")
    assert "pay_far_above" in _signals("柬埔寨招聘客服，無需經驗，月薪$3萬，包機票。")
    # Taiwan named: NT$ 30,000 is about USD 930, no longer far above a Taiwanese wage
    assert "pay_far_above" not in _signals("台灣公司招聘客服，無需經驗，月薪$30,000，包食宿。")


def test_a_years_pay_is_divided_by_twelve() -> None:
    """연봉 2,400만 원 is about USD 1,440 a month, not USD 17,000."""
    assert "pay_far_above" not in _signals(
        "고객 상담원 채용: 고졸 이상, 연봉 하위 25% 약 2,400만 원."
    )
    assert "pay_far_above" in _signals("고객 상담원 채용, 경력 무관, 월 2,400만 원.")
    # a year's pay that is bait even a twelfth at a time stays bait
    assert "pay_far_above" in _signals("Typing job in Cambodia, USD 60,000 per year.")


def test_a_fee_the_worker_pays_is_no_wage() -> None:
    fee = (
        "Xuất khẩu lao động Đài Loan: chi phí 5.000-7.000 USD/người, thu nhập khoảng 17 triệu đồng."
    )
    assert "pay_far_above" not in _signals(fee)
    assert "pay_far_above" in _signals("Làm đánh máy ở Campuchia, lương 5.000 USD/tháng.")
    # a fee in its own clause leaves the wage in the next one to be judged
    both = _signals("Typing job in Cambodia. Processing fee 200 USD, salary 3,000 USD a month.")
    assert "pay_far_above" in both


def test_a_range_of_pay_is_read_at_its_middle() -> None:
    """Rp 25-55 juta promises about Rp 40 juta; its top is what a few may earn."""
    rules = load_rules()
    (wage,) = rules.pay.wages("gaji rp 25-55 juta per bulan", "id")
    assert wage.value == 40_000_000 and wage.currency == "IDR"
    japan = "Magang di Jepang, tanpa pengalaman, gaji Rp 25-55 juta per bulan."
    assert "pay_far_above" not in _signals(japan)
    assert "pay_far_above" in _signals("Jobs in Cambodia paying 20,000 – 30,000 baht per month.")


@pytest.mark.parametrize(
    "text",
    [
        "Handsome paying jobs in Cambodia.",
        "Mataas na suweldong trabaho sa Cambodia.",
        "高薪工作招聘：無需學歷、無需經驗便能揾大錢。",
        "થાઈલેન્ડ થઈને લાઓસમાં નોકરી, ગોલ્ડન ટ્રાયેન્ગલ સ્પેશિયલ ઇકોનોમિક ઝોનમાં કોલ-સેન્ટર.",
    ],
)
def test_pay_boasts_and_places_are_read_in_each_language(text: str) -> None:
    assert assess(text).level != "low"


def test_a_boast_of_high_pay_needs_work_that_asks_for_nothing() -> None:
    boast = _signals("高薪招聘，无需经验，轻松月入过万")
    assert "boasted_pay_no_skill" in boast
    assert "boasted_pay_no_skill" not in _signals("高薪招聘工程师，5年以上经验")
    # an amount already judged far above the wage is not counted twice
    both = _signals("Typing job, no experience, high salary of USD 5,000 a month")
    assert "unskilled_high_pay" in both and "boasted_pay_no_skill" not in both


def test_a_work_visa_named_only_to_be_denied_lowers_nothing() -> None:
    """A tourist visa "not a work visa" is the lure, not the lawful way."""
    denied = _signals("Kerja di Kamboja, berangkat pakai visa turis, bukan visa kerja.")
    assert "legal_work_visa" not in denied and "visa_misuse" in denied
    assert "legal_work_visa" in _signals("Kerja di Jepang, visa kerja disediakan perusahaan.")


#: the role and the place alone: customer service in Thailand reaches medium on its own
ROLE_AND_PLACE = "Customer service representative in Bangkok, Thailand."
EMPLOYER = (
    " Siam Contact Co., Ltd., BOI-promoted. Social security and paid leave."
    " Walk-in interview at our office."
)


def test_a_real_employers_details_lower_a_role_and_place_alarm() -> None:
    bare = assess(ROLE_AND_PLACE)
    assert bare.level == "medium"
    result = assess(ROLE_AND_PLACE + EMPLOYER)
    signals = {r.signal for r in result.reasons}
    assert {"employer_identified", "formal_terms", "formal_application"} <= signals
    assert result.level == "low" and result.score < bare.score
    text = ROLE_AND_PLACE + EMPLOYER
    for reason in result.reasons:
        for hit in reason.hits:
            assert text[hit.start : hit.end] == hit.text


@pytest.mark.parametrize(
    "strong",
    [
        " Contact us only on Telegram @siam_hr.",
        " Hand your passport to our agent on arrival.",
        " Work in Shwe Kokko.",
        " USD 3,000 a month, no experience needed.",
        " You will enter on a tourist visa.",
    ],
)
def test_a_strong_lure_sign_cancels_every_counter_signal(strong: str) -> None:
    result = assess(ROLE_AND_PLACE + EMPLOYER + strong)
    signals = {r.signal for r in result.reasons}
    assert not signals & {"employer_identified", "formal_terms", "formal_application"}
    assert result.level != "low"


def test_counter_signals_name_only_declared_signals(tmp_path: Path) -> None:
    import fraudlink.public

    data = tmp_path / "rules"
    copytree(Path(fraudlink.public.__file__).parent / "data" / "jobcheck", data)
    declared = data / "signals.yaml"
    listed = yaml.safe_load(declared.read_text("utf-8"))
    listed["counter_signals"]["not_with"].append(["no_such_signal"])
    declared.write_text(yaml.safe_dump(listed, allow_unicode=True), "utf-8")
    with pytest.raises(ConfigError, match="no_such_signal"):
        load_rules(data)


def test_a_japanese_call_centre_in_bangkok_at_local_pay_stays_low() -> None:
    role = "バンコクのコールセンタースタッフ募集。"
    text = role + "月給3万バーツ、経験やシフトにより月6万バーツも可能。"
    result = assess(text)
    assert "pay_far_above" not in {r.signal for r in result.reasons}
    assert result.level == "low"
    lure = "カンボジアのコールセンターで月収50万円。未経験OK、渡航費支給。"
    assert assess(lure).level == "high"


def test_a_work_permit_lowers_nothing_beside_a_held_passport() -> None:
    text = "Customer service in Bangkok, work permit provided."
    assert "legal_work_visa" in {r.signal for r in assess(text).reasons}
    held = assess(text + " Hand your passport to our agent on arrival.")
    assert "legal_work_visa" not in {r.signal for r in held.reasons}


@pytest.mark.parametrize(
    ("text", "role"),
    [("Typing job, work from home.", "high_risk_role"),
     ("Customer service representative, work from home.", "lure_role"),
     ("Tuyển nhân viên nhập liệu, làm tại văn phòng.", "high_risk_role"),
     ("招聘和外国人聊天的工作人员。", "high_risk_role"),
     ("Lowongan admin kripto.", "high_risk_role"),
     ("Tuyển nhân viên chăm sóc khách hàng.", "lure_role")],
)  # fmt: skip
def test_high_risk_roles_are_told_apart_from_ordinary_customer_service(
    text: str, role: str
) -> None:
    found = _signals(text)
    assert role in found
    assert ({"high_risk_role", "lure_role"} - {role}).isdisjoint(found)
    assert assess(text).level == "low"  # a role alone, at home, is no alarm


def test_a_high_risk_role_abroad_outweighs_a_real_employers_details() -> None:
    # a company name and social insurance lower a role-and-place score, but not typing or
    # crypto work abroad: that is the work the compounds force on people
    abroad = "Typing job in Cambodia at ABC Co., Ltd. with social insurance and paid leave."
    found = assess(abroad)
    assert {"high_risk_role", "risky_country"} <= {r.signal for r in found.reasons}
    assert not {"employer_identified", "formal_terms"} & {r.signal for r in found.reasons}
    assert found.level != "low"
    home = assess("Typing job at ABC Co., Ltd. with social insurance and paid leave.")
    assert "employer_identified" in {r.signal for r in home.reasons}
    assert home.level == "low"


@pytest.mark.parametrize(
    "text",
    ["Customer service job: fly to Bangkok, then by road to the border, everything arranged.",
     "Lowongan customer service, berangkat lewat Thailand dengan visa turis.",
     "Tuyển nhân viên chăm sóc khách hàng, bay sang Thái Lan rồi đi đường bộ.",
     "招聘客服，先飞曼谷再走陆路，包食宿。",
     "고객 상담 업무, 태국을 거쳐 육로로 이동, 숙식 제공.",
     "Trabaho bilang customer service, dadaan sa Thailand, libre ang pagkain at tirahan."],
)  # fmt: skip
def test_a_route_through_a_third_country_flags_a_lure(text: str) -> None:
    found = assess(text)
    assert "third_country_route" in {r.signal for r in found.reasons}
    assert found.level != "low"


def test_a_route_alone_is_no_alarm() -> None:
    found = assess("Our office team will travel via Bangkok to the regional conference.")
    assert "third_country_route" in {r.signal for r in found.reasons}
    assert found.level == "low"


def test_an_advance_fee_for_a_job_abroad_is_flagged_but_no_fee_is_not() -> None:
    lure = assess("Farm work abroad in Australia. Pay the processing fee of 2,000 dollars first.")
    assert {"upfront_fee", "fee_abroad"} <= {r.signal for r in lure.reasons}
    assert lure.level != "low"
    for honest in ("Nurses for Saudi Arabia, work abroad, no placement fee.",
                   "Walang placement fee, trabaho abroad sa Saudi Arabia.",
                   "出国务工，免中介费。"):  # fmt: skip
        assert "upfront_fee" not in _signals(honest)


def test_a_negation_names_only_declared_signals(tmp_path: Path) -> None:
    import fraudlink.public

    data = tmp_path / "rules"
    copytree(Path(fraudlink.public.__file__).parent / "data" / "jobcheck", data)
    declared = data / "signals.yaml"
    listed = yaml.safe_load(declared.read_text("utf-8"))
    listed["negated"]["signals"].append("no_such_signal")
    declared.write_text(yaml.safe_dump(listed, allow_unicode=True), "utf-8")
    with pytest.raises(ConfigError, match="no_such_signal"):
        load_rules(data)
