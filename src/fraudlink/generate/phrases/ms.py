"""Malay."""

from fraudlink.generate.phrases import Phrasebook

BOOK = Phrasebook(
    language="ms",
    intros={
        "investment": (
            "Saya nampak iklan pelaburan saham di Facebook dan dimasukkan ke kumpulan WhatsApp.",
            "Seorang yang mengaku pakar kewangan menawarkan pelaburan kripto berpulangan tinggi.",
        ),
        "romance": (
            "Saya kenal seorang lelaki di aplikasi temu janji yang kononnya kerja di luar negara.",
            "Teman wanita dalam talian minta saya bayar kos penghantaran hadiah dari luar negara.",
        ),
        "job_task": (
            "Saya memohon kerja sambilan dalam talian, buat tugasan untuk dapat komisen.",
            "Ejen menawarkan kerja bergaji tinggi di Kemboja.",
        ),
        "loan": (
            "Saya memohon pinjaman peribadi dan diminta bayar yuran guaman dahulu.",
            "Ejen pinjaman kata permohonan saya lulus tetapi perlu bayar cukai dahulu.",
        ),
        "impersonation": (
            "Pemanggil mengaku pegawai polis dan kata akaun saya terlibat pengubahan wang haram.",
            "Pemanggil mengaku dari Bank Negara dan minta saya pindahkan wang.",
        ),
        "gambling": (
            "Saya bermain judi dalam talian dan tidak dapat keluarkan wang.",
            "Saya dijemput ke kumpulan Telegram yang kononnya ada formula menang judi bola.",
        ),
    },
    contact=(
        "Suspek menghubungi saya melalui {x}.",
        "Dia minta saya tambah {x}.",
    ),
    phone=(
        "Nombor telefon suspek ialah {x}.",
        "Saya menerima panggilan daripada {x}.",
    ),
    site=("Saya diminta mendaftar di laman {x}.", "Pautan yang diberi: {x}."),
    payment=("Saya telah memindahkan wang ke {x}.", "Deposit dibuat ke {x}."),
    bank=("Wang dipindahkan ke akaun {bank} {x}.", "No. akaun: {x} ({bank})."),
    loss=("Jumlah kerugian {amount}.", "Saya kerugian sebanyak {amount}."),
    person=("Suspek menggunakan nama {name}.", "Nama pemegang akaun: {name}."),
    hub=(
        "Saya mula-mula nampak iklan di {x}.",
        "Mereka mengaku saluran rasmi {x}.",
        "Saya telah menelefon {x} untuk semak.",
    ),
    closing=("Sekarang suspek tidak dapat dihubungi.", "Mohon pihak polis ambil tindakan.", ""),
    labels={
        "telegram": ("Telegram ", ""),
        "phone": ("", "no. tel "),
        "crypto_wallet:trx": ("dompet USDT ",),
        "crypto_wallet:eth": ("dompet ETH ",),
        "crypto_wallet:btc": ("alamat Bitcoin ",),
        "payment_card": ("kad ",),
        "iban": ("IBAN ",),
        "email": ("e-mel ",),
        "wechat": ("WeChat ID: ",),
    },
)
