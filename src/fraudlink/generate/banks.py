"""Banks that mule accounts are opened at, per country, with their account-number shapes.

Names and BICs are those of real retail banks (public data); the account
numbers the generator puts at them are random. Grouping patterns mimic how
people copy account numbers from a banking app (Korean dashes, Thai 3-1-5-1).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bank:
    name: str
    bic: str
    lengths: tuple[int, ...]
    pattern: tuple[int, ...] = ()

    def group(self, digits: str) -> str:
        """``digits`` split by ``pattern`` with dashes; the rest stays in the last group."""
        if not self.pattern or sum(self.pattern) >= len(digits) + 1:
            return digits
        parts, start = [], 0
        for size in self.pattern:
            parts.append(digits[start : start + size])
            start += size
        parts.append(digits[start:])
        return "-".join(parts)


_BANKS: dict[str, tuple[Bank, ...]] = {
    "CN": (
        Bank("中国工商银行", "ICBKCNBJ", (19,)),
        Bank("中国银行", "BKCHCNBJ", (19,)),
        Bank("中国建设银行", "PCBCCNBJ", (19,)),
        Bank("中国农业银行", "ABOCCNBJ", (19,)),
        Bank("招商银行", "CMBCCNBS", (16,)),
    ),
    "TW": (
        Bank("中國信託", "CTCBTWTP", (12, 14)),
        Bank("國泰世華銀行", "UWCBTWTP", (12,)),
        Bank("臺灣銀行", "BKTWTWTP", (12,)),
    ),
    "HK": (
        Bank("HSBC Hong Kong", "HSBCHKHH", (12,), (3, 6)),
        Bank("中國銀行(香港)", "BKCHHKHH", (12,), (3, 3)),
        Bank("恒生銀行", "HASEHKHH", (12,), (3, 6)),
    ),
    "KR": (
        Bank("국민은행", "CZNBKRSE", (14,), (6, 2)),
        Bank("신한은행", "SHBKKRSE", (12,), (3, 3)),
        Bank("우리은행", "HVBKKRSE", (13,), (4, 3)),
        Bank("하나은행", "KOEXKRSE", (14,), (3, 6)),
    ),
    "VN": (
        Bank("Vietcombank", "BFTVVNVX", (13,)),
        Bank("Techcombank", "VTCBVNVX", (14,)),
        Bank("BIDV", "BIDVVNVX", (14,)),
    ),
    "TH": (
        Bank("ธนาคารกสิกรไทย", "KASITHBK", (10,), (3, 1, 5)),
        Bank("ธนาคารกรุงเทพ", "BKKBTHBK", (10,), (3, 1, 5)),
        Bank("ธนาคารไทยพาณิชย์", "SICOTHBK", (10,), (3, 1, 5)),
        Bank("ธนาคารกรุงไทย", "KRTHTHBK", (10,), (3, 1, 5)),
    ),
    "KH": (
        Bank("ACLEDA Bank", "ACLBKHPP", (17,)),
        Bank("ABA Bank", "ABAAKHPP", (9,), (3, 3)),
        Bank("Canadia Bank", "CADIKHPP", (12,)),
    ),
    "MY": (
        Bank("Maybank", "MBBEMYKL", (12,)),
        Bank("CIMB Bank", "CIBBMYKL", (10,)),
        Bank("Public Bank", "PBBEMYKL", (10,)),
    ),
    "ID": (
        Bank("BCA", "CENAIDJA", (10,)),
        Bank("BRI", "BRINIDJA", (15,)),
        Bank("Bank Mandiri", "BMRIIDJA", (13,)),
    ),
    "JP": (
        Bank("三菱UFJ銀行", "BOTKJPJT", (7,)),
        Bank("三井住友銀行", "SMBCJPJT", (7,)),
        Bank("ゆうちょ銀行", "JPPSJPJ1", (8,)),
    ),
    "SG": (
        Bank("DBS Bank", "DBSSSGSG", (10,), (3, 6)),
        Bank("OCBC Bank", "OCBCSGSG", (10,), (3, 6)),
        Bank("UOB", "UOVBSGSG", (10,), (3, 3, 3)),
    ),
    "PH": (
        Bank("BDO Unibank", "BNORPHMM", (10, 12)),
        Bank("BPI", "BOPIPHMM", (10,)),
        Bank("Metrobank", "MBTCPHMM", (13,)),
    ),
    "US": (
        Bank("JPMorgan Chase", "CHASUS33", (9, 10)),
        Bank("Bank of America", "BOFAUS3N", (12,)),
        Bank("Wells Fargo", "WFBIUS6S", (10,)),
    ),
    "AU": (
        Bank("Commonwealth Bank", "CTBAAU2S", (8, 9)),
        Bank("Westpac", "WPACAU2S", (6, 9)),
        Bank("ANZ", "ANZBAU3M", (9,)),
    ),
    "GB": (
        Bank("Barclays", "BARCGB22", (8,)),
        Bank("HSBC UK", "HBUKGB4B", (8,)),
    ),
    "MM": (
        Bank("KBZ Bank", "KBZBMMMY", (17,)),
        Bank("AYA Bank", "AYABMMMY", (16,)),
    ),
    "LA": (Bank("BCEL", "COEBLALA", (18,)),),
}


def banks_of(country: str) -> tuple[Bank, ...]:
    """The banks of ``country``; Cambodian banks where we list none (they hold many mules)."""
    return _BANKS.get(country, _BANKS["KH"])


def has_banks(country: str) -> bool:
    return country in _BANKS
