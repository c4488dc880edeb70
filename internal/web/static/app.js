// giaoban: the little script the pages use. Every page works without it; it
// only adds comfort. It is served as a file because the Content-Security-
// Policy allows no inline script.
"use strict";

// "Quay lại" links go back in history, so a form keeps what was typed.
document.addEventListener("click", function (ev) {
  var a = ev.target.closest && ev.target.closest("a[data-back]");
  if (a && window.history.length > 1) {
    ev.preventDefault();
    window.history.back();
  }
});

// Unit pickers (templates/partials/unitpicker.html): a search box that
// filters the units as one types, and the ticked units on top.
(function () {
  // fold does what Go's textfold.Fold does to the units' data-keys.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setUp(picker) {
    var search = picker.querySelector("[data-search]");
    var chosen = picker.querySelector("[data-chosen]");
    var none = chosen.querySelector(".picker-none");
    var empty = picker.querySelector("[data-empty]");
    var groups = Array.prototype.slice.call(picker.querySelectorAll("details[data-group]"));
    var home = new Map(); // a unit's label → the group it came from
    groups.forEach(function (g) {
      g.querySelectorAll("label.picker-unit").forEach(function (l) { home.set(l, g); });
    });

    function visibleUnits() {
      return Array.prototype.slice.call(picker.querySelectorAll("[data-list] label.picker-unit")).filter(function (l) { return !l.hidden; });
    }

    // A unit matches when every word typed begins one of its words
    // ("y te" finds "Phòng Y tế", not "Ủy ban … Khối Kinh tế").
    function wordsOf(keys) {
      return keys.split(/[^a-z0-9&]+/).concat(keys.split(/[^a-z0-9]+/)).filter(Boolean);
    }
    function filter() {
      var typed = fold(search.value).split(/[^a-z0-9&]+/).filter(Boolean);
      var any = false;
      groups.forEach(function (g) {
        var shown = 0;
        g.querySelectorAll("label.picker-unit").forEach(function (l) {
          var words = wordsOf(l.getAttribute("data-keys"));
          var ok = typed.every(function (w) {
            return words.some(function (k) { return k.lastIndexOf(w, 0) === 0; });
          });
          l.hidden = !ok;
          if (ok) shown++;
        });
        g.hidden = shown === 0;
        if (typed.length) g.open = shown > 0;
        any = any || shown > 0;
      });
      empty.hidden = any || !typed.length;
    }

    function place(box) {
      var label = box.closest("label");
      if (box.checked) {
        chosen.appendChild(label);
      } else if (home.has(label)) {
        home.get(label).appendChild(label);
      } else {
        // A unit chosen when the page was made: it goes to its block's group
        // only if one exists; otherwise it stays, unticked, where it is.
        return;
      }
      label.hidden = false;
      none.hidden = chosen.querySelectorAll("input:checked").length > 0;
      filter();
    }

    picker.addEventListener("change", function (ev) {
      if (ev.target.matches("input[type=checkbox]")) place(ev.target);
    });
    search.hidden = false;
    search.addEventListener("input", filter);
    search.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault(); // Enter here must not send the whole form
      var shown = visibleUnits();
      if (shown.length === 1) {
        var box = shown[0].querySelector("input");
        box.checked = true;
        place(box);
        search.value = "";
        filter();
      }
    });
  }

  document.querySelectorAll("[data-picker]").forEach(setUp);
})();
