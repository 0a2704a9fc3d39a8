"""Health (for load balancers, no sign-in) and who the token belongs to."""

from __future__ import annotations

from fastapi import APIRouter

from fraudlink.api import models
from fraudlink.api.deps import CallerDep
from fraudlink.api.problems import responses

router = APIRouter(tags=["meta"])


@router.get("/health", name="health", response_model=models.Health)
def health() -> models.Health:
    return models.Health()


@router.get("/me", name="whoami", response_model=models.Me, responses=responses(401, 429))
def whoami(who: CallerDep) -> models.Me:
    p = who.principal
    return models.Me(
        username=p.username, agency=p.agency, roles=sorted(p.roles), units=sorted(p.unit_codes)
    )
