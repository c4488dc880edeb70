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
