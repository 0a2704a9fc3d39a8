"""Response bodies of the network and money-trail routes, typed with examples."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from fraudlink.api.models import Cursor, Network


class Player(BaseModel):
    kind: Literal["person", "account", "identifier"] = Field(examples=["account"])
    label: str = Field(examples=["iban:KH12ABAA00001234567890"])
    score: float = Field(examples=[0.83], description="0 to 1: centrality, reach, countries, money")
    centrality: float = Field(examples=[1.0])
    victims: int = Field(examples=[12], description="reports that name it")
    countries: list[str] = Field(examples=[["KH", "TH"]])
    roles: list[str] = Field(examples=[["suspect"]])
    received: dict[str, str] = Field(examples=[{"USD": "15400.00"}])


class NetworkWithPlayers(Network):
    players: list[Player] = Field(description="The ten most central, most reaching players.")


class PlayerPage(BaseModel):
    items: list[Player]
    next_cursor: str | None = Cursor


class GraphNode(BaseModel):
    id: str = Field(examples=["r42"], description="r… a report, i… an identifier, p… a person")
    kind: Literal["report", "identifier", "person"]
    label: str = Field(examples=["phone:+85512345678"])
    group: str = Field(examples=["phone"], description="country, identifier kind or schema")
    status: Literal["linked", "hub", "allowlisted"] = Field(
        examples=["linked"], description="hubs and allow-listed identifiers are drawn apart"
    )
    x: float = Field(examples=[120.5])
    y: float = Field(examples=[-40.0])
    degree: int = Field(examples=[3])
    facts: dict[str, str] = Field(examples=[{"status": "linked"}])


class GraphEdge(BaseModel):
    source: str = Field(examples=["r42"])
    target: str = Field(examples=["i7"])
    kind: Literal["names", "person", "name"] = Field(
        examples=["names"], description="report names identifier / person; name: a name join"
    )


class NetworkGraph(BaseModel):
    network: int = Field(examples=[42])
    counts: dict[str, int] = Field(examples=[{"report": 12, "identifier": 30, "hub": 2}])
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class ExplainStep(BaseModel):
    report: str = Field(examples=["KH-1"])
    identifier: str = Field(examples=["phone:+85512345678"])
    raw: str = Field(examples=["012 345 678"], description="as the report wrote it")
    via: Literal["identifier", "name"] = "identifier"


class Ignored(BaseModel):
    identifier: str = Field(examples=["domain:binance.com"])
    reason: str = Field(examples=["hub: named by 412 reports in 97 networks"])


class Explanation(BaseModel):
    a: str = Field(examples=["KH-NPA/KH-1"])
    b: str = Field(examples=["TH-RTP/TH-1"])
    linked: bool
    network: int | None = Field(examples=[42])
    path: list[ExplainStep] = Field(
        description="Empty while linked: the chain runs through reports you cannot see."
    )
    ignored: list[Ignored]


class TraceHop(BaseModel):
    depth: int = Field(examples=[1])
    from_: str = Field(alias="from", examples=["KH-ABA:000123"])
    to: str = Field(examples=["TAtTVwtTwKDnrwAVgmhpX8S4YJR1pKFJkG"])
    amount: str = Field(examples=["500.00"], description="the traced share of the payment")
    payment_amount: str = Field(examples=["800.00"])
    currency: str = Field(examples=["USD"])
    time: str = Field(examples=["2026-03-01T10:00:00+00:00"])
    reference: str | None = None
    exchanged_from: str | None = Field(default=None, examples=["THB"])
    rate: str | None = None


class TrailEnd(BaseModel):
    account: str
    amount: str = Field(examples=["480.00"])
    currency: str = Field(examples=["USDT"])
    reason: Literal["held", "no outgoing records"]


class DiagramAccount(BaseModel):
    account: str
    column: int = Field(examples=[1], description="the hop that first reached it")
    row: int = Field(examples=[0])
    networks: list[int]
    reason: str | None = None
    rests: dict[str, str] = Field(examples=[{"USDT": "480.00"}])


class DiagramFlow(BaseModel):
    from_: str = Field(alias="from")
    to: str
    currency: str = Field(examples=["USD"])
    amount: str = Field(examples=["500.00"])
    payments: int = Field(examples=[2])
    first: str | None = None
    last: str | None = None
    exchanged_from: str | None = None
    back: bool = Field(description="money going back to an account reached earlier")


class Diagram(BaseModel):
    account: str
    columns: int = Field(examples=[4])
    sent: dict[str, str] = Field(examples=[{"USD": "1500.00"}])
    accounts: list[DiagramAccount]
    flows: list[DiagramFlow]


class MoneyTrace(BaseModel):
    account: str = Field(examples=["KH-ABA:000123"])
    hops: list[TraceHop]
    ends: list[TrailEnd]
    networks: dict[str, list[int]] = Field(examples=[{"KH-ABA:000123": [42]}])
    diagram: Diagram
