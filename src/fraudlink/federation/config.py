"""The federation's knobs, read from ``FRAUDLINK_*`` once and passed in.

The server signs and decrypts on its own, so it needs the agency keys'
passphrase in its environment (``FRAUDLINK_PASSPHRASE``), as ``package`` does.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class FederationSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRAUDLINK_", frozen=True, extra="ignore")

    passphrase: SecretStr | None = Field(default=None, description="unlocks the agency keys")
    agency: str | None = Field(default=None, description="the hosted agency that federates")
    spool: Path = Field(default=Path("federation"), description="inbox and staging folder")
    evidence_dir: Path = Field(default=Path("evidence"), description="evidence store")
    fed_window: int = Field(default=300, ge=5, description="seconds a signature stays valid")
    fed_chunk: int = Field(default=8 << 20, ge=1 << 16, description="bytes per upload request")
    fed_backoff: float = Field(default=2.0, gt=0, description="first retry delay, seconds")
    fed_backoff_max: float = Field(default=600.0, gt=0, description="longest retry delay")
    fed_timeout: float = Field(default=60.0, gt=0, description="seconds per request")

    def secret(self) -> str:
        from fraudlink.share.errors import KeyProblem

        if self.passphrase is None:
            raise KeyProblem(
                "Federation signs with the agency keys; set FRAUDLINK_PASSPHRASE for the server."
            )
        return self.passphrase.get_secret_value()
