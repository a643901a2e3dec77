/* In a frame, tell the parent page how tall the content is, so the portal can size the frame to
   it (see "Embedding and production" in the README). Only the height is sent; nothing else. */
(function () {
  "use strict";
  if (window.parent === window || typeof ResizeObserver === "undefined") {
    return;
  }
  var last = -1;
  function post() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "heinola-dashboard:height", height: height }, "*");
    }
  }
  function start() {
    new ResizeObserver(post).observe(document.body);
    post();
  }
  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
