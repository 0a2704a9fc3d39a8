"""Name parts per origin, each with the romanisations people actually write.

Chinese parts: (simplified, traditional, pinyin, Cantonese).
Korean parts: (Hangul, Revised Romanization, common spelling).
Khmer parts: (Khmer, UNGEGN, common spelling).
Thai parts: (Thai, RTGS, common spelling).
Japanese parts: (kanji, Hepburn with macrons, plain ASCII).
"""

from __future__ import annotations

ZH_SURNAMES: tuple[tuple[str, str, str, str], ...] = (
    ("陈", "陳", "Chen", "Chan"), ("林", "林", "Lin", "Lam"), ("黄", "黃", "Huang", "Wong"),
    ("李", "李", "Li", "Lee"), ("张", "張", "Zhang", "Cheung"), ("王", "王", "Wang", "Wong"),
    ("刘", "劉", "Liu", "Lau"), ("杨", "楊", "Yang", "Yeung"), ("吴", "吳", "Wu", "Ng"),
    ("郑", "鄭", "Zheng", "Cheng"), ("周", "周", "Zhou", "Chow"), ("徐", "徐", "Xu", "Tsui"),
    ("孙", "孫", "Sun", "Suen"), ("马", "馬", "Ma", "Ma"), ("朱", "朱", "Zhu", "Chu"),
    ("胡", "胡", "Hu", "Wu"), ("郭", "郭", "Guo", "Kwok"), ("何", "何", "He", "Ho"),
    ("高", "高", "Gao", "Ko"), ("罗", "羅", "Luo", "Law"), ("梁", "梁", "Liang", "Leung"),
    ("谢", "謝", "Xie", "Tse"), ("宋", "宋", "Song", "Sung"), ("邓", "鄧", "Deng", "Tang"),
    ("曾", "曾", "Zeng", "Tsang"), ("彭", "彭", "Peng", "Pang"), ("蔡", "蔡", "Cai", "Choi"),
    ("潘", "潘", "Pan", "Poon"), ("赵", "趙", "Zhao", "Chiu"), ("冯", "馮", "Feng", "Fung"),
    ("于", "于", "Yu", "Yu"), ("董", "董", "Dong", "Tung"), ("萧", "蕭", "Xiao", "Siu"),
    ("叶", "葉", "Ye", "Yip"), ("钟", "鍾", "Zhong", "Chung"), ("魏", "魏", "Wei", "Ngai"),
    ("汪", "汪", "Wang", "Wong"), ("田", "田", "Tian", "Tin"), ("方", "方", "Fang", "Fong"),
    ("余", "余", "Yu", "Yu"), ("苏", "蘇", "Su", "So"), ("卢", "盧", "Lu", "Lo"),
)  # fmt: skip

ZH_GIVEN: tuple[tuple[str, str, str, str], ...] = (
    ("志", "志", "Zhi", "Chi"), ("伟", "偉", "Wei", "Wai"), ("明", "明", "Ming", "Ming"),
    ("华", "華", "Hua", "Wah"), ("建", "建", "Jian", "Kin"), ("国", "國", "Guo", "Kwok"),
    ("军", "軍", "Jun", "Kwan"), ("强", "強", "Qiang", "Keung"), ("文", "文", "Wen", "Man"),
    ("杰", "傑", "Jie", "Kit"), ("俊", "俊", "Jun", "Chun"), ("家", "家", "Jia", "Ka"),
    ("豪", "豪", "Hao", "Ho"), ("龙", "龍", "Long", "Lung"), ("辉", "輝", "Hui", "Fai"),
    ("德", "德", "De", "Tak"), ("海", "海", "Hai", "Hoi"), ("平", "平", "Ping", "Ping"),
    ("东", "東", "Dong", "Tung"), ("新", "新", "Xin", "San"), ("勇", "勇", "Yong", "Yung"),
    ("毅", "毅", "Yi", "Ngai"), ("宏", "宏", "Hong", "Wang"), ("浩", "浩", "Hao", "Ho"),
    ("宇", "宇", "Yu", "Yu"), ("涛", "濤", "Tao", "To"), ("斌", "斌", "Bin", "Pan"),
    ("鹏", "鵬", "Peng", "Pang"), ("飞", "飛", "Fei", "Fei"), ("芳", "芳", "Fang", "Fong"),
    ("丽", "麗", "Li", "Lai"), ("静", "靜", "Jing", "Ching"), ("敏", "敏", "Min", "Man"),
    ("燕", "燕", "Yan", "Yin"), ("玲", "玲", "Ling", "Ling"), ("婷", "婷", "Ting", "Ting"),
    ("雪", "雪", "Xue", "Suet"), ("梅", "梅", "Mei", "Mui"), ("红", "紅", "Hong", "Hung"),
    ("霞", "霞", "Xia", "Ha"), ("娜", "娜", "Na", "Na"), ("慧", "慧", "Hui", "Wai"),
    ("佳", "佳", "Jia", "Kai"), ("欣", "欣", "Xin", "Yan"), ("秀", "秀", "Xiu", "Sau"),
    ("英", "英", "Ying", "Ying"), ("智", "智", "Zhi", "Chi"), ("成", "成", "Cheng", "Shing"),
    ("荣", "榮", "Rong", "Wing"), ("金", "金", "Jin", "Kam"),
)  # fmt: skip

