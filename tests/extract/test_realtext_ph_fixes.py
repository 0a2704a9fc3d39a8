"""Fixes found on the fourth real-text gathering (``tests/data/realtext/sms-unseen-4.jsonl``,
Philippine SMS): the peso written as a letter, hosts spaced or bracketed to dodge
filters, numbered messenger labels. Each is the general rule with its limits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fraudlink.extract import Context, extract

PH = Context(region="PH", language="en")
TL = Context(region="PH", language="tl")
GB = Context(region="GB", language="en")
ID = Context(region="ID", language="id")


def _found(text: str, context: Context, kind: str) -> set[str]:
    return {m.value for m in extract(text, context) if m.valid and m.kind == kind}


def _pesos(text: str, context: Context) -> set[str]:
    return {
        m.value
        for m in extract(text, context)
        if m.kind == "amount" and m.attributes.get("currency") == "PHP"
    }


# --- the peso written as the letter P ------------------------------------------------


def test_peso_letter_before_or_after_the_number() -> None:
    assert _pesos("[LUCK9] P100 level up bonus, claim now.", PH) == {"100"}
    assert _pesos("REFER & EARN 400P for you and a friend", PH) == {"400"}
    assert _pesos("makakuha ng 177p at 100% deposit bonus", TL) == {"177"}
    assert _pesos("Get your welcome bonus up to P2,000 at T1BET", PH) == {"2000"}
    assert _pesos("kun1n @ng P 1999 ngay0n", TL) == {"1999"}
    assert _pesos("your ac count has a cash deposit of 199 P, please log in", PH) == {"199"}
    assert _pesos("Sugarplay: Grab P2,000 + 3% bonus. Join the P2,500 Giveaway", PH) == {
        "2000",
        "2500",
    }


def test_peso_letter_with_a_multiplier() -> None:
    assert _pesos("win P21 Million Jackpot", PH) == {"21000000"}
    assert _pesos("a penalty of up to P300k or prison", PH) == {"300000"}
    assert _pesos("win a Motorcycle and upto 300kPHP!", PH) == {"300000"}
    assert _pesos("DAILY PRIZES OF UP TO php88k!", PH) == {"88000"}
    assert _pesos("Play and win up to Php. 88,000 Sign up now", PH) == {"88000"}


def test_peso_letter_not_in_ids_initials_or_words() -> None:
    assert _pesos("@ 2520 P. GUEVARRA ST. STA. CRUZ MANILA", PH) == set()  # an initial
    assert _pesos("Register to get your bonus! JegP613+", PH) == set()
    assert _pesos("3% sa bawat deposito Qq5p654rsq8=.", TL) == set()
    assert _pesos("WIN P1,OOO,OOO NOW!", PH) == set()  # letters for zeros: no number
    assert _pesos("Sumali na! p777a15.site", TL) == set()
    assert _pesos("P2P lending and the 4P's program", PH) == set()
    assert _pesos("meet at 10:00 P.M. or 8p.m.", PH) == set()
    assert _pesos("as the report says (p. 23)", PH) == set()  # a page
    assert _pesos("Room 3P, 5th floor; results 1P 2P 3P", PH) == set()  # labels
    assert _pesos("Section 3 p 12 and Section 3 P 12", PH) == set()  # page references


def test_peso_letter_only_where_the_peso_is_at_home() -> None:
    assert _pesos("Get 40p off and P100 now", GB) == set()  # pence and a page or a part
    assert _pesos("hadiah P100 dan 500P", ID) == set()


@settings(deadline=None)
@given(value=st.integers(1, 999_999_999), glued_after=st.booleans(), grouped=st.booleans())
def test_any_peso_letter_amount_reads_back(value: int, glued_after: bool, grouped: bool) -> None:
    if glued_after and value < 10:
        value += 10  # one digit and a letter after it is a label (``3P``)
    number = f"{value:,}" if grouped else str(value)
    written = f"{number}P" if glued_after else f"P{number}"
    assert _pesos(f"Claim your {written} bonus today!", PH) == {str(value)}
    assert _pesos(f"Claim your {written} bonus today!", GB) == set()


# --- hosts broken to dodge filters ---------------------------------------------------


def test_host_with_a_spaced_or_bracketed_ending() -> None:
    assert _found("Win up to 88k cash, plus 100 FREE COINS! Sbet14 . com", PH, "domain") == {
        "sbet14.com"
    }
    assert _found("1% DEP0SIT BONUS ON GCASH. sbetdito . (com)", PH, "domain") == {"sbetdito.com"}
    assert _found("Magrehister ngayon! winningplus. (top)", TL, "domain") == {"winningplus.top"}
    assert _found("sign up now & play t1phnew.  c o m", PH, "domain") == {"t1phnew.com"}
    assert _found("Christmas Raffle here @W+ wplus777.(com)", PH, "domain") == {"wplus777.com"}
    assert _found("Get 8888 bonus here at w8bonu. com Sign up now!", PH, "domain") == {"w8bonu.com"}


def test_spaced_dot_in_prose_is_no_host() -> None:
    assert _found("Meet me at 5pm. Com and see", PH, "domain") == set()
    assert _found("Meet me at 5pm. com", PH, "domain") == set()  # a time, not a name
    assert _found("We sell B2B. Net profit rose", PH, "domain") == set()
    assert _found("He came 1st. com", PH, "domain") == set()
    assert _found("Meet at Gate B2. today we fly", PH, "domain") == set()
    assert _found("Tested for Covid19. me and my family", PH, "domain") == set()
    # a plain word before a bracketed ending may be the second half of a split name
    assert _found("Sign up now!  jackpot cityph. (xyz)", PH, "domain") == set()


# --- numbered messenger labels -------------------------------------------------------


def test_numbered_whatsapp_labels_give_each_account() -> None:
    text = "trading tutor!/WhatsApp1 +639851908574 WhatsApp2 +639851908571"
    assert _found(text, TL, "whatsapp") == {"+639851908574", "+639851908571"}


def test_a_word_glued_to_a_messenger_name_is_no_label() -> None:
    assert _found("whatsapp5x +639851908574", TL, "whatsapp") == set()
