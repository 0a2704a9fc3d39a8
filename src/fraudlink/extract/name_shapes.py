"""Whether a word found where a name should be has the shape of a name.

A label or a title says *where* a name stands, not that one does: ``사기범 번호는`` is
"the scammer's number", ``과장님이`` is "the manager (subject)". A person found in a
narrative becomes an entity only when the word also looks like a name of its script:

- Korean: a surname from the list below (``김``, ``남궁``…) and a given name of one or two
  syllables, after particles and honorifics are stripped, and not a common noun that
  happens to start with a surname syllable (``이번``, ``정도``, ``조사``);
- Chinese: a surname of the Hundred Family Surnames (simplified and traditional forms of
  the frequent ones below) and one or two more characters;
- other scripts: left to the label rules, except a blanked-out name (``A/N xxx``).

A name that fails is kept as a low-confidence mention (``valid=False``): it never links
reports and is not written as a person.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


KOREAN_SURNAMES = _words(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 "
    "전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 "
    "진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 "
    "길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 은 편 용 "
    "예 경 봉 사 부 태 피 나 라 림 로 리 륙 견 남궁 황보 제갈 선우 "
    "독고 사공 서문"
)
#: common nouns and adverbs that start with a surname syllable and stand before titles
KOREAN_STOPWORDS = _words(
    "이번 이제 이미 이거 이건 이분 이쪽 지금 정말 정도 정보 정식 조금 "
    "조사 한번 한편 오늘 전에 전화 주로 우리 최근 최대 최소 고객 신규 "
    "임시 안내 현재 강력 장기 성실 문의 구매 유선 송금 하나 신한 국민 "
    "기존 기타 공문 공무원 금융 금감원 수사 감사 심사 결제 영업 전산 담당 "
    "관리 본인 본점 지점 부서 채권 회수 대출 여신 수신 상담 총무 인사 "
    "기획 재무 회계 영상 수석 선임 책임 전담 사무 민원 차장 부장 과장 "
    "대리 팀장 실장 검사 경찰 형사 주임 계장 사원 직원 은행 서울 경기 "
    "지능 범죄 첨단 사기 피해 피해자 명의 통장 계좌 번호 사건 사람 친구 "
    "남성 여성 아저씨 아주머니 선생 선생님 고객님 저희 제가 그분 한분 모든 "
    "정상 정확 확인 처리 진행 연락 통화 문자 소송 법원 지검 중앙 대검 "
    "검찰 경찰청 수사관 수사팀 팀원 원래 원금 연체 연락처 소득 신용 신분 "
    "신분증 이자 이체 입금 출금 인출 안전 보안 보호 보험 장부 성함 성명 "
    "이름 나이 주소 김치 구청 시청 동사무소 마음 말씨 솜씨"
)
#: titles and honorifics written after a Korean name; ``씨``/``님`` may be glued to it
KOREAN_TITLES = (
    "수사관", "검사", "검사님", "형사", "경위", "경감", "경사", "대리", "과장", "팀장", "계장",
    "주임", "차장", "부장", "실장", "사무관", "주무관", "변호사", "법무사", "소장", "사장",
    "이사", "상무", "전무", "원장", "씨", "님",
)  # fmt: skip

HAN_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩"
    "韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鐘谭"
    "譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧"
    "毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏"
    "倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕"
    "畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾"
    "尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜"
    "冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎"
    "甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺洪"
)
HAN_COMPOUND_SURNAMES = _words(
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 "
    "公孫 慕容 令狐 长孙 長孫 宇文 司徒 夏侯 轩辕 軒轅 端木 南宫 南宮"
)


#: endings of verbs and sentence forms, never of a given name (``하시고``, ``해요``)
_VERB_ENDINGS = ("고", "요", "다", "며", "면")


def korean_name(word: str) -> bool:
    """A surname and a given name of one or two syllables, not a common noun."""
    if word in KOREAN_STOPWORDS or not 2 <= len(word) <= 4 or word.endswith(_VERB_ENDINGS):
        return False
    if word[:2] in KOREAN_SURNAMES and len(word) >= 3:
        return True
    return word[0] in KOREAN_SURNAMES and len(word) <= 3


def han_name(word: str) -> bool:
    """A surname of the Hundred Family Surnames and one or two given-name characters."""
    if word[:2] in HAN_COMPOUND_SURNAMES:
        return 3 <= len(word) <= 4
    return word[:1] in HAN_SURNAMES and 2 <= len(word) <= 3


def masked(word: str) -> bool:
    """``xxx``, ``XXXX``, ``***``: a name blanked out by whoever published the text."""
    letters = [char for char in word.casefold() if not char.isspace()]
    return len(letters) >= 2 and len(set(letters)) == 1


def plausible(word: str, script: str) -> bool:
    """Whether a name found in ``script`` has its script's shape (others: trusted)."""
    if script == "hangul":
        return korean_name(word)
    if script == "han":
        return han_name(word)
    return not any(masked(token) for token in word.split())
