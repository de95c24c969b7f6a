// brikg view: draws the network from the JSON data block; every document string goes into
// the DOM through textContent only, never as HTML.
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("brikg-data").textContent);
  var container = document.getElementById("network");
  var statusBox = document.getElementById("status");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function clip(text, length) {
    return text.length <= length ? text : text.slice(0, length - 1) + "…";
  }
  function status(text) { statusBox.textContent = text; }

  function describe(info, full) {
    var box = el("div", full ? "info full" : "info");
    if (info.relation !== undefined) {
      box.appendChild(el("div", "info-title", info.relation));
      if (info.note) box.appendChild(el("div", "info-note", info.note));
    } else {
      box.appendChild(el("div", "info-title", info.en || info.zh || info.iri));
      if (info.zh && info.en) box.appendChild(el("div", "info-zh", info.zh));
      box.appendChild(el("div", "info-type", info.type + (info.typeZh ? " · " + info.typeZh : "")));
      (info.dates || []).slice(0, full ? 50 : 3).forEach(function (date) {
        box.appendChild(el("div", "info-date", date));
      });
      if (full && info.stats) {
        var table = el("table");
        info.stats.forEach(function (pair) {
          var row = el("tr");
          row.appendChild(el("td", null, pair[0]));
          row.appendChild(el("td", null, pair[1]));
          table.appendChild(row);
        });
        box.appendChild(table);
      }
    }
    var quotes = info.quotes || [];
    quotes.slice(0, full ? quotes.length : 1).forEach(function (quote) {
      box.appendChild(el("blockquote", "info-quote", full ? quote.text : clip(quote.text, 220)));
      if (quote.source) box.appendChild(el("div", "info-source", "— " + quote.source));
    });
    if (full && info.iri) box.appendChild(el("div", "info-iri", info.iri));
    if (!full) box.appendChild(el("div", "info-hint", "Click for details"));
    return box;
  }

  var nodeItems = payload.nodes.map(function (node) {
    var item = Object.assign({}, node);
    if (node.info) item.title = describe(node.info, false);
    return item;
  });
  var edgeItems = payload.edges.map(function (edge, index) {
    var item = Object.assign({ id: "e" + index }, edge);
    if (edge.info) item.title = describe(edge.info, false);
    return item;
  });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var state = {
    nodes: nodes, edges: edges, expectedNodes: payload.nodes.length,
    expectedEdges: payload.edges.length, ready: false, readyAt: null, stabilizationMs: null
  };
  window.brikg = state;
  var started = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, payload.options);
  state.network = network;

  // Hubs' labels get a fixed on-screen size for the fitted layout, whatever its extent.
  function scaleLabels() {
    var scale = network.getScale() || 1;
    nodes.update(payload.nodes.filter(function (node) { return node.screenFont; })
      .map(function (node) {
        return {
          id: node.id,
          font: { size: Math.max(node.screenFont / scale, 12) },
          widthConstraint: { maximum: Math.max((node.screenWidth || 170) / scale, 260) }
        };
      }));
    // A hub label that would overlap a bigger one waits until the reader zooms in.
    var labelled = payload.nodes.filter(function (node) {
      return node.screenFont && node.anchorRight === undefined && node.shape !== "text";
    }).sort(function (a, b) { return b.screenFont - a.screenFont; });
    if (labelled.length) {
      network.redraw();
      var kept = [];
      var demoted = [];
      labelled.forEach(function (node) {
        var box = network.getBoundingBox(node.id);
        var pad = 4 / scale;
        var clash = kept.some(function (other) {
          return box.left - pad < other.right && other.left < box.right + pad &&
            box.top - pad < other.bottom && other.top < box.bottom + pad;
        });
        if (clash) demoted.push({ id: node.id, font: { size: payload.smallLabel } });
        else kept.push(box);
      });
      nodes.update(demoted);
      state.labelsShown = kept.length;
      state.labelsDeferred = demoted.length;
    }
    // Boxes anchored by their right edge (the timeline's row names) move to sit left of it.
    var anchored = payload.nodes.filter(function (node) { return node.anchorRight !== undefined; });
    if (anchored.length) {
      network.redraw();
      nodes.update(anchored.map(function (node) {
        var box = network.getBoundingBox(node.id);
        return { id: node.id, x: node.anchorRight - (box.right - box.left) / 2 };
      }));
      network.fit({ animation: false });
    }
  }

  function settle() {
    if (state.ready) return;
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    scaleLabels();
    state.ready = true;
    state.readyAt = Math.round(performance.now());
    state.stabilizationMs = Math.round(performance.now() - started);
    document.body.setAttribute("data-ready", "true");
    status("");
  }
  network.on("stabilizationProgress", function (params) {
    status("Laying out… " + Math.round(100 * params.iterations / params.total) + "%");
  });
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);
  // Nothing to lay out (physics off, or no node at all): ready once drawn.
  if (!payload.options.physics.enabled || !payload.nodes.length) {
    network.once("afterDrawing", settle);
    network.redraw();
  }

  // Legend: one toggle per class.
  var hiddenClasses = {};
  var legend = document.getElementById("legend-items");
  payload.classes.forEach(function (cls) {
    var item = el("button", "legend-item");
    item.type = "button";
    item.setAttribute("aria-pressed", "true");
    item.dataset.cls = cls.name;
    var swatch = el("span", "swatch " + (cls.shape || "dot"));
    swatch.style.background = cls.color;
    item.appendChild(swatch);
    item.appendChild(el("span", null, cls.name + " " + cls.zh));
    item.appendChild(el("span", "n", cls.count));
    item.addEventListener("click", function () {
      hiddenClasses[cls.name] = !hiddenClasses[cls.name];
      item.setAttribute("aria-pressed", hiddenClasses[cls.name] ? "false" : "true");
      applyFilters();
    });
    legend.appendChild(item);
  });

  // Relation filter: one checkbox per relation.
  var hiddenRelations = {};
  var relationBox = document.getElementById("relations");
  payload.relations.forEach(function (relation) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.rel = relation.key;
    box.addEventListener("change", function () {
      hiddenRelations[relation.key] = !box.checked;
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + relation.label + " (" + relation.count + ")"));
    relationBox.appendChild(label);
  });

  function applyFilters() {
    nodes.update(payload.nodes.map(function (node) {
      return { id: node.id, hidden: !!hiddenClasses[node.cls] };
    }));
    edges.update(edgeItems.map(function (edge) {
      return { id: edge.id, hidden: !!hiddenRelations[edge.rel] };
    }));
  }

  // Details panel.
  var details = document.getElementById("details");
  function showDetails(info) {
    while (details.firstChild) details.removeChild(details.firstChild);
    var close = el("button", "close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close details");
    close.addEventListener("click", function () { details.hidden = true; });
    details.appendChild(close);
    details.appendChild(describe(info, true));
    details.hidden = false;
  }
  var byId = {};
  payload.nodes.forEach(function (node) { byId[node.id] = node; });
  network.on("click", function (params) {
    if (params.nodes.length && byId[params.nodes[0]].info) {
      showDetails(byId[params.nodes[0]].info);
    } else if (params.edges.length) {
      var edge = edges.get(params.edges[0]);
      if (edge && edge.info) showDetails(edge.info);
    } else {
      details.hidden = true;
    }
  });

  // Search by English or Chinese label.
  var search = document.getElementById("search");
  var labels = document.getElementById("labels");
  var seen = {};
  payload.nodes.forEach(function (node) {
    if (!node.info) return;
    [node.info.en, node.info.zh].forEach(function (text) {
      if (text && !seen[text]) {
        seen[text] = true;
        var option = el("option");
        option.value = text;
        labels.appendChild(option);
      }
    });
  });
  function find() {
    var wanted = search.value.trim().toLowerCase();
    if (!wanted) return;
    var matches = payload.nodes.filter(function (node) {
      var info = node.info || {};
      return [info.en, info.zh, node.label].some(function (text) {
        return text && String(text).toLowerCase().indexOf(wanted) !== -1;
      });
    });
    if (!matches.length) { status("No entity matches “" + search.value + "”"); return; }
    var exact = matches.filter(function (node) {
      var info = node.info || {};
      return [info.en, info.zh].some(function (t) { return t && t.toLowerCase() === wanted; });
    });
    var chosen = (exact.length ? exact : matches)[0];
    network.selectNodes([chosen.id]);
    network.focus(chosen.id, { scale: 1.3, animation: false });
    if (chosen.info) showDetails(chosen.info);
    status(matches.length === 1 ? "1 match" : matches.length + " matches; showing the first");
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") find(); });

  document.getElementById("fit").addEventListener("click", function () { network.fit(); });
  document.getElementById("reset").addEventListener("click", function () {
    hiddenClasses = {};
    hiddenRelations = {};
    legend.querySelectorAll(".legend-item").forEach(function (item) {
      item.setAttribute("aria-pressed", "true");
    });
    relationBox.querySelectorAll("input").forEach(function (box) { box.checked = true; });
    applyFilters();
    network.unselectAll();
    details.hidden = true;
    search.value = "";
    status("");
    network.fit();
  });
})();
