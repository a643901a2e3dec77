/* Components of dashboard/components.py: plain React, no build step. */
(function () {
    "use strict";
    const h = (...args) => window.React.createElement(...args);

    function cellContent(cell) {
        if (cell !== null && typeof cell === "object") {
            return [cell.text, h("span", {key: "hidden", className: "visually-hidden"}, cell.hidden)];
        }
        return cell;
    }

    function Table(props) {
        const numeric = new Set(props.numericColumns || []);
        const rowClass = props.rowClassNames || [];
        const numClass = (i) => (numeric.has(i) ? "num" : undefined);
        const head = h("thead", null, h("tr", null,
            props.columns.map((name, i) => h("th", {key: i, scope: "col"}, name))));
        const body = h("tbody", null, props.rows.map((row, r) => h("tr", {key: r, className: rowClass[r] || undefined},
            row.map((cell, i) => (i === 0
                ? h("th", {key: i, scope: "row"}, cellContent(cell))
                : h("td", {key: i, className: numClass(i)}, cellContent(cell)))))));
        return h("table", {id: props.id, className: props.className},
            props.caption ? h("caption", null, props.caption) : null, head, body);
    }

    window.dashboard = Object.assign(window.dashboard || {}, {Table});
})();
