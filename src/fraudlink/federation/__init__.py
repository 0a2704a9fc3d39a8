"""Federation: agency servers deliver packages to each other, with signed requests and receipts.

Importing this package registers its tables on the shared metadata.
"""

from fraudlink.federation import tables as tables
