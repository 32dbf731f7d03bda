// Starts Swagger UI on /docs (legday.web.api.docs): a file of its own, because the
// Content-Security-Policy allows no inline script. The spec's address is in the page.
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  window.ui = window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi"),
    domNode: root,
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
})();
