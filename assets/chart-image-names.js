/* Chart images (PNG) are named for what they show: the view's file-name stem (city, division,
   page, status date, selection; the export toolbar's `data-image-prefix`) plus the chart's title.
   Set just before Plotly's own camera button reads its options, so the name follows the controls. */
(function () {
    function slug(text) {
        return text.toLowerCase().replace(/[äå]/g, "a").replace(/ö/g, "o")
            .replace(/[^a-z0-9\s-]/g, "").replace(/[\s-]+/g, "-").replace(/^-+|-+$/g, "");
    }
    document.addEventListener("click", function (event) {
        const button = event.target.closest && event.target.closest(".modebar-btn");
        const graph = button && button.closest(".js-plotly-plot");
        const stamp = document.querySelector("[data-image-prefix]");
        if (!graph || !graph._context || !stamp) { return; }
        const card = graph.closest("section");
        const heading = card && card.querySelector("h2, h3");
        const title = heading ? slug(heading.textContent).slice(0, 90).replace(/-+$/, "") : "";
        graph._context.toImageButtonOptions = {
            format: "png",
            scale: 2,
            filename: stamp.getAttribute("data-image-prefix") + (title ? "-" + title : ""),
        };
    }, true);
})();
