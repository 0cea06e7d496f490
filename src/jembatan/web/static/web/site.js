// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Filter panels start folded on phones (results first) and unfolded on wide screens.
  var wide = window.matchMedia("(min-width: 56rem)");
  document.querySelectorAll("details[data-open-on-wide]").forEach(function (details) {
    if (wide.matches) details.open = true;
  });
  // After live filtering (htmx pushes the URL) the language switch returns to the current
  // address, filters included, not to the one the page was first rendered at.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("lang-switch")) return;
    var next = form.querySelector("input[name=next]");
    if (next) next.value = window.location.pathname + window.location.search;
  });
})();
