// The import review: a span of the source text selected with the mouse or
// the keyboard becomes a new task. The page works without this script (the
// task is typed or pasted into "Thêm nhiệm vụ"); with it, the selection
// fills that box and the span's byte offsets in the source text, and the
// form is posted as the "Thêm nhiệm vụ" button would post it.
(function () {
  "use strict";
  var src = document.getElementById("im-src");
  var pick = document.getElementById("im-pick");
  var form = document.getElementById("im-form");
  var add = document.getElementById("add_task");
  if (!src || !pick || !form || !add) {
    return;
  }
  var enc = new TextEncoder();
  var chosen = null; // {text, start, end}: the last selection inside the source

  // textUpTo is the source text from its start to (node, offset), without
  // the task numbers the page prints at each task's mark.
  function textUpTo(node, offset) {
    var r = document.createRange();
    r.setStart(src, 0);
    r.setEnd(node, offset);
    var f = r.cloneContents();
    f.querySelectorAll("mark > a").forEach(function (a) { a.remove(); });
    return f.textContent;
  }

  function update() {
    chosen = null;
    var sel = window.getSelection();
    if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
      var r = sel.getRangeAt(0);
      if (src.contains(r.startContainer) && src.contains(r.endContainer)) {
        var before = textUpTo(r.startContainer, r.startOffset);
        var upto = textUpTo(r.endContainer, r.endOffset);
        var text = upto.slice(before.length);
        var lead = text.length - text.replace(/^\s+/, "").length;
        var trail = text.length - text.replace(/\s+$/, "").length;
        text = text.trim();
        if (text !== "") {
          var start = enc.encode(before).length + enc.encode(upto.slice(before.length, before.length + lead)).length;
          var end = enc.encode(upto).length - enc.encode(upto.slice(upto.length - trail)).length;
          chosen = { text: text.replace(/\s+/g, " "), start: start, end: end };
        }
      }
    }
    pick.hidden = chosen === null;
  }

  document.addEventListener("selectionchange", update);
  pick.querySelector("button").addEventListener("click", function () {
    if (chosen === null) {
      return;
    }
    document.getElementById("new_text").value = chosen.text;
    document.getElementById("new_start").value = String(chosen.start);
    document.getElementById("new_end").value = String(chosen.end);
    form.requestSubmit(add);
  });
})();
