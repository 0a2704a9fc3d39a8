"""Names across scripts: compare persons and organisations written in Han, Hangul, Khmer,
Thai, Vietnamese and Latin, and derive blocking keys for screening.

    >>> compare("陈志", "Chen Zhi").match
    True
    >>> compare("Hun Manet", "Hun Many").match
    False
"""

from fraudlink.link.names.keys import name_keys
from fraudlink.link.names.matcher import MATCH_THRESHOLD, Feature, NameMatch, compare

__all__ = ["MATCH_THRESHOLD", "Feature", "NameMatch", "compare", "name_keys"]