KO_SURNAMES: tuple[tuple[str, str, str], ...] = (
    ("김", "Gim", "Kim"), ("이", "I", "Lee"), ("박", "Bak", "Park"), ("최", "Choe", "Choi"),
    ("정", "Jeong", "Jung"), ("강", "Gang", "Kang"), ("조", "Jo", "Cho"), ("윤", "Yun", "Yoon"),
    ("장", "Jang", "Chang"), ("임", "Im", "Lim"), ("한", "Han", "Han"), ("오", "O", "Oh"),
    ("서", "Seo", "Suh"), ("신", "Sin", "Shin"), ("권", "Gwon", "Kwon"), ("황", "Hwang", "Hwang"),
    ("안", "An", "Ahn"), ("송", "Song", "Song"), ("류", "Ryu", "Yoo"), ("전", "Jeon", "Jun"),
    ("홍", "Hong", "Hong"), ("고", "Go", "Ko"), ("문", "Mun", "Moon"), ("양", "Yang", "Yang"),
    ("손", "Son", "Sohn"), ("배", "Bae", "Bae"), ("백", "Baek", "Paek"), ("허", "Heo", "Huh"),
    ("유", "Yu", "Yoo"), ("남", "Nam", "Nam"), ("심", "Sim", "Shim"), ("노", "No", "Roh"),
    ("하", "Ha", "Ha"), ("곽", "Gwak", "Kwak"), ("성", "Seong", "Sung"), ("차", "Cha", "Cha"),
    ("주", "Ju", "Joo"), ("우", "U", "Woo"), ("구", "Gu", "Koo"), ("민", "Min", "Min"),
)  # fmt: skip

KO_SYLLABLES: tuple[tuple[str, str, str], ...] = (
    ("민", "min", "min"), ("준", "jun", "joon"), ("서", "seo", "seo"), ("지", "ji", "ji"),
    ("현", "hyeon", "hyun"), ("우", "u", "woo"), ("영", "yeong", "young"), ("수", "su", "soo"),
    ("정", "jeong", "jung"), ("욱", "uk", "wook"), ("호", "ho", "ho"), ("성", "seong", "sung"),
    ("훈", "hun", "hoon"), ("진", "jin", "jin"), ("희", "hui", "hee"), ("은", "eun", "eun"),
    ("혜", "hye", "hye"), ("연", "yeon", "yeon"), ("동", "dong", "dong"), ("석", "seok", "suk"),
    ("철", "cheol", "chul"), ("재", "jae", "jae"), ("태", "tae", "tae"), ("상", "sang", "sang"),
    ("기", "gi", "ki"), ("경", "gyeong", "kyung"), ("숙", "suk", "sook"), ("미", "mi", "mi"),
    ("하", "ha", "ha"), ("윤", "yun", "yoon"), ("승", "seung", "seung"), ("도", "do", "do"),
    ("주", "ju", "joo"), ("원", "won", "won"), ("용", "yong", "yong"), ("환", "hwan", "hwan"),
    ("혁", "hyeok", "hyuk"), ("빈", "bin", "bin"), ("아", "a", "ah"), ("선", "seon", "sun"),
    ("규", "gyu", "kyu"), ("범", "beom", "bum"),
)  # fmt: skip

KM_SURNAMES: tuple[tuple[str, str, str], ...] = (
    ("ហ៊ុន", "Hŭn", "Hun"), ("សុខ", "Sokh", "Sok"), ("ចាន់", "Chan", "Chan"),
    ("សេង", "Séng", "Seng"), ("លី", "Li", "Ly"), ("ហេង", "Héng", "Heng"),
    ("គឹម", "Kœm", "Kim"), ("ម៉ៅ", "Mau", "Mao"), ("ឈឹម", "Chhœm", "Chhim"),
    ("កែវ", "Kêv", "Keo"), ("ឡុង", "Long", "Long"), ("ទេព", "Tép", "Tep"),
    ("ជា", "Chéa", "Chea"), ("មាស", "Méas", "Meas"), ("ពេជ្រ", "Péchr", "Pich"),
    ("ខៀវ", "Khiev", "Khieu"), ("ទូច", "Tuch", "Touch"), ("យឹម", "Yœm", "Yim"),
    ("ប៊ុន", "Bŭn", "Bun"), ("អ៊ុក", "Ŭk", "Ouk"), ("នួន", "Nuon", "Nuon"),
    ("សៅ", "Sau", "Sao"), ("ពៅ", "Pŏu", "Pov"), ("ឯក", "Êk", "Ek"),
)  # fmt: skip

