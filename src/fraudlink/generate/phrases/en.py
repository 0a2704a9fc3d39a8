"""English (US, GB, AU, SG, PH, HK, MY and a few Cambodian victims)."""

from fraudlink.generate.phrases import Phrasebook

BOOK = Phrasebook(
    language="en",
    intros={
        "investment": (
            "I saw an ad for a crypto trading course on social media and joined their group.",
            "A woman I met online introduced me to a trading platform with guaranteed returns.",
            "Someone claiming to be a financial advisor offered pre-IPO shares.",
        ),
        "romance": (
            "I met a man on a dating app who said he was an engineer working offshore.",
            "We chatted every day for two months, then she asked me to help with a business deal.",
        ),
        "job_task": (
            "I was offered a remote job rating hotels for commission.",
            "A recruiter promised a high-paying customer service job in Cambodia.",
        ),
        "loan": (
            "I applied for a quick loan online and was told to pay an insurance fee first.",
            "A lender said my loan was approved but my account was frozen until I paid a fee.",
        ),
        "impersonation": (
            "A caller said he was from the police and my account was used for money laundering.",
            "I got a text from a delivery company saying my parcel was held at customs.",
            "Someone posing as my bank's fraud team told me to move my savings to a safe account.",
        ),
        "gambling": (
            "I played on an online casino and could not withdraw my winnings.",
            "A man in a betting group said he had a sure-win system for football matches.",
        ),
    },
    contact=(
        "They contacted me via {x}.",
        "He asked me to message {x}.",
        "I kept talking to {x}.",
    ),
    phone=(
        "The scammer's number is {x}.",
        "I got a call from {x}.",
    ),
    site=("I signed up on {x}.", "The website was {x}.", "They sent me the link {x}."),
    payment=("I sent the money to {x}.", "I deposited to {x}.", "The deposit address was {x}."),
    bank=(
        "I transferred to {bank} account {x}.",
        "Account details: {bank}, {x}.",
        "Paid into {x} at {bank}.",
    ),
    loss=("In total I lost {amount}.", "Total loss: {amount}.", "I sent {amount} altogether."),
    person=(
        "He said his name was {name}.",
        "The account holder is {name}.",
        "The recruiter called herself {name}.",
    ),
    hub=(
        "I first saw the ad on {x}.",
        "They claimed to be the official {x} channel.",
        "I called {x} to check.",
    ),
    closing=(
        "Now they have blocked me.",
        "Please help me get my money back.",
        "When I tried to withdraw they asked for more fees.",
        "",
    ),
    labels={
        "telegram": ("Telegram ", "TG ", ""),
        "wechat": ("WeChat ID: ", "WeChat "),
        "line": ("LINE ID: ",),
        "phone": ("", "phone ", "tel. "),
        "crypto_wallet:trx": ("USDT (TRC20) address ", "wallet ", ""),
        "crypto_wallet:eth": ("ETH wallet ", "wallet ", ""),
        "crypto_wallet:btc": ("bitcoin address ", "BTC wallet ", ""),
        "payment_card": ("card ", "card number "),
        "iban": ("IBAN ",),
        "email": ("email ", ""),
    },
)
