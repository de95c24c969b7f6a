// brikg query page: picks a bundled query, posts it to /sparql by name with its parameters as
// typed (the server binds them as RDF terms, never pasted into the query text), or posts the
// query the user wrote, and shows the result as a table.
// Every string from the graph reaches the page through textContent, so none is parsed as HTML.
"use strict";

let catalogue = { prefixes: {}, queries: [] };

function $(id) { return document.getElementById(id); }

function shorten(iri) {
  for (const [prefix, ns] of Object.entries(catalogue.prefixes)) {
    if (iri.startsWith(ns)) return prefix + ":" + iri.slice(ns.length);
  }
  return "<" + iri + ">";
}

function currentQuery() {
  const name = $("picker").value;
  return catalogue.queries.find((q) => q.name === name) || null;
}

function showParams(query) {
  const box = $("params");
  box.replaceChildren();
  if (!query) return;
  for (const param of query.params) {
    const row = document.createElement("div");
    row.className = "param";
    const label = document.createElement("label");
    label.htmlFor = "param-" + param.name;
    label.textContent = "?" + param.name + " (" + param.type + ")";
    const input = document.createElement("input");
    input.id = "param-" + param.name;
    input.dataset.param = param.name;
    input.value = param.default || "";
    const help = document.createElement("small");
    help.textContent = param.doc;
    row.append(label, input, help);
    box.append(row);
  }
}

function pick() {
  const query = currentQuery();
  $("question").textContent = query ? query.question : "";
  if (query) $("query").value = query.query;
  showParams(query);
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    td.className = "iri";
    td.textContent = shorten(term.value);
    td.title = term.value;
  } else if (term.type === "bnode") {
    td.textContent = "_:" + term.value;
  } else {
    td.textContent = term.value;
    if (term["xml:lang"]) td.lang = term["xml:lang"];
  }
  return td;
}

function renderTable(json) {
  const out = $("results");
  out.replaceChildren();
  if ("boolean" in json) {
    const p = document.createElement("p");
    p.textContent = json.boolean ? "yes (true)" : "no (false)";
    out.append(p);
    return 1;
  }
  const vars = json.head.vars;
  const table = document.createElement("table");
  table.id = "result-table";
  const head = table.createTHead().insertRow();
  for (const name of vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const binding of json.results.bindings) {
    const tr = body.insertRow();
    for (const name of vars) tr.append(cell(binding[name]));
  }
  out.append(table);
  return json.results.bindings.length;
}

async function run() {
  const error = $("error");
  error.hidden = true;
  error.textContent = "";
  $("status").textContent = "running…";
  const form = new URLSearchParams();
  const query = currentQuery();
  if (query && $("query").value === query.query) {
    // A bundled query as picked: the server reads its parameters as `brikg query --param`
    // does (a country by code or name, an entity by label, a kind by label) and says what is wrong.
    form.set("named", query.name);
    for (const param of query.params) {
      const input = document.querySelector('[data-param="' + param.name + '"]');
      if (input && input.value.trim() !== "") form.set("param." + param.name, input.value.trim());
    }
  } else {
    form.set("query", $("query").value);
  }
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: form.toString(),
    });
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      $("results").replaceChildren();
      error.textContent = "HTTP " + response.status + ": " + text;
      error.hidden = false;
      $("status").textContent = "";
      return;
    }
    if ((response.headers.get("Content-Type") || "").includes("json")) {
      const rows = renderTable(JSON.parse(text));
      $("status").textContent = rows + " row" + (rows === 1 ? "" : "s") + " in " + seconds + " s";
    } else {
      const pre = document.createElement("pre");
      pre.textContent = text;
      $("results").replaceChildren(pre);
      $("status").textContent = "graph result in " + seconds + " s";
    }
  } catch (failure) {
    error.textContent = String(failure);
    error.hidden = false;
    $("status").textContent = "";
  }
}

async function init() {
  $("run").addEventListener("click", run);
  $("picker").addEventListener("change", pick);
  const response = await fetch("/api/queries");
  catalogue = await response.json();
  for (const query of catalogue.queries) {
    const option = document.createElement("option");
    option.value = query.name;
    option.textContent = query.name + " — " + query.question;
    $("picker").append(option);
  }
}

init();
