"""Vietnamese."""

from fraudlink.generate.phrases import Phrasebook

BOOK = Phrasebook(
    language="vi",
    intros={
        "investment": (
            "Tôi thấy quảng cáo đầu tư chứng khoán trên Facebook và được mời vào nhóm Zalo.",
            "Một người tự xưng là chuyên gia tài chính hướng dẫn tôi đầu tư tiền ảo.",
            "Họ giới thiệu sàn giao dịch ngoại hối cam kết lợi nhuận 30% mỗi tháng.",
        ),
        "romance": (
            "Tôi quen một người đàn ông qua mạng, anh ta nói đang làm việc ở nước ngoài.",
            "Người yêu qua mạng nói gửi quà về Việt Nam và bảo tôi đóng phí hải quan.",
        ),
        "job_task": (
            "Tôi nhận việc làm online, làm nhiệm vụ đặt đơn hàng để nhận hoa hồng.",
            "Người quen giới thiệu sang Campuchia làm việc lương cao nhưng bị lừa.",
        ),
        "loan": (
            "Tôi vay tiền qua ứng dụng, họ bắt nộp phí bảo hiểm khoản vay.",
            "Họ nói hồ sơ vay bị sai và phải chuyển tiền để mở khóa.",
        ),
        "impersonation": (
            "Có người gọi điện tự xưng là công an, nói tôi liên quan đến đường dây rửa tiền.",
            "Họ giả danh nhân viên ngân hàng và yêu cầu tôi cung cấp mã OTP.",
        ),
        "gambling": (
            "Tôi chơi cá cược trên một trang web và không rút được tiền.",
            "Họ rủ tôi vào nhóm soi kèo bóng đá.",
        ),
    },
    contact=(
        "Họ liên lạc với tôi qua {x}.",
        "Sau đó họ bảo tôi kết bạn {x}.",
        "Tôi đã nhắn tin với {x}.",
    ),
    phone=(
        "Số điện thoại của đối tượng là {x}.",
        "Tôi nhận cuộc gọi từ số {x}.",
    ),
    site=("Họ gửi đường link {x} để đăng ký.", "Trang web là {x}.", "Tôi tải ứng dụng từ {x}."),
    payment=(
        "Tôi đã chuyển tiền vào {x}.",
        "Họ yêu cầu nạp tiền vào {x}.",
        "Địa chỉ ví nhận tiền: {x}.",
    ),
    bank=(
        "Tôi chuyển khoản vào tài khoản {bank} số {x}.",
        "Số tài khoản: {x} ({bank}).",
        "STK {x} ngân hàng {bank}.",
    ),
    loss=(
        "Tổng số tiền bị lừa là {amount}.",
        "Tôi đã mất {amount}.",
        "Tổng cộng tôi chuyển {amount}.",
    ),
    person=(
        "Đối tượng tự xưng tên là {name}.",
        "Chủ tài khoản tên {name}.",
        "Người tuyển dụng tên {name}.",
    ),
    hub=("Ban đầu tôi thấy quảng cáo trên {x}.", "Họ mạo danh {x}.", "Tôi đã gọi {x} để hỏi."),
    closing=(
        "Bây giờ tôi không liên lạc được với họ.",
        "Đề nghị cơ quan công an giúp đỡ.",
        "Khi muốn rút tiền họ bắt nộp thêm thuế.",
        "",
    ),
    labels={
        "telegram": ("Telegram ", ""),
        "phone": ("", "số ", "SĐT "),
        "crypto_wallet:trx": ("ví USDT ", "ví TRC20 "),
        "crypto_wallet:eth": ("ví ETH ", ""),
        "crypto_wallet:btc": ("ví Bitcoin ", ""),
        "payment_card": ("thẻ ",),
        "iban": ("IBAN ",),
        "email": ("email ",),
        "line": ("LINE ",),
    },
)
