/* mlsys-graph interactive page.
 *
 * Draws the data Python prepared (positions, sizes, colours, filters' memberships): it
 * computes nothing about the graph. Every piece of list text is put into the page with
 * textContent or as a DOM text node, never as HTML; links are made only for http(s) URLs.
 * window.mlsysGraph exposes the network and its DataSets (for tests and the curious).
 */
(function () {
  "use strict";

  /* Milliseconds since navigation: this script starts, the data is parsed, the network is
     made, it is first drawn (bench/viz.py reads them). */
  var timing = { script: performance.now() };
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  timing.parsed = performance.now();
  var meta = data.meta || {};
  var edgeMeta = data.edgeMeta || {};
  var api = { data: data, firstDrawMs: null, timing: timing };
  window.mlsysGraph = api;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function webUrl(url) {
    if (typeof url !== "string") return null;
    try {
      var parsed = new URL(url);
      if ((parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname) {
        return parsed.href;
      }
    } catch (e) {
      /* not a URL */
    }
    return null;
  }

  function nameKey(text) {
    var words = String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .match(/[\p{L}\p{N}]+/gu);
    return words ? words.join(" ") : "";
  }

  function metaOf(id) {
    return meta[String(id)] || {};
  }

  /* ---- tooltips: built on hover, as DOM text ---- */

  function nodeTip(node) {
    var m = metaOf(node.id);
    var box = el("div");
    box.appendChild(el("div", m.label || node.label || node.id, "tip-title"));
    var facts = [m.kind, m.year, m.venue].filter(function (x) { return x !== undefined && x !== ""; });
    if (facts.length) box.appendChild(el("div", facts.join(" · "), "tip-facts"));
    if (m.authors && m.authors.length) {
      box.appendChild(el("div", m.authors.slice(0, 4).join(", ") +
        (m.authors.length > 4 || m.etAl ? ", et al." : "")));
    }
    if (typeof node.given === "string" && node.given) box.appendChild(el("div", node.given));
    return box;
  }

  function edgeTip(edge) {
    var m = edgeMeta[String(edge.id)] || {};
    var from = metaOf(edge.from), to = metaOf(edge.to);
    var box = el("div");
    box.appendChild(el("div", (from.name || from.label || edge.from) + " " + (m.relation || "–") +
      " " + (to.name || to.label || edge.to), "tip-title"));
    var facts = [m.strength, m.evidence, m.phrase ? "“" + m.phrase + "”" : null, m.reason, m.via]
      .filter(function (x) { return x; });
    if (facts.length) box.appendChild(el("div", facts.join(" · "), "tip-facts"));
    if (typeof edge.given === "string" && edge.given) box.appendChild(el("div", edge.given));
    return box;
  }

  /* Titles handed in as strings (a notebook's add_node(title=...)) become plain text. */
  function textTitles(items) {
    items.forEach(function (item) {
      if (item.title !== undefined) {
        item.given = typeof item.title === "string" ? item.title : String(item.title);
        delete item.title;
      }
    });
    return items;
  }

  var nodes = new vis.DataSet(textTitles(data.nodes));
  var edges = new vis.DataSet(textTitles(data.edges));
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options || {});
  timing.network = performance.now();
  api.network = network;
  api.nodes = nodes;
  api.edges = edges;
  network.once("afterDrawing", function () {
    api.firstDrawMs = timing.drawn = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });
  network.on("hoverNode", function (event) {
    var node = nodes.get(event.node);
    if (node && !(node.title instanceof Element)) nodes.update({ id: node.id, title: nodeTip(node) });
  });
  network.on("hoverEdge", function (event) {
    var edge = edges.get(event.edge);
    if (edge && !(edge.title instanceof Element)) edges.update({ id: edge.id, title: edgeTip(edge) });
  });

  /* ---- the panel ---- */

  var panel = document.getElementById("panel");

  function row(list, label, value) {
    if (value === undefined || value === null || value === "") return null;
    list.appendChild(el("dt", label));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = String(value);
    list.appendChild(dd);
    return dd;
  }

  function lines(texts) {
    var box = el("div");
    texts.forEach(function (text) { box.appendChild(el("div", text)); });
    return box;
  }

  function showNode(id) {
    var m = metaOf(id);
    var node = nodes.get(id) || {};
    panel.replaceChildren();
    panel.appendChild(el("h2", m.label || node.label || id));
    var list = el("dl");
    row(list, "Kind", m.kind);
    if (m.name) row(list, "Short name", m.name);
    row(list, "Year", m.year);
    if (m.authors && m.authors.length) {
      row(list, "Authors", m.authors.join(", ") + (m.etAl ? ", et al." : ""));
    }
    if (m.venue) row(list, "Venue", m.venueName ? m.venue + " — " + m.venueName : m.venue);
    else if (m.venueName) row(list, "Full name", m.venueName);
    var links = el("div");
    (m.links || []).forEach(function (pair) {
      var href = webUrl(pair[1]);
      if (!href) return;
      var line = el("div");
      var a = el("a", pair[0] || href);
      a.href = href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      line.appendChild(a);
      links.appendChild(line);
    });
    if (links.childNodes.length) row(list, "Links", links);
    if (m.listed && m.listed.length) row(list, "Listed at", lines(m.listed));
    if (m.summary) row(list, "Summary", m.summary);
    if (m.score !== undefined && data.sizeBy) row(list, data.sizeBy, m.score);
    if (typeof node.given === "string" && node.given) row(list, "Note", node.given);
    row(list, "IRI", m.iri);
    panel.appendChild(list);
  }

  function showEdge(id) {
    var m = edgeMeta[String(id)] || {};
    var edge = edges.get(id) || {};
    var from = metaOf(edge.from), to = metaOf(edge.to);
    panel.replaceChildren();
    panel.appendChild(el("h2", m.relation || "edge"));
    var list = el("dl");
    row(list, "From", from.label || edge.from);
    row(list, "To", to.label || edge.to);
    row(list, "Strength", m.strength);
    row(list, "Evidence", m.evidence);
    if (m.phrase) row(list, "Phrase", "“" + m.phrase + "”");
    row(list, "Reason", m.reason);
    row(list, "Shared entries", m.works);
    row(list, "Via", m.via);
    row(list, "Weight", m.weight);
    panel.appendChild(list);
  }

  network.on("click", function (event) {
    if (event.nodes.length) showNode(event.nodes[0]);
    else if (event.edges.length) showEdge(event.edges[0]);
  });

  /* ---- legend and filters ---- */

  var legend = document.getElementById("legend");
  var kindBoxes = {};
  (data.kinds || []).forEach(function (k) {
    var label = el("label", null, "kind");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = k.kind;
    kindBoxes[k.kind] = box;
    var swatch = el("span", null, "swatch");
    swatch.style.background = /^#[0-9a-fA-F]{3,8}$/.test(k.color) ? k.color : "#999";
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(k.kind + " (" + k.count + ")"));
    legend.appendChild(label);
  });
  var hasLineage = data.edges.some(function (e) { return e.arrows; });
  var lineageNote = document.getElementById("lineage-note");
  if (hasLineage && data.lineageNote) {
    lineageNote.appendChild(el("span", "→ ", "lineage-mark"));
    lineageNote.appendChild(document.createTextNode(data.lineageNote + "; dashed: inferred"));
  }
  var notes = document.getElementById("notes");
  (data.notes || []).forEach(function (text) { notes.appendChild(el("li", text)); });

  var topicSelect = document.getElementById("topic");
  (data.topics || []).forEach(function (label, i) {
    var option = el("option", label);
    option.value = String(i);
    topicSelect.appendChild(option);
  });
  var yearFrom = document.getElementById("year-from");
  var yearTo = document.getElementById("year-to");
  var undated = document.getElementById("undated");
  var years = data.years || null;
  if (years) {
    yearFrom.min = yearTo.min = String(years[0]);
    yearFrom.max = yearTo.max = String(years[1]);
    yearFrom.value = String(years[0]);
    yearTo.value = String(years[1]);
  } else {
    yearFrom.disabled = yearTo.disabled = undated.disabled = true;
  }

  var status = document.getElementById("status");
  function describe(shown) {
    var total = nodes.length;
    var text = (shown === total ? total + " nodes" : shown + " of " + total + " nodes shown") +
      ", " + edges.length + " edges · " + (data.view || "") + " view";
    if (data.sizeBy) text += " · sized by " + data.sizeBy;
    status.textContent = text;
  }

  function visible(node) {
    var m = metaOf(node.id);
    if (m.kind !== undefined && kindBoxes[m.kind] && !kindBoxes[m.kind].checked) return false;
    if (topicSelect.value !== "") {
      if (!(m.topics || []).includes(Number(topicSelect.value))) return false;
    }
    if (years) {
      var from = Number(yearFrom.value || years[0]), to = Number(yearTo.value || years[1]);
      if (from > years[0] || to < years[1] || !undated.checked) {
        if (!m.span) return undated.checked;
        if (m.span[1] < from || m.span[0] > to) return false;
      }
    }
    return true;
  }

  function applyFilters() {
    var changes = [], shown = 0;
    nodes.forEach(function (node) {
      var show = visible(node);
      if (show) shown += 1;
      if (Boolean(node.hidden) === show) changes.push({ id: node.id, hidden: !show });
    });
    if (changes.length) nodes.update(changes);
    describe(shown);
  }

  function resetFilters() {
    Object.keys(kindBoxes).forEach(function (k) { kindBoxes[k].checked = true; });
    topicSelect.value = "";
    if (years) {
      yearFrom.value = String(years[0]);
      yearTo.value = String(years[1]);
    }
    undated.checked = true;
    applyFilters();
  }

  legend.addEventListener("change", applyFilters);
  topicSelect.addEventListener("change", applyFilters);
  yearFrom.addEventListener("change", applyFilters);
  yearTo.addEventListener("change", applyFilters);
  undated.addEventListener("change", applyFilters);
  document.getElementById("reset").addEventListener("click", resetFilters);
  describe(nodes.length);

  /* ---- search ---- */

  var keys = null;
  function searchKeys() {
    if (keys === null) {
      keys = [];
      nodes.forEach(function (node) {
        var m = metaOf(node.id);
        var names = [m.name, m.label, node.label].filter(function (x) { return x; });
        names.forEach(function (name) { keys.push([nameKey(name), node.id]); });
      });
    }
    return keys;
  }

  function find(query) {
    var key = nameKey(query);
    if (!key) return null;
    var best = null, bestRank = null;
    searchKeys().forEach(function (pair) {
      var k = pair[0], id = pair[1];
      var rank = k === key ? 0 : k.indexOf(key) === 0 ? 1 : k.indexOf(key) > 0 ? 2 : -1;
      if (rank < 0) return;
      var size = (nodes.get(id) || {}).size || 0;
      if (bestRank === null || rank < bestRank[0] || (rank === bestRank[0] && size > bestRank[1])) {
        best = id;
        bestRank = [rank, size];
      }
    });
    return best;
  }

  function focusNode(id) {
    var node = nodes.get(id);
    if (!node) return false;
    if (node.hidden) resetFilters();
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    showNode(id);
    return true;
  }

  api.find = find;
  api.focus = focusNode;

  var search = document.getElementById("search");
  var names = document.getElementById("names");
  search.addEventListener("focus", function fill() {
    search.removeEventListener("focus", fill);
    var seen = {};
    nodes.forEach(function (node) {
      var label = metaOf(node.id).label || node.label;
      if (label && !seen[label]) {
        seen[label] = true;
        var option = el("option");
        option.value = String(label);
        names.appendChild(option);
      }
    });
  });
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var id = find(search.value);
    if (id === null) {
      status.textContent = "No node named “" + search.value + "”";
      return;
    }
    focusNode(id);
  });
})();
