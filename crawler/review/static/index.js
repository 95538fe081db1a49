// The index: every article as one row of data (the JSON block "rows"), filtered, sorted and
// shown a page at a time, so 10,000 articles stay quick. The filters live in the URL's hash.
"use strict";
(function () {
  const rows = JSON.parse(document.getElementById("rows").textContent);
  const data = ReviewMarks.data;
  const PAGE_SIZE = 100;
  const body = document.querySelector("table.articles tbody");
  const count = document.getElementById("count");
  const pageLabel = document.getElementById("page-label");
  const controls = {
    site: document.getElementById("f-site"),
    strategy: document.getElementById("f-strategy"),
    problem: document.getElementById("f-problem"),
    mark: document.getElementById("f-mark"),
    text: document.getElementById("f-text"),
  };
  let marks = ReviewMarks.load();
  let shown = rows;
  let page = 0;
  let sortKey = null;
  let sortDirection = 1;

  function filters() {
    return {
      site: controls.site.value,
      strategy: controls.strategy.value,
      problem: controls.problem.value,
      mark: controls.mark.value,
      text: controls.text.value.trim().toLowerCase(),
    };
  }

  function searchable(row) {
    if (row._search === undefined) {
      row._search = (row.t + " " + row.a + " " + row.u + " " + row.i).toLowerCase();
    }
    return row._search;
  }

  function matches(row, f) {
    if (f.site && row.s !== f.site) return false;
    if (f.strategy) {
      const cut = f.strategy.indexOf(":");
      if (!row.x || row.x[f.strategy.slice(0, cut)] !== f.strategy.slice(cut + 1)) return false;
    }
    if (f.problem) {
      if (f.problem.indexOf("drop:") === 0) {
        if (row.r !== f.problem.slice(5)) return false;
      } else if (row.p.indexOf(f.problem) < 0) {
        return false;
      }
    }
    if (f.mark) {
      const mark = marks[row.i];
      if ((mark ? mark.verdict : "unmarked") !== f.mark) return false;
    }
    return !f.text || searchable(row).indexOf(f.text) >= 0;
  }

  function compare(a, b) {
    const x = a[sortKey] || "";
    const y = b[sortKey] || "";
    return (x < y ? -1 : x > y ? 1 : 0) * sortDirection;
  }

  function apply() {
    const f = filters();
    shown = rows.filter(function (row) { return matches(row, f); });
    if (sortKey) shown.sort(compare);
    page = 0;
    writeHash(f);
    render();
  }

  function cell(tr, text, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (text !== undefined) td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function chip(parent, text, className) {
    const span = document.createElement("span");
    span.className = className;
    span.textContent = text;
    parent.appendChild(span);
  }

  function rowElement(row) {
    const tr = document.createElement("tr");
    tr.dataset.id = row.i;
    tr.dataset.site = row.s;
    cell(tr, row.s);
    const title = cell(tr, undefined, "title");
    title.dir = "auto";
    const link = document.createElement("a");
    link.href = "articles/" + encodeURIComponent(row.i) + ".html";
    link.textContent = row.t || "(" + (row.r ? "dropped: " + row.r : "no title") + ")";
    title.appendChild(link);
    cell(tr, row.d, "date");
    cell(tr, row.k);
    cell(tr, row.a).dir = "auto";
    cell(tr, row.c, "cluster");
    const strategies = cell(tr, undefined, "strategies");
    Object.keys(row.x || {}).forEach(function (field) {
      chip(strategies, field + ":" + row.x[field], "strategy");
    });
    const problems = cell(tr, undefined, "problems");
    row.p.forEach(function (code) {
      chip(problems, code === "dropped" && row.r ? "dropped: " + row.r : data.problems[code] || code,
        "problem");
    });
    const mark = marks[row.i];
    const markCell = cell(tr, mark ? mark.verdict : "", mark ? "mark-" + mark.verdict : "");
    markCell.dataset.mark = mark ? mark.verdict : "";
    return tr;
  }

  function render() {
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const fragment = document.createDocumentFragment();
    shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).forEach(function (row) {
      fragment.appendChild(rowElement(row));
    });
    body.replaceChildren(fragment);
    count.textContent = shown.length + " of " + rows.length + " pages";
    count.dataset.shown = String(shown.length);
    pageLabel.textContent = "page " + (page + 1) + " of " + pages;
    document.getElementById("page-prev").disabled = page === 0;
    document.getElementById("page-next").disabled = page >= pages - 1;
  }

  function writeHash(f) {
    const parts = Object.keys(f).filter(function (k) { return f[k]; }).map(function (k) {
      return k + "=" + encodeURIComponent(f[k]);
    });
    const hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== window.location.hash) history.replaceState(null, "", hash || window.location.pathname);
  }

  function readHash() {
    window.location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      const cut = part.indexOf("=");
      const key = part.slice(0, cut);
      if (cut > 0 && controls[key]) controls[key].value = decodeURIComponent(part.slice(cut + 1));
    });
  }

  Object.keys(controls).forEach(function (key) {
    controls[key].addEventListener(key === "text" ? "input" : "change", apply);
  });
  document.getElementById("page-prev").addEventListener("click", function () {
    page -= 1;
    render();
  });
  document.getElementById("page-next").addEventListener("click", function () {
    page += 1;
    render();
  });
  document.querySelectorAll("th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () {
      sortDirection = sortKey === th.dataset.sort ? -sortDirection : 1;
      sortKey = th.dataset.sort;
      apply();
    });
  });
  // Marks set on article pages (or merged) since the rows were drawn: draw them again, on the
  // same page unless the mark filter changes which rows match.
  function refreshMarks() {
    marks = ReviewMarks.load();
    ReviewMarks.refresh(marks);
    if (controls.mark.value) apply();
    else render();
  }
  document.addEventListener("marks-changed", refreshMarks);
  window.addEventListener("focus", refreshMarks);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) refreshMarks();
  });

  readHash();
  apply();
})();
