"""Indonesian."""

from fraudlink.generate.phrases import Phrasebook

BOOK = Phrasebook(
    language="id",
    intros={
        "investment": (
            "Saya melihat iklan investasi saham di Instagram lalu dimasukkan ke grup Telegram.",
            "Pelaku mengaku sebagai mentor trading kripto dan menjanjikan keuntungan harian.",
        ),
        "romance": (
            "Saya kenal seseorang lewat aplikasi kencan yang mengaku tentara di luar negeri.",
            "Pacar online saya bilang mengirim paket dan saya harus bayar bea cukai.",
        ),
        "job_task": (
            "Saya ditawari kerja paruh waktu: like video dan dapat komisi.",
            "Saya direkrut untuk bekerja di Kamboja dengan gaji besar, ternyata penipuan.",
        ),
        "loan": (
            "Saya mengajukan pinjol dan diminta membayar biaya admin dulu.",
            "Petugas pinjaman bilang dana sudah cair tapi rekening saya salah dan harus bayar.",
        ),
        "impersonation": (
            "Ada yang menelepon mengaku petugas bank dan meminta kode OTP.",
            "Pelaku mengaku dari kepolisian dan bilang rekening saya diblokir.",
        ),
        "gambling": (
            "Saya main judi online dan saldo tidak bisa ditarik.",
            "Saya diajak main slot online yang katanya pasti menang.",
        ),
    },
    contact=(
        "Pelaku menghubungi saya lewat {x}.",
        "Saya disuruh chat ke {x}.",
    ),
    phone=(
        "Nomor pelaku {x}.",
        "Saya ditelepon dari nomor {x}.",
    ),
    site=("Saya disuruh daftar di {x}.", "Link situsnya {x}."),
    payment=("Saya transfer ke {x}.", "Dana dikirim ke {x}."),
    bank=("Transfer ke rekening {bank} {x}.", "No. rek {x} a.n. ({bank})."),
    loss=("Total kerugian {amount}.", "Saya rugi {amount}."),
    person=("Pelaku mengaku bernama {name}.", "Atas nama {name}."),
    hub=(
        "Awalnya saya lihat iklan di {x}.",
        "Mereka mengaku dari kanal resmi {x}.",
        "Saya sudah telepon {x} untuk cek.",
    ),
    closing=("Sekarang nomor saya diblokir.", "Mohon dibantu pak.", ""),
    labels={
        "telegram": ("Telegram ", ""),
        "phone": ("", "telp ", "no HP "),  # "WA" would make it a WhatsApp account
        "crypto_wallet:trx": ("wallet USDT ",),
        "crypto_wallet:eth": ("wallet ",),
        "crypto_wallet:btc": ("alamat BTC ",),
        "payment_card": ("kartu ",),
        "iban": ("IBAN ",),
        "email": ("email ",),
    },
)
