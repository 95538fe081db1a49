// Review marks, {article id: {verdict: "right" | "wrong", moved: [{block, role}]}}: kept in the
// browser's localStorage under this site's key (the site's pages share it), offered as a
// marks.json download and in a copy-paste box. Pages opened where storage is refused keep the
// marks in memory; the download then holds this page's marks only.
"use strict";
const ReviewMarks = (function () {
  const data = JSON.parse(document.getElementById("review-data").textContent);
  const storeKey = "crawler-review-marks:" + data.key;
  const VERDICTS = ["right", "wrong"];
  let memory = {};
  let downloadUrl = null;

  function load() {
    try {
      const raw = window.localStorage.getItem(storeKey);
      return raw ? JSON.parse(raw) : {};
    } catch (error) {
      return JSON.parse(JSON.stringify(memory));
    }
  }

  function asText(marks) {
    return JSON.stringify(marks, null, 1) + "\n";
  }

  function save(marks) {
    memory = marks;
    try {
      window.localStorage.setItem(storeKey, JSON.stringify(marks));
    } catch (error) {
      // No storage for file pages in this browser: memory only.
    }
    refresh(marks);
  }

  function refresh(marks) {
    marks = marks || load();
    const text = asText(marks);
    const box = document.getElementById("marks-json");
    if (box) box.value = text;
    const link = document.getElementById("marks-download");
    if (link) {
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = URL.createObjectURL(new Blob([text], {type: "application/json"}));
      link.href = downloadUrl;
    }
    document.querySelectorAll(".marks-count").forEach(function (node) {
      node.textContent = String(Object.keys(marks).length);
    });
  }

  function valid(mark) {
    return mark && typeof mark === "object" && VERDICTS.indexOf(mark.verdict) >= 0 &&
      (mark.moved === undefined || Array.isArray(mark.moved));
  }

  // Marks pasted from another browser or an earlier download: the pasted ones win.
  function merge(text) {
    const pasted = JSON.parse(text);
    if (!pasted || typeof pasted !== "object" || Array.isArray(pasted)) {
      throw new Error("marks must be a JSON object {article id: mark}");
    }
    const marks = load();
    let added = 0;
    Object.keys(pasted).forEach(function (id) {
      if (valid(pasted[id])) {
        marks[id] = {verdict: pasted[id].verdict, moved: pasted[id].moved || []};
        added += 1;
      }
    });
    save(marks);
    return added;
  }

  function wireMergeBox() {
    const button = document.getElementById("marks-merge");
    const box = document.getElementById("marks-paste");
    const status = document.getElementById("marks-merge-status");
    if (!button || !box) return;
    button.addEventListener("click", function () {
      try {
        const added = merge(box.value);
        status.textContent = added + " marks merged";
        box.value = "";
        document.dispatchEvent(new CustomEvent("marks-changed"));
      } catch (error) {
        status.textContent = "not merged: " + error.message;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    refresh();
    wireMergeBox();
  });
  return {data: data, load: load, save: save, refresh: refresh, merge: merge};
})();
