/* The download menu (dashboard/export_toolbar.py) is a native <details>: Enter and Space open it
   without this script. Escape closes it and puts focus back on its button; a click or focus
   outside it closes it too, so the open panel never covers what the reader has moved on to. An
   opened panel that would stick out of the window is moved back inside it. The skip link's
   focus move is here too, at the end. */
(function () {
    function openMenus() { return document.querySelectorAll("details.menu[open]"); }
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        openMenus().forEach(function (menu) {
            const inside = menu.contains(document.activeElement);
            menu.open = false;
            if (inside) { menu.querySelector("summary").focus(); }
        });
    });
    function closeOutside(event) {
        openMenus().forEach(function (menu) { if (!menu.contains(event.target)) { menu.open = false; } });
    }
    document.addEventListener("click", closeOutside);
    document.addEventListener("focusin", closeOutside);
    document.addEventListener("toggle", function (event) {
        const menu = event.target;
        const panel = menu.matches && menu.matches("details.menu") && menu.querySelector(".menu-panel");
        if (!panel || !menu.open) { return; }
        panel.style.transform = "";
        const rect = panel.getBoundingClientRect();
        const room = document.documentElement.clientWidth - 8;
        const shift = rect.right > room ? room - rect.right : rect.left < 8 ? 8 - rect.left : 0;
        if (shift) { panel.style.transform = "translateX(" + Math.round(shift) + "px)"; }
    }, true);
    /* The skip link moves focus to the content itself: a fragment link alone leaves it where it
       was in some browsers, and while the renderer is busy drawing (charts drawn when idle). */
    document.addEventListener("click", function (event) {
        const link = event.target.closest && event.target.closest("a.skip-link");
        const target = link && document.getElementById(link.getAttribute("href").slice(1));
        if (target) { target.focus(); }
    });
})();
