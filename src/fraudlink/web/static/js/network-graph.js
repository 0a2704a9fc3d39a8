/* The network page's graph: cytoscape over positions the server computed (no layout here).
 *
 * Data comes from a JSON block in the page (<script type="application/json" id="network-graph">);
 * every value reaches the page as text (textContent), never as HTML. Large networks stay
 * responsive: a preset layout, no animation, edges hidden while panning, labels only when
 * zoomed in. Keyboard users get the zoom buttons and the list of nodes, which select the
 * same node as a click.
 */
(function () {
  "use strict";

  var holder = document.getElementById("network-graph");
  var box = document.getElementById("graph-canvas");
  if (!holder || !box || typeof window.cytoscape !== "function") {
    return;
  }
  var data = JSON.parse(holder.textContent);
  var words = JSON.parse(document.getElementById("graph-words").textContent);
  var byId = {};
  var around = {};

  function elements() {
    var out = [];
    data.nodes.forEach(function (node) {
      byId[node.id] = node;
      around[node.id] = [];
      var classes = node.kind + (node.status !== "linked" ? " apart" : "");
      out.push({
        group: "nodes",
        data: { id: node.id, label: node.label, size: Math.min(14 + 2 * node.degree, 46) },
        position: { x: node.x, y: node.y },
        classes: classes,
      });
    });
    data.edges.forEach(function (edge, index) {
      around[edge.source].push(edge.target);
      around[edge.target].push(edge.source);
      out.push({
        group: "edges",
        data: { id: "e" + index, source: edge.source, target: edge.target },
        classes: edge.kind + (byId[edge.target].status !== "linked" ? " apart" : ""),
      });
    });
    return out;
  }

  var style = [
    { selector: "node", style: {
      width: "data(size)", height: "data(size)", label: "data(label)",
      "font-size": 11, "min-zoomed-font-size": 9, "text-valign": "bottom",
      "text-margin-y": 3, color: "#1f2933", "text-max-width": 160, "text-wrap": "ellipsis",
      "border-width": 1, "border-color": "#ffffff" } },
    { selector: "node.report", style: { "background-color": "#1d4ed8", shape: "ellipse" } },
    { selector: "node.identifier", style: { "background-color": "#c2410c", shape: "diamond" } },
    { selector: "node.person", style: { "background-color": "#047857", shape: "round-triangle" } },
    { selector: "node.apart", style: {
      "background-color": "#e5e7eb", "border-color": "#4b5563", "border-width": 2,
      "border-style": "dashed", shape: "round-rectangle" } },
    { selector: "edge", style: {
      width: 1, "line-color": "#9aa5b1", "curve-style": "haystack", opacity: 0.8 } },
    { selector: "edge.person", style: { "line-color": "#6ee7b7" } },
    { selector: "edge.name", style: { "line-style": "dashed", "line-color": "#047857", width: 2 } },
    { selector: "edge.apart", style: { "line-style": "dotted", opacity: 0.35 } },
    { selector: "node:selected", style: {
      "border-color": "#facc15", "border-width": 5, "font-size": 14, "z-index": 10 } },
    { selector: "node.near", style: { "border-color": "#facc15", "border-width": 3 } },
  ];

  var cy = window.cytoscape({
    container: box,
    elements: elements(),
    style: style,
    layout: { name: "preset", fit: true, padding: 24 },
    minZoom: 0.02,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    textureOnViewport: data.nodes.length > 600,
    hideEdgesOnViewport: data.nodes.length > 600,
    motionBlur: false,
    pixelRatio: 1,
    boxSelectionEnabled: false,
    selectionType: "single",
  });

  function put(parent, tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) {
      element.textContent = String(text);
    }
    if (className) {
      element.className = className;
    }
    parent.appendChild(element);
    return element;
  }

  function show(id) {
    var node = byId[id];
    var panel = document.getElementById("node-panel");
    if (!node || !panel) {
      return;
    }
    panel.replaceChildren();
    put(panel, "h3", node.label, "node-title");
    var facts = put(panel, "dl", null, "node-facts");
    var rows = [[words.kind, words[node.kind] || node.kind], [words.group, node.group],
                [words.status, words[node.status] || node.status], [words.links, node.degree]];
    Object.keys(node.facts).forEach(function (key) { rows.push([key, node.facts[key]]); });
    rows.forEach(function (row) {
      put(facts, "dt", row[0]);
      put(facts, "dd", row[1]);
    });
    var link = pageLink(node);
    if (link) {
      var a = put(panel, "a", words.open, "node-open");
      a.href = link;
    }
    put(panel, "h4", words.neighbours);
    var list = put(panel, "ul", null, "node-neighbours");
    around[id].slice(0, 60).forEach(function (other) {
      var button = put(put(list, "li"), "button", byId[other].label, "linklike");
      button.type = "button";
      button.dataset.node = other;
    });
    if (around[id].length > 60) {
      put(list, "li", words.more.replace("{n}", String(around[id].length - 60)));
    }
    panel.hidden = false;
  }

  function pageLink(node) {
    var base = box.dataset;
    if (node.kind === "report" && base.reportUrl) {
      return base.reportUrl + node.label.split("/").map(encodeURIComponent).join("/");
    }
    if (node.kind === "identifier" && base.identifierUrl) {
      var parts = node.label.split(":");
      var kind = parts.shift();
      return base.identifierUrl + encodeURIComponent(kind) + "/" + encodeURIComponent(parts.join(":"));
    }
    return null;
  }

  function select(id, centre) {
    cy.batch(function () {
      cy.elements(".near").removeClass("near");
      cy.nodes(":selected").unselect();
      var element = cy.getElementById(id);
      element.select();
      element.neighborhood("node").addClass("near");
      if (centre) {
        cy.center(element);
      }
    });
    show(id);
  }

  cy.on("tap", "node", function (event) { select(event.target.id(), false); });

  document.addEventListener("click", function (event) {
    var target = event.target.closest("button[data-node]");
    if (target) {
      select(target.dataset.node, true);
      var panel = document.getElementById("node-panel");
      if (panel && target.closest("#node-list")) {
        panel.focus();
      }
    }
  });

  function zoomBy(factor) {
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: box.clientWidth / 2, y: box.clientHeight / 2 } });
  }
  var controls = { "zoom-in": function () { zoomBy(1.4); }, "zoom-out": function () { zoomBy(1 / 1.4); },
                   "zoom-fit": function () { cy.fit(undefined, 24); } };
  Object.keys(controls).forEach(function (key) {
    var button = document.getElementById(key);
    if (button) {
      button.addEventListener("click", controls[key]);
    }
  });

  var listed = false;
  var details = document.getElementById("node-list-box");
  function fillList() {
    if (listed) {
      return;
    }
    listed = true;
    var list = document.getElementById("node-list");
    var sorted = data.nodes.slice().sort(function (a, b) { return b.degree - a.degree; });
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (node) {
      var item = put(fragment, "li");
      item.dataset.text = node.label.toLowerCase();
      var button = put(item, "button", node.label, "linklike");
      button.type = "button";
      button.dataset.node = node.id;
      put(item, "span", " " + (words[node.kind] || node.kind) +
          (node.status !== "linked" ? " · " + (words[node.status] || node.status) : ""), "muted");
    });
    list.appendChild(fragment);
  }
  if (details) {
    details.addEventListener("toggle", fillList);
  }
  var filter = document.getElementById("node-filter");
  if (filter) {
    filter.addEventListener("input", function () {
      fillList();
      var wanted = filter.value.trim().toLowerCase();
      document.querySelectorAll("#node-list li").forEach(function (item) {
        item.hidden = wanted !== "" && item.dataset.text.indexOf(wanted) < 0;
      });
    });
  }

  cy.one("render", function () {
    window.requestAnimationFrame(function () {
      document.body.dataset.graphReady = String(Math.round(window.performance.now()));
    });
  });
  window.fraudlinkGraph = cy;
})();
