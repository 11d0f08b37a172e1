// Wagtail's date, time and date-time widgets initialise themselves with an inline script, which
// the Content-Security-Policy (no 'unsafe-inline') refuses. Their templates, overridden in
// templates/wagtailadmin/widgets/, carry the same call as data attributes; this makes the call,
// for the page as loaded and for forms added later (inline panels, modals).
(() => {
  "use strict";

  const CHOOSERS = new Set(["initDateChooser", "initTimeChooser", "initDateTimeChooser"]);

  function initChoosers(root) {
    root.querySelectorAll("[data-pp-chooser]").forEach((marker) => {
      const init = marker.dataset.ppChooser;
      if (marker.dataset.ppDone || !CHOOSERS.has(init) || typeof window[init] !== "function") {
        return;
      }
      marker.dataset.ppDone = "true";
      window[init](marker.dataset.ppTarget, JSON.parse(marker.dataset.ppConfig || "{}"));
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    initChoosers(document);
    new MutationObserver((changes) => {
      changes.forEach((change) => {
        change.addedNodes.forEach((node) => {
          if (node.nodeType === Node.ELEMENT_NODE) {
            initChoosers(node.parentNode || node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
