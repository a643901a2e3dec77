/* Components of dashboard/components.py: plain React, no build step. */
(function () {
    "use strict";
    const React = window.React;
    const h = (...args) => React.createElement(...args);

    function cellContent(cell) {
        if (cell !== null && typeof cell === "object") {
            return [cell.text, h("span", {key: "hidden", className: "visually-hidden"}, cell.hidden)];
        }
        return cell;
    }

    function Table(props) {
        const numeric = new Set(props.numericColumns || []);
        const rowClass = props.rowClassNames || [];
        const rowId = props.rowIds || [];
        const numClass = (i) => (numeric.has(i) ? "num" : undefined);
        const head = h("thead", null, h("tr", null,
            props.columns.map((name, i) => h("th", {key: i, scope: "col"}, name))));
        const body = h("tbody", null, props.rows.map((row, r) => h("tr", {key: r, id: rowId[r] || undefined, className: rowClass[r] || undefined},
            row.map((cell, i) => (i === 0
                ? h("th", {key: i, scope: "row"}, cellContent(cell))
                : h("td", {key: i, className: numClass(i)}, cellContent(cell)))))));
        return h("table", {id: props.id, className: props.className},
            props.caption ? h("caption", null, props.caption) : null, head, body);
    }

    /* Markup: [tag, props, ...children] or text, as dashboard/components.py's to_markup sends it. */
    function fromMarkup(node, key) {
        if (!Array.isArray(node)) {
            return node;
        }
        const [tag, props, ...children] = node;
        const type = tag === "dashboard.Table" ? Table : tag;
        return h(type, Object.assign({key: key}, props), ...children.map(fromMarkup));
    }

    function Markup(props) {
        return h(React.Fragment, null, (props.tree || []).map(fromMarkup));
    }

    /* Charts in the viewport are drawn at once; the others when the browser is idle, one per idle
       period, so a click answers with what the reader sees and never waits on charts out of sight
       (a Plotly redraw costs 20-40 ms a chart). Before printing, every chart is drawn. */
    const waiting = new Set();  // charts whose figure is not drawn yet, in page order
    let idleScheduled = false;
    const whenIdle = window.requestIdleCallback
        ? (callback) => window.requestIdleCallback(callback, {timeout: 500})
        : (callback) => window.setTimeout(callback, 20);

    function drawNextWhenIdle() {
        if (idleScheduled || waiting.size === 0) {
            return;
        }
        idleScheduled = true;
        whenIdle(() => {
            idleScheduled = false;
            const next = waiting.values().next().value;
            if (next) {
                next.draw();
            }
            drawNextWhenIdle();
        });
    }

    let viewport = null;
    function watchViewport(chart) {
        if (!viewport && window.IntersectionObserver) {
            viewport = new window.IntersectionObserver((entries) => entries.forEach((entry) => {
                const seen = entry.target.__plot;
                if (seen) {
                    seen.inView = entry.isIntersecting;
                    if (seen.inView) {
                        seen.update();
                    }
                }
            }));
        }
        if (viewport) {
            viewport.observe(chart.box.current);
        }
    }

    /* plotly.js loads async (see app_factory): until it has run, charts wait for it. */
    function withPlotly(callback) {
        if (window.Plotly) {
            callback();
            return;
        }
        const script = document.getElementById("plotly-js");
        if (script) {
            script.addEventListener("load", () => callback(), {once: true});
        }
    }

    window.addEventListener("beforeprint", () => Array.from(waiting).forEach((chart) => chart.draw()));

    class Plot extends React.Component {
        constructor(props) {
            super(props);
            this.box = React.createRef();
            this.graph = React.createRef();
            this.inView = false;
            this.drawn = null;  // the figure and config last drawn
            this.width = 0;
        }

        componentDidMount() {
            const box = this.box.current;
            box.__plot = this;
            const rect = box.getBoundingClientRect();
            this.inView = rect.width > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
            watchViewport(this);
            if (window.ResizeObserver) {
                this.resizing = new window.ResizeObserver(() => this.resize());
                this.resizing.observe(box);
            }
            this.update();
        }

        componentDidUpdate() {
            this.update();
        }

        componentWillUnmount() {
            waiting.delete(this);
            if (viewport) {
                viewport.unobserve(this.box.current);
            }
            if (this.resizing) {
                this.resizing.disconnect();
            }
            if (window.Plotly) {
                window.Plotly.purge(this.graph.current);
            }
        }

        isDrawn() {
            return this.drawn && this.drawn.figure === this.props.figure && this.drawn.config === this.props.config;
        }

        update() {
            if (this.isDrawn()) {
                return;
            }
            if (this.inView) {
                this.draw();
            } else {
                waiting.add(this);
                this.box.current.setAttribute("data-chart-state", "waiting");
                drawNextWhenIdle();
            }
        }

        draw() {
            waiting.delete(this);
            if (this.isDrawn()) {
                return;
            }
            if (!window.Plotly) {
                withPlotly(() => this.update());
                return;
            }
            const figure = this.props.figure || {};
            this.drawn = {figure: figure, config: this.props.config};
            // The width follows the card; the height is the figure's own.
            const layout = Object.assign({}, figure.layout, {autosize: true, width: undefined});
            this.width = this.box.current.clientWidth;
            window.Plotly.react(this.graph.current, figure.data || [], layout, Object.assign({}, this.props.config));
            this.box.current.setAttribute("data-chart-state", "drawn");
        }

        resize() {
            const width = this.box.current.clientWidth;
            if (this.drawn && width !== this.width && width > 0) {
                this.width = width;
                window.Plotly.Plots.resize(this.graph.current);
            }
        }

        render() {
            const layout = (this.props.figure && this.props.figure.layout) || {};
            const style = Object.assign({}, layout.height ? {height: layout.height + "px"} : {}, this.props.style);
            return h("div", {id: this.props.id, className: this.props.className, style: style, ref: this.box},
                h("div", {ref: this.graph, style: {width: "100%", height: "100%"}}));
        }
    }

    window.dashboard = Object.assign(window.dashboard || {}, {Table, Plot, Markup});
})();
