/* The network page's graph: a small canvas renderer over positions the server computed.
 *
 * Why not a graph library: on a loaded two-core server, cytoscape spent 4 s building a
 * 2,000-node graph before the first frame. Here nodes and edges are plain arrays, each frame
 * is a few batched canvas paths, and nothing is laid out in the browser, so the page is
 * usable at once. Data comes from a JSON block of the page; every value reaches the page
 * as text (textContent), never as HTML. Keyboard users get the zoom buttons, arrow keys on
 * the canvas and the list of nodes, which selects a node exactly as a click does.
 */
(function () {
  "use strict";

  var holder = document.getElementById("network-graph");
  var box = document.getElementById("graph-canvas");
  if (!holder || !box) {
    return;
  }
  var data = JSON.parse(holder.textContent);
  var words = JSON.parse(document.getElementById("graph-words").textContent);
  var nodes = data.nodes.map(function (row) {
    var node = {};
    data.fields.forEach(function (name, k) { node[name] = row[k]; });
    return node;
  });
  var count = nodes.length;
  var index = {};
  var around = [];
  var FILL = { report: "#1d4ed8", identifier: "#c2410c", person: "#047857", apart: "#e5e7eb" };
  var EDGE = { names: "rgba(100,116,139,0.55)", person: "rgba(4,120,87,0.55)",
               name: "#047857", apart: "rgba(75,85,99,0.3)" };
  var look = new Array(count);
  var radius = new Float32Array(count);
  nodes.forEach(function (node, i) {
    index[node.id] = i;
    around.push([]);
    look[i] = node.status !== "linked" ? "apart" : node.kind;
    radius[i] = Math.min(5 + 1.5 * Math.sqrt(node.degree), 16);
  });
  var edges = data.edges.map(function (edge) {  // [source, target, kind]
    var a = index[edge[0]], b = index[edge[1]];
    around[a].push(b);
    around[b].push(a);
    return [a, b, look[b] === "apart" ? "apart" : edge[2]];
  });

  var canvas = document.createElement("canvas");
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", box.dataset.label || "");
  box.appendChild(canvas);
  var context = canvas.getContext("2d");
  var view = { scale: 1, x: 0, y: 0, width: 0, height: 0, ratio: 1 };
  var selected = -1;
  var near = {};
  var pending = false;

  function fit() {
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    nodes.forEach(function (node) {
      minX = Math.min(minX, node.x); maxX = Math.max(maxX, node.x);
      minY = Math.min(minY, node.y); maxY = Math.max(maxY, node.y);
    });
    if (!count) {
      minX = minY = maxX = maxY = 0;
    }
    var pad = 30;
    view.scale = Math.min((view.width - 2 * pad) / Math.max(maxX - minX, 1),
                          (view.height - 2 * pad) / Math.max(maxY - minY, 1), 2);
    view.x = view.width / 2 - view.scale * (minX + maxX) / 2;
    view.y = view.height / 2 - view.scale * (minY + maxY) / 2;
    redraw();
  }

  function size() {
    view.ratio = window.devicePixelRatio || 1;
    view.width = box.clientWidth;
    view.height = box.clientHeight;
    canvas.width = Math.round(view.width * view.ratio);
    canvas.height = Math.round(view.height * view.ratio);
    canvas.style.width = view.width + "px";
    canvas.style.height = view.height + "px";
  }

  function sx(i) { return nodes[i].x * view.scale + view.x; }
  function sy(i) { return nodes[i].y * view.scale + view.y; }
  function sr(i) { return Math.max(radius[i] * view.scale, look[i] === "report" ? 2.5 : 2); }

  function shape(i) {
    var x = sx(i), y = sy(i), r = sr(i);
    if (look[i] === "report") {
      context.moveTo(x + r, y);
      context.arc(x, y, r, 0, 2 * Math.PI);
    } else if (look[i] === "identifier") {
      context.moveTo(x, y - r); context.lineTo(x + r, y); context.lineTo(x, y + r);
      context.lineTo(x - r, y); context.closePath();
    } else if (look[i] === "person") {
      context.moveTo(x, y - r); context.lineTo(x + r, y + r * 0.8);
      context.lineTo(x - r, y + r * 0.8); context.closePath();
    } else {
      context.rect(x - r, y - r, 2 * r, 2 * r);
    }
  }

  function drawEdges() {
    ["apart", "names", "person", "name"].forEach(function (kind) {
      context.beginPath();
      edges.forEach(function (edge) {
        if (edge[2] === kind) {
          context.moveTo(sx(edge[0]), sy(edge[0]));
          context.lineTo(sx(edge[1]), sy(edge[1]));
        }
      });
      context.strokeStyle = EDGE[kind];
      context.lineWidth = kind === "name" ? 2 : 1;
      context.setLineDash(kind === "name" ? [6, 4] : kind === "apart" ? [2, 3] : []);
      context.stroke();
    });
    context.setLineDash([]);
    if (selected >= 0) {
      context.beginPath();
      around[selected].forEach(function (other) {
        context.moveTo(sx(selected), sy(selected));
        context.lineTo(sx(other), sy(other));
      });
      context.strokeStyle = "#b45309";
      context.lineWidth = 2.5;
      context.stroke();
    }
  }

  function drawNodes() {
    ["apart", "report", "identifier", "person"].forEach(function (kind) {
      context.beginPath();
      for (var i = 0; i < count; i++) {
        if (look[i] === kind) {
          shape(i);
        }
      }
      context.fillStyle = FILL[kind];
      context.fill();
      if (kind === "apart") {
        context.setLineDash([3, 2]);
        context.strokeStyle = "#4b5563";
        context.lineWidth = 1.5;
        context.stroke();
        context.setLineDash([]);
      }
    });
    var marked = Object.keys(near).map(Number);
    if (selected >= 0) {
      marked.push(selected);
    }
    marked.forEach(function (i) {
      context.beginPath();
      context.arc(sx(i), sy(i), sr(i) + (i === selected ? 5 : 3), 0, 2 * Math.PI);
      context.strokeStyle = i === selected ? "#111827" : "#b45309";
      context.lineWidth = i === selected ? 3 : 2;
      context.stroke();
    });
  }

  var widths = {};
  var byDegree = nodes.map(function (_, i) { return i; });
  byDegree.sort(function (a, b) { return around[b].length - around[a].length; });

  function labelText(i) {
    var label = nodes[i].label;
    return label.length > 40 ? label.slice(0, 39) + "…" : label;
  }

  // The selected node and its neighbours first, then the best connected: a label that would
  // overlap one already drawn is left out, so the names that show can be read.
  function drawLabels() {
    var wanted = [];
    if (selected >= 0) {
      wanted.push(selected);
    }
    Object.keys(near).forEach(function (key) { wanted.push(Number(key)); });
    if (view.scale >= 0.5) {
      wanted = wanted.concat(byDegree);
    }
    context.font = "12px system-ui, sans-serif";
    context.textAlign = "center";
    context.lineWidth = 3;
    context.strokeStyle = "rgba(255,255,255,0.9)";
    context.fillStyle = "#111827";
    var taken = [];
    var drawn = {};
    for (var k = 0; k < wanted.length && taken.length < 250; k++) {
      var i = wanted[k];
      var x = sx(i), y = sy(i) + sr(i) + 13;
      if (drawn[i] || x < -100 || y < 0 || x > view.width + 100 || y > view.height + 20) {
        continue;
      }
      var text = labelText(i);
      if (widths[i] === undefined) {
        widths[i] = context.measureText(text).width;
      }
      var box = [x - widths[i] / 2 - 2, y - 11, x + widths[i] / 2 + 2, y + 3];
      var clash = taken.some(function (other) {
        return box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3];
      });
      if (clash && k > 0 && i !== selected) {
        continue;
      }
      taken.push(box);
      drawn[i] = true;
      context.strokeText(text, x, y);
      context.fillText(text, x, y);
    }
  }

  function paint() {
    pending = false;
    context.setTransform(view.ratio, 0, 0, view.ratio, 0, 0);
    context.clearRect(0, 0, view.width, view.height);
    drawEdges();
    drawNodes();
    drawLabels();
  }

  function redraw() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(paint);
    }
  }

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

  function show(i) {
    var node = nodes[i];
    var panel = document.getElementById("node-panel");
    panel.replaceChildren();
    put(panel, "h3", node.label, "node-title");
    var facts = put(panel, "dl", null, "node-facts");
    var rows = [[words.kind, words[node.kind] || node.kind], [words.group, node.group],
                [words.status, words[node.status] || node.status], [words.links, around[i].length]];
    Object.keys(node.facts).forEach(function (key) {
      rows.push([words[key] || key, words[node.facts[key]] || node.facts[key]]);
    });
    rows.forEach(function (row) {
      put(facts, "dt", row[0]);
      put(facts, "dd", row[1]);
    });
    var link = pageLink(node);
    if (link) {
      put(panel, "a", words.open, "node-open").href = link;
    }
    put(panel, "h4", words.neighbours);
    var list = put(panel, "ul", null, "node-neighbours");
    around[i].slice(0, 60).forEach(function (other) {
      var button = put(put(list, "li"), "button", nodes[other].label, "linklike");
      button.type = "button";
      button.dataset.node = nodes[other].id;
    });
    if (around[i].length > 60) {
      put(list, "li", words.more.replace("{n}", String(around[i].length - 60)));
    }
  }

  function select(i, centre) {
    selected = i;
    near = {};
    around[i].forEach(function (other) { near[other] = true; });
    if (centre) {
      view.x = view.width / 2 - nodes[i].x * view.scale;
      view.y = view.height / 2 - nodes[i].y * view.scale;
    }
    show(i);
    box.dataset.selected = nodes[i].id;
    redraw();
  }

  function hit(x, y) {
    var best = -1, bestDistance = Infinity;
    for (var i = 0; i < count; i++) {
      var dx = sx(i) - x, dy = sy(i) - y, reach = sr(i) + 4;
      var distance = dx * dx + dy * dy;
      if (distance <= reach * reach && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  }

  function zoomAt(factor, x, y) {
    var scale = Math.min(Math.max(view.scale * factor, 0.01), 6);
    view.x = x - (x - view.x) * scale / view.scale;
    view.y = y - (y - view.y) * scale / view.scale;
    view.scale = scale;
    redraw();
  }

  var drag = null;
  canvas.addEventListener("pointerdown", function (event) {
    drag = { x: event.clientX, y: event.clientY, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drag) {
      return;
    }
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (drag.moved || Math.abs(dx) + Math.abs(dy) > 4) {
      drag.moved = true;
      view.x += dx;
      view.y += dy;
      drag.x = event.clientX;
      drag.y = event.clientY;
      redraw();
    }
  });
  canvas.addEventListener("pointerup", function (event) {
    if (drag && !drag.moved) {
      var rect = canvas.getBoundingClientRect();
      var found = hit(event.clientX - rect.left, event.clientY - rect.top);
      if (found >= 0) {
        select(found, false);
      }
    }
    drag = null;
  });
  canvas.addEventListener("wheel", function (event) {
    event.preventDefault();
    var rect = canvas.getBoundingClientRect();
    zoomAt(event.deltaY < 0 ? 1.2 : 1 / 1.2, event.clientX - rect.left, event.clientY - rect.top);
  }, { passive: false });
  canvas.addEventListener("keydown", function (event) {
    var step = 60, keys = {
      ArrowLeft: function () { view.x += step; }, ArrowRight: function () { view.x -= step; },
      ArrowUp: function () { view.y += step; }, ArrowDown: function () { view.y -= step; },
      "+": function () { zoomAt(1.3, view.width / 2, view.height / 2); },
      "-": function () { zoomAt(1 / 1.3, view.width / 2, view.height / 2); },
      "0": fit,
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
      redraw();
    }
  });

  var controls = {
    "zoom-in": function () { zoomAt(1.4, view.width / 2, view.height / 2); },
    "zoom-out": function () { zoomAt(1 / 1.4, view.width / 2, view.height / 2); },
    "zoom-fit": fit,
  };
  Object.keys(controls).forEach(function (key) {
    var button = document.getElementById(key);
    if (button) {
      button.addEventListener("click", controls[key]);
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest("button[data-node]");
    if (target && index[target.dataset.node] !== undefined) {
      select(index[target.dataset.node], true);
      if (target.closest("#node-list")) {
        document.getElementById("node-panel").focus();
      }
    }
  });

  var listed = false;
  function fillList() {
    if (listed) {
      return;
    }
    listed = true;
    var order = nodes.map(function (_, i) { return i; });
    order.sort(function (a, b) { return around[b].length - around[a].length; });
    var fragment = document.createDocumentFragment();
    order.forEach(function (i) {
      var node = nodes[i];
      var item = put(fragment, "li");
      item.dataset.text = node.label.toLowerCase();
      var button = put(item, "button", node.label, "linklike");
      button.type = "button";
      button.dataset.node = node.id;
      put(item, "span", " " + (words[node.kind] || node.kind) +
          (node.status !== "linked" ? " · " + (words[node.status] || node.status) : ""), "muted");
    });
    document.getElementById("node-list").appendChild(fragment);
  }
  var details = document.getElementById("node-list-box");
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

  if (window.ResizeObserver) {
    new window.ResizeObserver(function () { size(); redraw(); }).observe(box);
  }
  size();
  fit();
  window.requestAnimationFrame(function () {
    window.requestAnimationFrame(function () {
      document.body.dataset.graphReady = String(Math.round(window.performance.now()));
    });
  });
  // for tests and for other scripts: where a node is drawn, and selecting one by id
  window.fraudlinkGraph = {
    position: function (id) { var i = index[id]; return { x: sx(i), y: sy(i) }; },
    select: function (id) { select(index[id], true); },
  };
})();
