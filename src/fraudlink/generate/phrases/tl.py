"""Tagalog (Taglish, as Filipino victims often write)."""

from fraudlink.generate.phrases import Phrasebook

BOOK = Phrasebook(
    language="tl",
    intros={
        "investment": (
            "Nakita ko sa Facebook ang isang investment na may malaking tubo.",
            "May nag-message sa akin na mag-invest daw ako sa crypto.",
        ),
        "romance": (
            "May nakilala akong lalaki sa dating app, sabi niya nagtatrabaho siya sa abroad.",
            "Ang ka-chat ko sa online ay humingi ng pera para sa padala niyang package.",
        ),
        "job_task": (
            "Inalok ako ng online job, magla-like lang daw ng mga video at may komisyon.",
            "May nag-alok sa akin ng trabaho sa Cambodia na malaki raw ang sahod.",
        ),
        "loan": (
            "Nag-apply ako ng online loan at pinagbayad muna ako ng processing fee.",
            "Sabi ng lending agent, naka-freeze daw ang account ko kaya kailangan kong magbayad.",
        ),
        "impersonation": (
            "May tumawag na nagpakilalang pulis at sinabing may kaso raw ako.",
            "May nag-text na taga-bangko raw sila at hiningi ang OTP ko.",
        ),
        "gambling": (
            "Naglaro ako sa online casino pero hindi ko ma-withdraw ang pera ko.",
            "May nag-invite sa akin sa online sabong, sigurado raw ang panalo.",
        ),
    },
    contact=(
        "Kinontak nila ako sa {x}.",
        "Pinag-message niya ako sa {x}.",
    ),
    phone=(
        "Ang number ng scammer ay {x}.",
        "Tinawagan ako ng {x}.",
    ),
    site=("Pinag-register ako sa {x}.", "Ang website ay {x}."),
    payment=("Nagpadala ako ng pera sa {x}.", "Nag-deposit ako sa {x}."),
    bank=("Nag-transfer ako sa {bank} account {x}.", "Account: {bank} {x}."),
    loss=("Nawalan ako ng {amount}.", "Kabuuang nawala: {amount}."),
    person=("Nagpakilala siyang {name}.", "Ang pangalan sa account ay {name}."),
    hub=(
        "Una kong nakita ang ad sa {x}.",
        "Official channel daw sila ng {x}.",
        "Tumawag ako sa {x} para mag-verify.",
    ),
    closing=("Hindi ko na sila ma-contact ngayon.", "Sana po matulungan ninyo ako.", ""),
    labels={
        "telegram": ("Telegram ", ""),
        "phone": ("", "cp # "),
        "crypto_wallet:trx": ("USDT wallet ",),
        "crypto_wallet:eth": ("wallet ",),
        "crypto_wallet:btc": ("BTC address ",),
        "payment_card": ("card ",),
        "iban": ("IBAN ",),
        "email": ("email ",),
    },
)
