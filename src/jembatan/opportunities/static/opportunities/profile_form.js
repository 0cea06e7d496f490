// The profile form's enhancements; without this file the form still works: every type of
// cooperation is shown (the server refuses those of another kind, with a field error) and
// classification codes are typed into the text field.
(function () {
  "use strict";
  var form = document.querySelector("form.profile-form");
  if (!form) return;

  // Types of cooperation: only those of the chosen kind can be ticked.
  var kind = form.querySelector("select[name=kind]");
  var byKind = JSON.parse(form.getAttribute("data-types-by-kind") || "{}");
  var types = form.querySelectorAll("input[name=cooperation_types]");
  function showTypes() {
    var allowed = byKind[kind.value] || [];
    types.forEach(function (box) {
      var fits = allowed.indexOf(box.value) !== -1;
      var row = box.closest("div") || box.parentNode;
      row.hidden = !fits;
      box.disabled = !fits;
      if (!fits) box.checked = false;
    });
  }
  if (kind && types.length) {
    kind.addEventListener("change", showTypes);
    showTypes();
  }

  // Classification codes: a search box over the company's own scheme adds codes to the field.
  var codes = form.querySelector("input[name=classification_codes]");
  var picker = form.querySelector(".code-picker");
  if (!codes || !picker) return;
  var search = picker.querySelector("input[type=search]");
  var list = picker.querySelector(".code-picker__results");
  picker.hidden = false;
  var timer = null;
  function current() {
    return codes.value.split(/[\s,;、]+/).filter(function (c) { return c; });
  }
  function add(code) {
    var chosen = current();
    if (chosen.indexOf(code) === -1) chosen.push(code);
    codes.value = chosen.join(", ");
    codes.dispatchEvent(new Event("change", { bubbles: true }));
  }
  function render(results) {
    list.innerHTML = "";
    results.forEach(function (item) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "code-picker__option";
      var code = document.createElement("span");
      code.className = "mono";
      code.textContent = item.code;
      button.appendChild(code);
      button.appendChild(document.createTextNode(" " + item.title));
      button.addEventListener("click", function () { add(item.code); });
      li.appendChild(button);
      list.appendChild(li);
    });
    if (!results.length && search.value.trim()) {
      var empty = document.createElement("li");
      empty.className = "muted";
      empty.textContent = picker.getAttribute("data-empty");
      list.appendChild(empty);
    }
  }
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = search.value.trim();
      if (!q) { render([]); return; }
      var url = picker.getAttribute("data-url") + "?scheme=" + encodeURIComponent(codes.getAttribute("data-scheme")) + "&q=" + encodeURIComponent(q);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { render(data.results || []); });
    }, 250);
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") event.preventDefault();  // never submits the whole form
  });
})();
