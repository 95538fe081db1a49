// An article page: mark the extraction right or wrong, move misplaced blocks to their role,
// show or hide roles, and show the archived page in a frame that runs no script.
"use strict";
(function () {
  const data = ReviewMarks.data;
  const id = data.id;
  const blocks = Array.prototype.slice.call(document.querySelectorAll("li.block"));
  const buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-verdict]"));
  const state = document.getElementById("verdict-state");
  const hint = document.getElementById("move-hint");

  function currentMark() {
    return ReviewMarks.load()[id];
  }

  function roleSelect(block) {
    const select = document.createElement("select");
    select.setAttribute("aria-label", "role of block " + block.dataset.index);
    data.roles.forEach(function (role) {
      const option = document.createElement("option");
      option.value = role;
      option.textContent = role;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      move(Number(block.dataset.index), block.dataset.role, select.value);
    });
    return select;
  }

  function show() {
    const mark = currentMark();
    const wrong = Boolean(mark) && mark.verdict === "wrong";
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed",
        String(Boolean(mark) && mark.verdict === button.dataset.verdict));
    });
    const moved = new Map(((mark && mark.moved) || []).map(function (m) {
      return [m.block, m.role];
    }));
    blocks.forEach(function (block) {
      const target = moved.get(Number(block.dataset.index));
      block.classList.toggle("moved", target !== undefined);
      if (target !== undefined) block.dataset.moved = target;
      else delete block.dataset.moved;
      let select = block.querySelector("select");
      if (wrong && !select) {
        select = roleSelect(block);
        block.appendChild(select);
      }
      if (select) {
        select.hidden = !wrong;
        select.value = target || block.dataset.role;
      }
    });
    hint.hidden = !wrong;
    if (!mark) state.textContent = "not marked";
    else if (mark.verdict === "right") state.textContent = "marked right";
    else state.textContent = "marked wrong, " + moved.size + " block(s) moved";
  }

  function setVerdict(verdict) {
    const marks = ReviewMarks.load();
    const mark = marks[id];
    if (mark && mark.verdict === verdict) {
      delete marks[id];  // pressing the pressed button clears the mark
    } else {
      marks[id] = {verdict: verdict, moved: verdict === "wrong" && mark ? mark.moved || [] : []};
    }
    ReviewMarks.save(marks);
    show();
  }

  function move(index, original, role) {
    const marks = ReviewMarks.load();
    const mark = marks[id] || {verdict: "wrong", moved: []};
    mark.verdict = "wrong";
    mark.moved = (mark.moved || []).filter(function (m) { return m.block !== index; });
    if (role !== original) mark.moved.push({block: index, role: role});
    mark.moved.sort(function (a, b) { return a.block - b.block; });
    marks[id] = mark;
    ReviewMarks.save(marks);
    show();
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () { setVerdict(button.dataset.verdict); });
  });

  // The legend hides and shows the blocks of a role.
  document.querySelectorAll(".legend .swatch").forEach(function (swatch) {
    swatch.addEventListener("click", function () {
      const off = swatch.classList.toggle("off");
      blocks.forEach(function (block) {
        if (block.dataset.role === swatch.dataset.role) block.classList.toggle("hidden-role", off);
      });
    });
  });

  // The archived copy: loaded into its sandbox="" frame (no script runs) only when asked for.
  const toggle = document.getElementById("toggle-archived");
  const frame = document.getElementById("archived-frame");
  if (toggle && frame) {
    toggle.addEventListener("click", function () {
      if (!frame.hasAttribute("src")) frame.src = frame.dataset.src;
      frame.hidden = !frame.hidden;
      toggle.textContent = frame.hidden ? "Show the archived page" : "Hide the archived page";
      toggle.setAttribute("aria-expanded", String(!frame.hidden));
    });
  }

  // Keys for going through many pages: r right, w wrong, n next, p previous.
  document.addEventListener("keydown", function (event) {
    const tag = (event.target && event.target.tagName) || "";
    if (event.ctrlKey || event.metaKey || event.altKey || /INPUT|TEXTAREA|SELECT/.test(tag)) return;
    const link = {n: "a[rel=next]", p: "a[rel=prev]"}[event.key];
    if (event.key === "r") setVerdict("right");
    else if (event.key === "w") setVerdict("wrong");
    else if (link && document.querySelector(link)) document.querySelector(link).click();
  });

  show();
})();
