// Drag a pipeline card onto another column to move it; the card's own form does the move,
// so the board works the same without this file (select a stage, press Move).
(function () {
  "use strict";
  var board = document.querySelector("[data-board]");
  if (!board) return;
  var dragged = null;
  board.querySelectorAll("[data-card]").forEach(function (card) {
    if (!card.querySelector("[data-move]")) { card.removeAttribute("draggable"); return; }
    card.addEventListener("dragstart", function (event) {
      dragged = card;
      card.classList.add("board__card--dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", "");
    });
    card.addEventListener("dragend", function () {
      card.classList.remove("board__card--dragging");
      dragged = null;
    });
  });
  board.querySelectorAll("[data-stage]").forEach(function (column) {
    column.addEventListener("dragover", function (event) {
      if (!dragged || dragged.closest("[data-stage]") === column) return;
      event.preventDefault();
      column.classList.add("board__column--target");
    });
    column.addEventListener("dragleave", function () {
      column.classList.remove("board__column--target");
    });
    column.addEventListener("drop", function (event) {
      event.preventDefault();
      column.classList.remove("board__column--target");
      if (!dragged) return;
      var form = dragged.querySelector("[data-move]");
      var stage = column.getAttribute("data-stage");
      form.querySelector("[data-stage-select]").value = stage;
      var reason = form.querySelector("[data-reason-select]");
      if (stage === "closed" && !reason.value) {
        // Closing needs a reason: show the card's form with "closed" chosen.
        reason.focus();
        return;
      }
      form.submit();
    });
  });
})();
