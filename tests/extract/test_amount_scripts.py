"""The dollar and the rupee written as words in Arabic script and Devanagari: read as
their Latin names are (the dollar is the region's, the rupee the region's rupee)."""

from __future__ import annotations

from fraudlink.extract import Context, extract


def _money(text: str, context: Context) -> set[tuple[str, str]]:
    return {
        (m.value, m.attributes.get("currency", ""))
        for m in extract(text, context)
        if m.kind == "amount"
    }


def test_dollar_and_rupee_words_in_other_scripts() -> None:
    assert _money("حول ٥٠٠ دولار", Context(region="AE", language="ar")) == {("500", "USD")}
    assert _money("أرسل 1,500 دولار أمريكي", Context(region="SA", language="ar")) == {
        ("1500", "USD")
    }
    assert _money("۵۰۰ دلار", Context(region="IR", language="fa")) == {("500", "USD")}
    assert _money("5000 روپے بھیجیں", Context(region="PK", language="ur")) == {("5000", "PKR")}
    assert _money("10,000 रुपये भेजो", Context(region="IN", language="hi")) == {("10000", "INR")}
    assert _money("٥٠٠ دولار", Context(region="SG", language="ar")) == {("500", "SGD")}


def test_a_dollar_word_without_a_number_next_to_it_is_no_amount() -> None:
    assert _money("بالدولار 500", Context(region="AE", language="ar")) == set()
