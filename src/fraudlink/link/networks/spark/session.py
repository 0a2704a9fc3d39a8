"""A Spark session for the link job, and the database it reads over JDBC.

The job reads the live database over JDBC rather than an export: nothing to
keep in step, and the drivers install offline from Debian packages
(``libpostgresql-jdbc-java``, ``libxerial-sqlite-jdbc-java``) or come with
``spark-submit --jars`` on a cluster.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from fraudlink.errors import ConfigError

#: where Debian's packages put the JDBC drivers, per SQLAlchemy backend
DEBIAN_JARS = {
    "postgresql": Path("/usr/share/java/postgresql.jar"),
    "sqlite": Path("/usr/share/java/sqlite-jdbc.jar"),
}
DRIVERS = {"postgresql": "org.postgresql.Driver", "sqlite": "org.sqlite.JDBC"}
PACKAGES = {"postgresql": "libpostgresql-jdbc-java", "sqlite": "libxerial-sqlite-jdbc-java"}
#: the sqlite driver's native library, as Debian's libxerial-sqlite-jdbc-jni installs it
DEBIAN_JNI = Path("/usr/lib/x86_64-linux-gnu/jni")


class SparkUnavailable(ConfigError):
    title = "Spark engine unavailable"


@dataclass(frozen=True, slots=True)
class Jdbc:
    """A JDBC URL, its connection properties and the jar holding its driver (if found)."""

    backend: str
    url: str
    properties: dict[str, str]
    jar: Path | None


def jdbc_source(url: URL) -> Jdbc:
    """The JDBC form of a SQLAlchemy URL (``postgresql+psycopg://…`` or ``sqlite:///…``)."""
    backend = url.get_backend_name()
    if backend not in DRIVERS:
        raise SparkUnavailable(f"The spark engine reads PostgreSQL or SQLite, not {backend}.")
    jar = DEBIAN_JARS[backend] if DEBIAN_JARS[backend].exists() else None
    if backend == "sqlite":
        path = Path(url.database or "").resolve()
        return Jdbc(backend, f"jdbc:sqlite:{path}", {"driver": DRIVERS[backend]}, jar)
    host, port = url.host or "127.0.0.1", url.port or 5432
    properties = {"driver": DRIVERS[backend], "user": url.username or "postgres",
                  "reWriteBatchedInserts": "true"}  # fmt: skip
    if url.password:
        properties["password"] = str(url.password)
    return Jdbc(backend, f"jdbc:postgresql://{host}:{port}/{url.database}", properties, jar)


def spark_session(master: str | None, source: Jdbc, app: str = "fraudlink-link") -> Any:
    """A session on ``master`` (or the one ``spark-submit`` configured), with the JDBC driver."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise SparkUnavailable(
            "The spark engine needs pyspark; run `pip install 'fraudlink[spark]'`."
        ) from error
    if shutil.which("java") is None:
        raise SparkUnavailable("The spark engine needs Java 17 or newer on PATH; install it.")
    builder = SparkSession.builder.appName(app)
    if "PYSPARK_GATEWAY_PORT" in os.environ and master is None:
        # under spark-submit: its --master, --jars and memory settings stand
        return builder.getOrCreate()
    master = master or "local[2]"
    builder = builder.master(master)
    if master.startswith("local"):
        builder = builder.config("spark.sql.shuffle.partitions", "4")
        # the tasks run in the driver's JVM: Spark's 1 GiB default spilled and then ran out
        # of heap in the sort of a 10M-report run; a cluster sets its own through spark-submit
        memory = os.environ.get("FRAUDLINK_SPARK_MEMORY", "4g")
        builder = builder.config("spark.driver.memory", memory)
        # local workers run this very interpreter, so they import this fraudlink
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if source.jar is None:
        raise SparkUnavailable(
            f"The spark engine needs the {source.backend} JDBC driver; run "
            f"`apt-get install {PACKAGES[source.backend]}` or pass its jar to "
            "spark-submit --jars."
        )
    jars = [str(jar) for jar in DEBIAN_JARS.values() if jar.exists()]
    # Splink's similarity functions too: a later person resolution in this process gets
    # this very session from getOrCreate, and a session cannot take a jar once started
    from splink.backends.spark import similarity_jar_location

    jars.append(similarity_jar_location())
    builder = builder.config("spark.jars", ",".join(jars))
    if DEBIAN_JNI.exists():
        option = f"-Djava.library.path={DEBIAN_JNI}"
        builder = builder.config("spark.driver.extraJavaOptions", option)
    return (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.adaptive.enabled", "true")
        .getOrCreate()
    )
