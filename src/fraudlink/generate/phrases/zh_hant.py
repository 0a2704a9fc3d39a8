"""Traditional Chinese (Taiwan and Hong Kong)."""

from fraudlink.generate.phrases import Phrasebook

BOOK = Phrasebook(
    language="zh-Hant",
    intros={
        "investment": (
            "我在臉書看到投資廣告，加入LINE群組後有「老師」教我買股票。",
            "對方說是投顧公司的助理，推薦我在平台上操作虛擬貨幣。",
            "網友介紹一個保證獲利的投資平台，說每天收益百分之五。",
        ),
        "romance": (
            "我在交友軟體認識一名自稱在香港工作的男子，交往後他說要帶我投資。",
            "對方說自己是外派的工程師，聊了一個多月後開始跟我借錢。",
        ),
        "job_task": (
            "我在網路上看到在家兼職的廣告，做任務就有佣金。",
            "有人傳訊息說應徵海外高薪工作，包機票包住宿。",
        ),
        "loan": (
            "我在網路上申請小額貸款，對方說要先繳保證金。",
            "貸款專員說我的帳戶填錯，要先匯款解凍。",
        ),
        "impersonation": (
            "有人來電自稱是檢察官，說我涉及洗錢案，要監管我的帳戶。",
            "對方假冒電商客服，說我誤設成分期付款，要操作解除。",
        ),
        "gambling": (
            "朋友拉我進一個線上博弈網站，說有穩贏的方法。",
            "我在博弈平台儲值後一直無法出金。",
        ),
    },
    contact=(
        "對方的聯絡方式是{x}。",
        "之後他要我加{x}，",
        "我都是透過{x}跟他聯絡，",
    ),
    phone=(
        "客服電話{x}。",
        "對方用{x}打給我。",
    ),
    site=("要我到{x}註冊帳號。", "平台網址：{x}，", "他傳了一個連結{x}給我。"),
    payment=("對方要我把錢匯到{x}。", "我分好幾次轉到{x}，", "儲值地址是{x}。"),
    bank=("收款帳戶：{bank}，帳號{x}。", "我用網銀轉帳到{bank} {x}，"),
    loss=("總共被騙{amount}。", "損失金額{amount}。", "前後匯了{amount}，"),
    person=("對方自稱{name}。", "負責人叫{name}，", "戶名：{name}。"),
    hub=("我一開始是在{x}看到的。", "他們還假冒{x}的名義。", "我有打{x}查證，"),
    closing=("現在已經聯絡不上對方。", "請警方協助追查。", "後來無法出金才知道被騙。", ""),
    labels={
        "telegram": ("Telegram：", "TG ", ""),
        "wechat": ("微信號：", "WeChat："),
        "line": ("LINE ID：", "賴：", "LINE："),
        "phone": ("電話", "手機", ""),
        "crypto_wallet:trx": ("USDT(TRC20)地址：", "錢包地址"),
        "crypto_wallet:eth": ("ERC20地址：", "錢包"),
        "crypto_wallet:btc": ("比特幣地址：", "錢包"),
        "payment_card": ("信用卡號",),
        "iban": ("IBAN：",),
        "email": ("信箱",),
    },
    joiner="",
)
