/* Explainers: the preview of a claim on its inline markers, and focus that follows in-page links.
   Small, no outside requests; the page works without it (markers are plain links to the boxes). */
(function () {
  "use strict";
  var MARKER = ".claim-ref a";
  var preview = null;
  var owner = null;
  var hideTimer = 0;

  function box(marker) {
    var id = decodeURIComponent((marker.getAttribute("href") || "").slice(1));
    return id ? document.getElementById(id) : null;
  }

  // The preview repeats the box's heading and sentence for sighted readers; screen readers get the
  // same sentence as the marker's description (aria-describedby), so the preview is hidden from them.
  function show(marker) {
    var target = box(marker);
    if (!target) return;
    var heading = target.querySelector(".claim__heading");
    var text = target.querySelector(".claim__text");
    if (!preview) {
      preview = document.createElement("div");
      preview.className = "claim-preview";
      preview.setAttribute("aria-hidden", "true");
      preview.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      preview.addEventListener("mouseleave", scheduleHide);
      document.body.appendChild(preview);
    }
    clearTimeout(hideTimer);
    var title = document.createElement("strong");
    title.textContent = heading ? heading.textContent : "";
    var sentence = document.createElement("span");
    sentence.textContent = text ? text.textContent : "";
    if (text && text.lang) sentence.lang = text.lang;
    preview.replaceChildren(title, sentence);
    preview.hidden = false;
    owner = marker;
    var rect = marker.getBoundingClientRect();
    var width = preview.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    preview.style.left = left + window.scrollX + "px";
    preview.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (preview) preview.hidden = true;
    owner = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300); // time to move the pointer onto the preview (WCAG 1.4.13: hoverable)
  }

  document.addEventListener("mouseover", function (event) {
    var marker = event.target.closest && event.target.closest(MARKER);
    if (marker && marker !== owner) show(marker);
    else if (marker) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (event) {
    if (event.target.closest && event.target.closest(MARKER) && document.activeElement !== owner) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    var marker = event.target.closest && event.target.closest(MARKER);
    if (marker) show(marker);
    else if (owner) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (event.target === owner) scheduleHide();
  });
  // Esc dismisses the preview without moving focus (WCAG 1.4.13: dismissible).
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && preview && !preview.hidden) hide();
  });
  window.addEventListener("resize", hide);

  // A followed in-page link moves focus to its target (a box, a source, a citation), so that
  // Tab goes on from there and screen readers read from there.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link || event.defaultPrevented || event.button !== 0) return;
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!target || !target.matches(".claim, .sources__entry, .claim-ref a")) return;
    requestAnimationFrame(function () { target.focus(); });
  });
})();
