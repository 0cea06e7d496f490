// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Filter panels start folded on phones (results first) and unfolded on wide screens.
  var wide = window.matchMedia("(min-width: 56rem)");
  document.querySelectorAll("details[data-open-on-wide]").forEach(function (details) {
    if (wide.matches) details.open = true;
  });
})();
