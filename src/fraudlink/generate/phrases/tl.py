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
        ),
        "job_task": (
            "Inalok ako ng online job, magla-like lang daw ng mga video at may komisyon.",
        ),
        "loan": ("Nag-apply ako ng online loan at pinagbayad muna ako ng processing fee.",),
        "impersonation": ("May tumawag na nagpakilalang pulis at sinabing may kaso raw ako.",),
        "gambling": ("Naglaro ako sa online casino pero hindi ko ma-withdraw ang pera ko.",),
    },
    contact=(
        "Kinontak nila ako sa {x}.",
        "Ang number ng scammer ay {x}.",
        "Pinag-message niya ako sa {x}.",
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