KM_GIVEN: tuple[tuple[str, str, str], ...] = (
    ("សុភា", "Sophéa", "Sophea"), ("ដារ៉ា", "Dara", "Dara"), ("សុវណ្ណ", "Sovônn", "Sovann"),
    ("ចន្ថា", "Chantha", "Chantha"), ("សុផល", "Sophâl", "Sophal"), ("បុប្ផា", "Bŏppha", "Bopha"),
    ("វណ្ណា", "Vônna", "Vanna"), ("សុខា", "Sokha", "Sokha"), ("សុភាព", "Sophéap", "Sopheap"),
    ("សំណាង", "Sâmnang", "Samnang"), ("ម៉ាលី", "Mali", "Maly"), ("ធីតា", "Thita", "Thida"),
    ("រតនា", "Rôtânéa", "Ratana"), ("វិចិត្រ", "Vichĕtr", "Vichet"), ("ពិសិដ្ឋ", "Pisĕdth", "Piseth"),
    ("សម្បត្តិ", "Sâmbâttĕ", "Sambath"), ("ចិន្តា", "Chĕnta", "Chenda"), ("មករា", "Môkâra", "Makara"),
    ("វិសាល", "Visal", "Visal"), ("សុធា", "Sothéa", "Sothea"), ("ណារី", "Nari", "Nary"),
    ("ស្រីមុំ", "Srei Mŏm", "Srey Mom"), ("បញ្ញា", "Bânhnha", "Panha"), ("រិទ្ធី", "Rĭtthi", "Rithy"),
)  # fmt: skip

TH_SURNAMES: tuple[tuple[str, str, str], ...] = (
    ("แสงทอง", "Saengthong", "Sangthong"), ("ศรีสุข", "Sisuk", "Srisuk"),
    ("บุญมา", "Bunma", "Boonma"), ("วงศ์สวัสดิ์", "Wongsawat", "Wongsawad"),
    ("ทองดี", "Thongdi", "Thongdee"), ("สุขสวัสดิ์", "Suksawat", "Suksawad"),
    ("ใจดี", "Chaidi", "Jaidee"), ("รัตนพันธ์", "Rattanaphan", "Rattanapan"),
    ("แก้วมณี", "Kaeomani", "Kaewmanee"), ("ชัยมงคล", "Chaimongkhon", "Chaimongkol"),
    ("พรหมมา", "Phromma", "Promma"), ("มีสุข", "Misuk", "Meesuk"),
    ("สมบูรณ์", "Sombun", "Somboon"), ("เพชรรัตน์", "Phetcharat", "Petcharat"),
    ("ศรีวงศ์", "Siwong", "Sriwong"), ("บุญเรือง", "Bunrueang", "Boonruang"),
    ("จันทร์แก้ว", "Chankaeo", "Jankaew"), ("ทองคำ", "Thongkham", "Thongkam"),
)  # fmt: skip

TH_GIVEN: tuple[tuple[str, str, str], ...] = (
    ("สมชาย", "Somchai", "Somchai"), ("สมศักดิ์", "Somsak", "Somsak"),
    ("ประยุทธ์", "Prayut", "Prayuth"), ("วิชัย", "Wichai", "Vichai"),
    ("สุรชัย", "Surachai", "Surachai"), ("อนันต์", "Anan", "Anant"),
    ("ธนากร", "Thanakon", "Thanakorn"), ("ณัฐพล", "Natthaphon", "Nattapol"),
    ("กิตติ", "Kitti", "Kitti"), ("สุดา", "Suda", "Suda"), ("มาลี", "Mali", "Malee"),
    ("วรรณา", "Wanna", "Wanna"), ("นภา", "Napha", "Napa"), ("อรุณี", "Aruni", "Arunee"),
    ("ศิริพร", "Siriphon", "Siriporn"), ("พิมพ์", "Phim", "Pim"),
    ("จันทร์เพ็ญ", "Chanphen", "Janpen"), ("ชัยวัฒน์", "Chaiwat", "Chaiwat"),
    ("พงศกร", "Phongsakon", "Pongsakorn"), ("ปิยะ", "Piya", "Piya"),
)  # fmt: skip

