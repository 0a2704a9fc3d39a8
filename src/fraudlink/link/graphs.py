"""Networks and money trails as graph files for analysts' tools (Gephi, yEd, Graphviz).

A network is drawn as reports and the identifiers that link them (hubs and
allow-listed identifiers left out: they join nothing); a trail as accounts
with a directed edge per hop. The writers are ours and small: GraphML and
GEXF are XML written with ElementTree (escaping included), DOT is quoted text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from sqlalchemy import func, select

from fraudlink.errors import InputError
from fraudlink.link.flow.trace import Trace
from fraudlink.link.networks.tables import LinkIdentifier, LinkReport
from fraudlink.store import Database
from fraudlink.store.schema import Agency, Identifier, Report, ReportIdentifier

FORMATS = ("graphml", "gexf", "dot")


@dataclass(slots=True)
class Graph:
    """Nodes and edges, each with string attributes; ``directed`` for money trails."""

    name: str
    directed: bool = False
    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def attribute_names(self, of_nodes: bool) -> list[str]:
        rows = self.nodes.values() if of_nodes else (e[2] for e in self.edges)
        return sorted({key for row in rows for key in row})


def network_graph(database: Database, network: int) -> Graph:
    """Reports of ``network`` and the linking identifiers they name."""
    graph = Graph(f"network {network}")
    with database.engine.connect() as connection:
        reports = (
            select(Report.id, Agency.code, Report.external_id, Report.country, Report.reported_at)
            .join(Agency, Agency.id == Report.agency_id)
            .join(LinkReport, LinkReport.report_id == Report.id)
            .where(LinkReport.network_id == network)
        )
        for report_id, code, external, country, at in connection.execute(reports):
            graph.nodes[f"r{report_id}"] = {"label": f"{code}/{external}", "type": "report",
                                            "country": country or "unknown",
                                            "reported_at": at.isoformat()}  # fmt: skip
        mentions = (
            select(ReportIdentifier.report_id, Identifier.id, Identifier.kind, Identifier.value)
            .join(Identifier, Identifier.id == ReportIdentifier.identifier_id)
            .join(LinkReport, LinkReport.report_id == ReportIdentifier.report_id)
            .outerjoin(LinkIdentifier, LinkIdentifier.identifier_id == Identifier.id)
            .where(LinkReport.network_id == network, Identifier.valid.is_(True),
                   func.coalesce(LinkIdentifier.status, "linked") == "linked")
            .distinct()
        )  # fmt: skip
        for report_id, identifier_id, kind, value in connection.execute(mentions):
            node = f"i{identifier_id}"
            graph.nodes.setdefault(node, {"label": f"{kind}:{value}", "type": kind})
            graph.edges.append((f"r{report_id}", node, {}))
    return graph


def trace_graph(trace: Trace) -> Graph:
    """Accounts of a trail, one directed edge per hop labelled with the traced amount."""
    graph = Graph(f"trace {trace.account}", directed=True)
    for account in trace.accounts():
        networks = ",".join(map(str, trace.networks.get(account, [])))
        graph.nodes[account] = {"label": account, "networks": networks}
    for hop in trace.hops:
        attributes = {"label": f"{hop.amount} {hop.currency}", "time": hop.at.isoformat(),
                      "amount": str(hop.amount), "currency": hop.currency}  # fmt: skip
        if hop.exchange:
            attributes["exchanged_from"] = hop.exchange[0]
        graph.edges.append((hop.from_account, hop.to_account, attributes))
    for end in trace.ends:
        graph.nodes[end.account]["rests"] = f"{end.amount} {end.currency} ({end.reason})"
    return graph


def render(graph: Graph, fmt: str) -> str:
    if fmt == "graphml":
        return _graphml(graph)
    if fmt == "gexf":
        return _gexf(graph)
    if fmt == "dot":
        return _dot(graph)
    raise InputError(f"Graph format {fmt!r} is not one of {', '.join(FORMATS)}.")


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _graphml(graph: Graph) -> str:
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for scope, names in (
        ("node", graph.attribute_names(True)),
        ("edge", graph.attribute_names(False)),
    ):
        for name in names:
            ET.SubElement(root, "key", {"id": f"{scope}_{name}", "for": scope,
                                        "attr.name": name, "attr.type": "string"})  # fmt: skip
    body = ET.SubElement(root, "graph", id=graph.name,
                         edgedefault="directed" if graph.directed else "undirected")  # fmt: skip
    for node, attributes in graph.nodes.items():
        element = ET.SubElement(body, "node", id=node)
        for key, value in attributes.items():
            ET.SubElement(element, "data", key=f"node_{key}").text = value
    for index, (source, target, attributes) in enumerate(graph.edges):
        element = ET.SubElement(body, "edge", id=f"e{index}", source=source, target=target)
        for key, value in attributes.items():
            ET.SubElement(element, "data", key=f"edge_{key}").text = value
    return _xml(root)


def _gexf(graph: Graph) -> str:
    root = ET.Element("gexf", xmlns="http://gexf.net/1.3", version="1.3")
    body = ET.SubElement(
        root, "graph", defaultedgetype="directed" if graph.directed else "undirected"
    )
    names = [n for n in graph.attribute_names(True) if n != "label"]
    declared = ET.SubElement(body, "attributes", {"class": "node"})
    for index, name in enumerate(names):
        ET.SubElement(declared, "attribute", id=str(index), title=name, type="string")
    nodes = ET.SubElement(body, "nodes")
    for node, attributes in graph.nodes.items():
        element = ET.SubElement(nodes, "node", id=node, label=attributes.get("label", node))
        values = ET.SubElement(element, "attvalues")
        for index, name in enumerate(names):
            if name in attributes:
                ET.SubElement(values, "attvalue", {"for": str(index), "value": attributes[name]})
    edges = ET.SubElement(body, "edges")
    for index, (source, target, attributes) in enumerate(graph.edges):
        edge = {"id": str(index), "source": source, "target": target}
        if "label" in attributes:
            edge["label"] = attributes["label"]
        ET.SubElement(edges, "edge", edge)
    return _xml(root)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot(graph: Graph) -> str:
    arrow = "->" if graph.directed else "--"
    lines = [f"{'digraph' if graph.directed else 'graph'} {_quote(graph.name)} {{"]
    for node, attributes in graph.nodes.items():
        shown = ", ".join(f"{key}={_quote(value)}" for key, value in attributes.items())
        lines.append(f"  {_quote(node)} [{shown}];")
    for source, target, attributes in graph.edges:
        shown = ", ".join(f"{key}={_quote(value)}" for key, value in attributes.items())
        lines.append(
            f"  {_quote(source)} {arrow} {_quote(target)}" + (f" [{shown}];" if shown else ";")
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
