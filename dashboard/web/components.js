/* Components of dashboard/web/components.py: plain React, no build step.

   Each declares its props as Dash's own components do (propTypes, defaults), matching the Python
   classes' `_prop_names`, and is wrapped in an error boundary: a component that throws shows a
   short message in its place instead of taking the page down with it. */
(function () {
    "use strict";
    const React = window.React;
    const PropTypes = window.PropTypes;
    const h = (...args) => React.createElement(...args);

    /* Words the components say themselves, in the page's language (`<html lang>`). */
    const MESSAGES = {
        fi: {
            broken: "Tätä osaa ei voitu näyttää.",
            noPlotly: "Kaaviota ei voitu piirtää: kaaviokirjasto ei latautunut.",
        },
        en: {
            broken: "This part could not be shown.",
            noPlotly: "The chart could not be drawn: the chart library did not load.",
        },
    };
    const message = (key) => MESSAGES[document.documentElement.lang === "en" ? "en" : "fi"][key];

    /* An error boundary around one component: its message stays until the component gets new props. */
    function guarded(Inner) {
        class Guarded extends React.Component {
            constructor(props) {
                super(props);
                this.state = {failed: false, failedProps: null};
            }

            static getDerivedStateFromError() {
                return {failed: true};
            }

            static getDerivedStateFromProps(props, state) {
                return state.failedProps && props !== state.failedProps ? {failed: false, failedProps: null} : null;
            }

            componentDidCatch() {
                this.setState({failedProps: this.props});
            }

            render() {
                if (this.state.failed) {
                    return h("p", {id: this.props.id, className: "component-error", role: "alert"}, message("broken"));
                }
                return h(Inner, this.props);
            }
        }
        Guarded.displayName = Inner.displayName || Inner.name;
        Guarded.propTypes = Inner.propTypes;
        Guarded.defaultProps = Inner.defaultProps;
        return Guarded;
    }

    function cellContent(cell) {
        if (cell !== null && typeof cell === "object") {
            return [cell.text, h("span", {key: "hidden", className: "visually-hidden"}, cell.hidden)];
        }
        return cell;
    }

    function Table({id, className, caption, columns, rows, numericColumns = [], rowClassNames = [], rowIds = []}) {
        const numeric = new Set(numericColumns);
        const numClass = (i) => (numeric.has(i) ? "num" : undefined);
        const head = h("thead", null, h("tr", null,
            columns.map((name, i) => h("th", {key: i, scope: "col"}, name))));
        const body = h("tbody", null, rows.map((row, r) => h("tr", {key: r, id: rowIds[r] || undefined, className: rowClassNames[r] || undefined},
            row.map((cell, i) => (i === 0
                ? h("th", {key: i, scope: "row"}, cellContent(cell))
                : h("td", {key: i, className: numClass(i)}, cellContent(cell)))))));
        return h("table", {id: id, className: className}, caption ? h("caption", null, caption) : null, head, body);
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

    Table.propTypes = {
        id: PropTypes.string,
        className: PropTypes.string,
        caption: PropTypes.string,
        columns: PropTypes.arrayOf(PropTypes.string).isRequired,
        /* a cell is its text, or {text, hidden}: words only a screen reader needs */
        rows: PropTypes.arrayOf(PropTypes.arrayOf(
            PropTypes.oneOfType([PropTypes.string, PropTypes.shape({text: PropTypes.string, hidden: PropTypes.string})])
        )).isRequired,
        numericColumns: PropTypes.arrayOf(PropTypes.number),
        rowClassNames: PropTypes.arrayOf(PropTypes.string),
        rowIds: PropTypes.arrayOf(PropTypes.string),
    };

    function Markup({tree = []}) {
        return h(React.Fragment, null, tree.map(fromMarkup));
    }

    Markup.propTypes = {
        id: PropTypes.string,
        /* [tag, props, ...children] or text */
        tree: PropTypes.array,
    };

    /* The parts a page's callback redraws, by id: Slots and Plots register here when mounted, and
       ViewData hands each its new content directly, so Dash's renderer applies one prop per click
       (its work grows with every output and every mounted component), not one per part. */
    const receivers = new Map();

    function registered(component) {
        receivers.set(component.props.id, component);
    }

    function unregistered(component) {
        if (receivers.get(component.props.id) === component) {
            receivers.delete(component.props.id);
        }
    }

    /* Content given by the layout (props) until ViewData sends newer; new props from Dash win again. */
    function followProps(key) {
        return (props, state) => (props[key] !== state.fromProps ? {[key]: props[key], fromProps: props[key]} : null);
    }

    /* An element whose children are Markup: drawn by the server in the layout, redrawn by ViewData. */
    class Slot extends React.Component {
        constructor(props) {
            super(props);
            this.state = {tree: props.tree, fromProps: props.tree};
        }

        componentDidMount() {
            registered(this);
        }

        componentWillUnmount() {
            unregistered(this);
        }

        receive(tree) {
            this.setState({tree: tree});
        }

        render() {
            const {id, tag, className, attributes} = this.props;
            return h(tag, Object.assign({}, attributes, {id: id, className: className}), (this.state.tree || []).map(fromMarkup));
        }
    }
    Slot.getDerivedStateFromProps = followProps("tree");

    Slot.propTypes = {
        id: PropTypes.string.isRequired,
        tag: PropTypes.string,
        className: PropTypes.string,
        /* role, hidden, aria-* and the like, as React takes them */
        attributes: PropTypes.object,
        /* [tag, props, ...children] or text */
        tree: PropTypes.array,
    };
    Slot.defaultProps = {tag: "div", attributes: {}};

    /* The computed view for the page, as the callback sends it: {parts: {id: markup}, figures: {id:
       figure}}. Draws nothing itself; hands each part to the Slot or Plot of that id. */
    class ViewData extends React.Component {
        componentDidUpdate(previous) {
            const view = this.props.view;
            if (!view || view === previous.view) {
                return;
            }
            Object.entries(view.figures || {}).forEach(([id, figure]) => {
                const plot = receivers.get(id);
                if (plot) {
                    plot.receive(figure);
                }
            });
            Object.entries(view.parts || {}).forEach(([id, tree]) => {
                const slot = receivers.get(id);
                if (slot) {
                    slot.receive(tree);
                }
            });
        }

        render() {
            return h(LoadingMark);
        }
    }

    /* While the callback that sets the view runs: `data-dash-is-loading` on an element, as Dash's
       own components mark theirs (what waits for a redraw, in tests and the benchmark, reads it). */
    function LoadingMark() {
        const api = window.dash_component_api;
        const loading = api && api.useDashContext ? api.useDashContext().useLoading() : false;
        return loading ? h("span", {hidden: true, "data-dash-is-loading": "true"}) : null;
    }

    ViewData.propTypes = {
        id: PropTypes.string.isRequired,
        /* {parts: {id: markup tree}, figures: {id: Plotly figure}} */
        view: PropTypes.object,
    };

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

    /* plotly.js loads async (see app_factory.plotly_script): until it has run, charts wait for it.
       The window's load event comes after every async script has run or failed, so a page loaded
       without window.Plotly will not get it: then the charts say so. */
    const plotlyFailed = () => !window.Plotly && document.readyState === "complete";

    function withPlotly(callback) {
        if (window.Plotly || document.readyState === "complete") {
            callback();
            return;
        }
        let called = false;
        const once = () => {
            if (!called) {
                called = true;
                callback();
            }
        };
        const script = document.getElementById("plotly-js");
        if (script) {
            script.addEventListener("load", once, {once: true});
        }
        window.addEventListener("load", once, {once: true});
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
            this.state = {noPlotly: false, figure: props.figure, fromProps: props.figure};
        }

        componentDidMount() {
            registered(this);
            const box = this.box.current;
            box.__plot = this;
            const rect = box.getBoundingClientRect();
            this.inView = rect.width > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
            watchViewport(this);
            if (window.ResizeObserver) {
                this.resizing = new window.ResizeObserver((entries) => this.resize(entries[entries.length - 1].contentRect.width));
                this.resizing.observe(box);
            }
            this.update();
        }

        componentDidUpdate() {
            this.update();
        }

        receive(figure) {
            this.setState({figure: figure});
        }

        componentWillUnmount() {
            unregistered(this);
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
            return this.drawn && this.drawn.figure === this.state.figure && this.drawn.config === this.props.config;
        }

        update() {
            if (this.isDrawn() || this.state.noPlotly) {  // a page without plotly.js will not get it
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
            if (plotlyFailed()) {
                this.box.current.setAttribute("data-chart-state", "failed");
                if (!this.state.noPlotly) {
                    this.setState({noPlotly: true});
                }
                return;
            }
            if (!window.Plotly) {
                withPlotly(() => this.update());
                return;
            }
            const figure = this.state.figure || {};
            this.drawn = {figure: this.state.figure, config: this.props.config};
            // The card's width and the figure's height, given: Plotly then measures nothing itself.
            // The width is the ResizeObserver's, once it has reported: reading it here would lay out the page.
            this.width = this.width || this.box.current.clientWidth;
            const size = this.width > 0 ? {autosize: false, width: this.width} : {autosize: true, width: undefined};
            const layout = Object.assign({}, figure.layout, size);
            window.Plotly.react(this.graph.current, figure.data || [], layout, Object.assign({}, this.props.config));
            this.box.current.setAttribute("data-chart-state", "drawn");
        }

        resize(width) {
            width = Math.round(width);
            if (width === this.width || width <= 0) {
                return;
            }
            this.width = width;
            if (this.drawn && window.Plotly) {
                window.Plotly.relayout(this.graph.current, {width: width});
            }
        }

        render() {
            const layout = (this.state.figure && this.state.figure.layout) || {};
            const style = Object.assign({}, layout.height ? {height: layout.height + "px"} : {}, this.props.style);
            return h("div", {id: this.props.id, className: this.props.className, style: style, ref: this.box},
                this.state.noPlotly ? h("p", {className: "chart-failed"}, message("noPlotly")) : null,
                h("div", {ref: this.graph, style: {width: "100%", height: "100%"}}));
        }
    }

    Plot.propTypes = {
        id: PropTypes.string.isRequired,
        className: PropTypes.string,
        style: PropTypes.object,
        /* a Plotly figure: {data, layout}; layout.height is reserved before it draws */
        figure: PropTypes.object,
        config: PropTypes.object,
    };
    Plot.defaultProps = {className: "chart", config: {}};
    Plot.getDerivedStateFromProps = followProps("figure");

    window.dashboard = Object.assign(window.dashboard || {}, {
        Table: guarded(Table),
        Plot: guarded(Plot),
        Markup: guarded(Markup),
        Slot: guarded(Slot),
        ViewData: guarded(ViewData),
    });
})();