VI_SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Mai", "Trương", "Lâm", "Tô", "Đoàn", "Cao", "Lưu",
)  # fmt: skip
VI_MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Hoài", "Thành")
VI_GIVEN = (
    "Anh", "Hùng", "Dũng", "Tuấn", "Hương", "Lan", "Linh", "Hải", "Nam", "Phương", "Thảo",
    "Trang", "Long", "Quang", "Sơn", "Hà", "Mai", "Khánh", "Thắng", "Cường", "Hiếu", "Tâm",
    "Vy", "Hòa", "Đạt", "Bảo", "Duy", "Phúc", "Yến", "Nhung",
)  # fmt: skip

JA_SURNAMES: tuple[tuple[str, str, str], ...] = (
    ("佐藤", "Satō", "Sato"), ("鈴木", "Suzuki", "Suzuki"), ("高橋", "Takahashi", "Takahashi"),
    ("田中", "Tanaka", "Tanaka"), ("伊藤", "Itō", "Ito"), ("渡辺", "Watanabe", "Watanabe"),
    ("山本", "Yamamoto", "Yamamoto"), ("中村", "Nakamura", "Nakamura"),
    ("小林", "Kobayashi", "Kobayashi"), ("加藤", "Katō", "Kato"), ("吉田", "Yoshida", "Yoshida"),
    ("山田", "Yamada", "Yamada"), ("佐々木", "Sasaki", "Sasaki"),
    ("松本", "Matsumoto", "Matsumoto"),
    ("井上", "Inoue", "Inoue"), ("木村", "Kimura", "Kimura"), ("清水", "Shimizu", "Shimizu"),
    ("斎藤", "Saitō", "Saito"),
)  # fmt: skip
JA_GIVEN: tuple[tuple[str, str, str], ...] = (
    ("翔太", "Shōta", "Shota"), ("大輔", "Daisuke", "Daisuke"), ("直樹", "Naoki", "Naoki"),
    ("拓也", "Takuya", "Takuya"), ("陽子", "Yōko", "Yoko"), ("美咲", "Misaki", "Misaki"),
    ("恵", "Megumi", "Megumi"), ("由美", "Yumi", "Yumi"), ("和也", "Kazuya", "Kazuya"),
    ("誠", "Makoto", "Makoto"), ("裕子", "Yūko", "Yuko"), ("浩", "Hiroshi", "Hiroshi"),
    ("健太", "Kenta", "Kenta"), ("真由美", "Mayumi", "Mayumi"), ("隆", "Takashi", "Takashi"),
)  # fmt: skip

MS_MALE = ("Ahmad", "Muhammad", "Mohd", "Faizal", "Hafiz", "Azman", "Ismail", "Razak", "Amir")
MS_FEMALE = ("Nur Aisyah", "Siti", "Nurul", "Farah", "Aminah", "Zarina", "Aisyah", "Liyana")
MS_FATHERS = (
    "Abdullah", "Ismail", "Hassan", "Ibrahim", "Yusof", "Rahman", "Osman", "Ali", "Hamid", "Kassim",
)  # fmt: skip

ID_FIRST = (
    "Budi", "Agus", "Dewi", "Siti", "Rina", "Andi", "Eko", "Wahyu", "Sri", "Putri", "Rizky",
    "Dian", "Fajar", "Indah", "Hendra", "Yusuf", "Ayu", "Bayu", "Nanda", "Teguh",
)  # fmt: skip
ID_LAST = (
    "Santoso", "Setiawan", "Lestari", "Rahmawati", "Wijaya", "Saputra", "Hidayat", "Kurniawan",
    "Pratama", "Nugroho", "Susanto", "Siregar", "Simanjuntak", "Hasibuan", "Gunawan", "Halim",
)  # fmt: skip

PH_FIRST = (
    "Juan", "Jose", "Maria", "Mark Anthony", "Rhea Mae", "John Paul", "Kristine", "Jericho",
    "Angelica", "Ramon", "Jerome", "Joy", "Marites", "Rodel", "Liza", "Carlo",
)  # fmt: skip
PH_LAST = (
    "dela Cruz", "Santos", "Reyes", "Garcia", "Bautista", "Mendoza", "Villanueva", "Ramos",
    "Aquino", "Castillo", "Fernandez", "Navarro", "Domingo", "Soriano", "Manalo", "Pascual",
)  # fmt: skip

EN_FIRST = (
    "James", "John", "Robert", "Michael", "David", "Sarah", "Emily", "Jessica", "Linda",
    "Karen", "Daniel", "Thomas", "Olivia", "Chloe", "Jack", "Oliver", "Margaret", "Susan",
    "Peter", "Helen", "Mark", "Paul", "Grace", "Ryan",
)  # fmt: skip
EN_LAST = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
    "Anderson", "Thomas", "Moore", "Martin", "Thompson", "White", "Harris", "Clarke", "Walker",
    "Wright", "Robinson", "Hughes", "Kelly", "Murphy", "Evans",
)  # fmt: skip
