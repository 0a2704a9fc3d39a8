"""Person record linkage between agencies, with Splink on DuckDB or Spark.

Persons that several agencies recorded — in different scripts, with typos,
with or without documents — are scored pairwise by a Splink model over
precomputed cross-script name keys, birth date, nationality, documents and
phones, then clustered so that no cluster ever crosses a human "not the
same" judgement. Judgements are stored, reversible, and applied on every run.
"""

from fraudlink.link.persons.clustering import Edge, cluster
from fraudlink.link.persons.engines import ENGINES, EngineUnavailable
from fraudlink.link.persons.judgements import Judgement
from fraudlink.link.persons.model import LINK_THRESHOLD
from fraudlink.link.persons.records import PersonRecord, load_persons
from fraudlink.link.persons.resolve import Resolution, resolve_records
from fraudlink.link.persons.service import Cluster, RunSummary, clusters, judge, resolve

__all__ = [
    "ENGINES",
    "LINK_THRESHOLD",
    "Cluster",
    "Edge",
    "EngineUnavailable",
    "Judgement",
    "PersonRecord",
    "Resolution",
    "RunSummary",
    "cluster",
    "clusters",
    "judge",
    "load_persons",
    "resolve",
    "resolve_records",
]
