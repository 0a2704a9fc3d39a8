"""Settings of the public server, read from the environment once and passed into the app."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class PublicSettings(BaseSettings):
    """``FRAUDLINK_PUBLIC_*`` knobs, plus ``FRAUDLINK_REDIS_URL`` shared with other services."""

    model_config = SettingsConfigDict(env_prefix="FRAUDLINK_PUBLIC_", frozen=True, extra="ignore")

    index: Path = Field(default=Path("public-index.sqlite"), description="published index file")
    disputes: Path | None = Field(
        default=None, description="dispute spool (SQLite); default: next to the index"
    )
    redis_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("FRAUDLINK_REDIS_URL", "redis_url"),
        description="rate limits shared between processes when set",
    )
    rate_limit: int = Field(default=60, ge=1, description="checks per client per window")
    rate_window: int = Field(default=60, ge=1, description="seconds per rate-limit window")
    log_key: str | None = Field(
        default=None, description="key of the hash logged instead of checked values"
    )
    trust_forwarded: bool = Field(
        default=False, description="take the client from X-Forwarded-For (behind a proxy)"
    )

    def dispute_path(self) -> Path:
        return self.disputes or self.index.with_name(self.index.stem + ".disputes.sqlite")
