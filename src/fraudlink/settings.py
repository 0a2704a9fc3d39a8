"""Settings are read from the environment once and passed in, never patched as globals."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DB = "fraudlink.db"


class Settings(BaseSettings):
    """Every knob fraudlink reads from ``FRAUDLINK_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="FRAUDLINK_", frozen=True, extra="ignore")

    db: str = Field(default=DEFAULT_DB, description="SQLite path or SQLAlchemy URL")
    auto_migrate: bool = Field(
        default=True, description="upgrade the schema on first use instead of refusing"
    )
    batch_size: int = Field(default=2000, ge=1, description="reports committed per transaction")
    max_narrative: int = Field(
        default=4 << 20,
        ge=1000,
        description="longest narrative (characters) a report may carry; a longer one is a "
        "bad line, read in bounded memory",
    )
    agency: str | None = Field(default=None, description="code of the agency running this copy")
    anchor_dir: Path | None = Field(
        default=None, description="folder for signed audit anchors written as the log grows"
    )
    anchor_every: int = Field(default=1000, ge=1, description="audit entries between anchors")
    max_body_bytes: int = Field(
        default=32 << 20, ge=1024, description="largest request body the server accepts"
    )
    rate_limit: int = Field(
        default=1200, ge=1, description="requests per minute one API token may make"
    )
    serve_jobs: bool | None = Field(
        default=None,
        description="run jobs inside the server (default: on SQLite yes, on PostgreSQL "
        "`fraudlink worker` does)",
    )
    public_disputes: Path | None = Field(
        default=None, description="the public server's dispute spool, reviewed through the API"
    )
    package_dir: Path = Field(
        default=Path("packages"), description="folder where the server writes outbound packages"
    )
    evidence_dir: Path = Field(
        default=Path("evidence"), description="folder where opened packages' evidence is stored"
    )

    def with_db(self, db: str | Path | None) -> Settings:
        """Return a copy pointing at ``db`` when the user named one on the command line."""
        if db is None:
            return self
        return self.model_copy(update={"db": str(db)})
