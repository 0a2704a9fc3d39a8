// Every htmx request of the pages sends the session's CSRF token (read from the page's
// meta tag) in a header, as forms send it in a hidden field. No inline script anywhere.
"use strict";
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers["X-CSRF-Token"] = meta.getAttribute("content");
  }
});
