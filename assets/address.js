/* One writer of the address bar. The finance page's controls keep the query in step with
   replaceState (dashboard/web/pages/finance.py), which Dash Pages' Location does not hear. A link
   to a fragment of the page (the skip link, a deviation's link to its row) then makes the browser
   report a popstate, and Location, comparing the address with the query it last knew, would take
   it for a new address and draw the whole page again, losing the focus and the scroll the link
   gave. A popstate that leaves the path and query as this page last wrote them is only a move
   within the page, so it is not passed on. */
(function () {
    function here() { return window.location.pathname + window.location.search; }
    let written = here();
    window.dashboardAddress = {
        replace: function (url) {
            window.history.replaceState(null, "", url);
            written = here();
        }
    };
    // Registered before the renderer mounts Location, so this listener runs first.
    window.addEventListener("popstate", function (event) {
        if (here() === written) {
            event.stopImmediatePropagation();
        } else {
            written = here();
        }
    });
})();
