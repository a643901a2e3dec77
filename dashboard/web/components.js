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
            viewFailed: "Näkymää ei voitu päivittää, koska palvelin ei vastannut. Sivulla on edellinen näkymä: valitse uudelleen tai lataa sivu.",
        },
        en: {
            broken: "This part could not be shown.",
            noPlotly: "The chart could not be drawn: the chart library did not load.",
            viewFailed: "The view could not be updated because the server did not answer. The page shows the previous view: choose again or reload the page.",
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

    /* With `rowsShown`, a longer table draws its first rows and a button for the rest (a city's
       ledger lists hundreds of exceptions: thousands of elements to lay out on every click). A
       print shows every row. */
    function Table({id, className, caption, columns, rows, numericColumns = [], rowClassNames = [], rowIds = [],
                    rowsShown = 0, moreLabel = "", lessLabel = ""}) {
        const [everyRow, setEveryRow] = React.useState(false);
        const long = rowsShown > 0 && rows.length > rowsShown;
        React.useEffect(() => {
            if (!long) {
                return undefined;
            }
            const printing = () => now(() => setEveryRow(true));
            window.addEventListener("beforeprint", printing);
            return () => window.removeEventListener("beforeprint", printing);
        }, [long]);
        const numeric = new Set(numericColumns);
        const numClass = (i) => (numeric.has(i) ? "num" : undefined);
        const head = h("thead", null, h("tr", null,
            columns.map((name, i) => h("th", {key: i, scope: "col"}, name))));
        const drawn = long && !everyRow ? rows.slice(0, rowsShown) : rows;
        const body = h("tbody", null, drawn.map((row, r) => h("tr", {key: r, id: rowIds[r] || undefined, className: rowClassNames[r] || undefined},
            row.map((cell, i) => (i === 0
                ? h("th", {key: i, scope: "row"}, cellContent(cell))
                : h("td", {key: i, className: numClass(i)}, cellContent(cell)))))));
        const table = h("table", {id: id, className: className}, caption ? h("caption", null, caption) : null, head, body);
        if (!long) {
            return table;
        }
        const toggle = h("button", {type: "button", className: "button table-more",
                                    "aria-expanded": everyRow ? "true" : "false", onClick: () => setEveryRow(!everyRow)},
                         everyRow ? lessLabel : moreLabel);
        return h(React.Fragment, null, table, toggle);
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
        /* the rows drawn until the button shows the rest (0: every row) */
        rowsShown: PropTypes.number,
        moreLabel: PropTypes.string,
        lessLabel: PropTypes.string,
    };

    function Markup({tree = []}) {
        return h(React.Fragment, null, tree.map(fromMarkup));
    }

    Markup.propTypes = {
        id: PropTypes.string,
        /* [tag, props, ...children] or text */
        tree: PropTypes.array,
    };

    /* The parts a view redraws, by id: Slots and Plots register here when mounted, and ViewData
       hands each its new content directly (Dash's renderer neither carries nor applies them). */
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

    /* An element whose children are Markup: drawn by the server in the layout, redrawn by ViewData.
       With `whenOpen`, inside a closed <details> (a chart's table), its content is drawn when the
       details is first opened or the page printed: until then it costs no render on a load or a
       click (on a city's ledger, five tables of a division's cost centres). */
    class Slot extends React.Component {
        constructor(props) {
            super(props);
            this.element = React.createRef();
            this.state = {tree: props.tree, fromProps: props.tree, shown: !props.whenOpen};
            this.reveal = this.reveal.bind(this);
        }

        componentDidMount() {
            registered(this);
            if (!this.state.shown) {
                this.details = this.element.current.closest("details");
                if (!this.details || this.details.open) {
                    this.setState({shown: true});
                    return;
                }
                this.details.addEventListener("toggle", this.reveal);
                window.addEventListener("beforeprint", this.reveal);
            }
        }

        componentWillUnmount() {
            unregistered(this);
            this.stopWatching();
        }

        stopWatching() {
            if (this.details) {
                this.details.removeEventListener("toggle", this.reveal);
                window.removeEventListener("beforeprint", this.reveal);
                this.details = null;
            }
        }

        /* Opened, or printing (the print is laid out right after the event: drawn at once). */
        reveal(event) {
            if (event.type === "toggle" && !this.details.open) {
                return;
            }
            this.stopWatching();
            now(() => this.setState({shown: true}));
        }

        receive(tree) {
            this.setState({tree: tree});
        }

        render() {
            const {id, tag, className, attributes} = this.props;
            const tree = this.state.shown ? this.state.tree || [] : [];
            return h(tag, Object.assign({}, attributes, {id: id, className: className, ref: this.element}), tree.map(fromMarkup));
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
        /* drawn only once its <details> is open, or the page printed */
        whenOpen: PropTypes.bool,
    };
    Slot.defaultProps = {tag: "div", attributes: {}, whenOpen: false};

    /* Dash's request prefix (URL_PREFIX behind a proxy), from the config the renderer reads too. */
    function requestPrefix() {
        const config = document.getElementById("_dash-config");
        try {
            return JSON.parse(config.textContent).requests_pathname_prefix || "/";
        } catch (error) {
            return "/";
        }
    }

    /* A React update applied before this returns, where React can (not left to its scheduler). */
    function now(update) {
        return window.ReactDOM && window.ReactDOM.flushSync ? window.ReactDOM.flushSync(update) : update();
    }

    /* The charts first, each drawn in view before any text changes the page around it (a chart
       measures its labels, and a page with new text would be laid out again for each), then the
       text parts, in the same task: the next frame shows the whole view, and is its only one. */
    function deliver(view) {
        now(() => Object.entries(view.figures || {}).forEach(([id, figure]) => {
            const plot = receivers.get(id);
            if (plot) {
                plot.receive(figure);
            }
        }));
        now(() => Object.entries(view.parts || {}).forEach(([id, tree]) => {
            const slot = receivers.get(id);
            if (slot) {
                slot.receive(tree);
            }
        }));
    }

    /* Until the view a change asked for has been drawn, or could not be: what the change tells
       Dash waits for it (and for the next frame), so the renderer's work on it never holds the
       view's answer back. */
    let viewDrawn = Promise.resolve();

    function afterTheView(callback) {
        viewDrawn.then(() => {
            let done = false;
            const once = () => {
                if (!done) {
                    done = true;
                    callback();
                }
            };
            window.requestAnimationFrame(() => window.setTimeout(once, 0));
            window.setTimeout(once, 100);  // no frames in a hidden tab
        });
    }

    /* Native checkboxes (`multiple`) or radio buttons with their labels, in dash-bootstrap-
       components' markup. A change is shown at once; Dash hears it after the view. */
    class Choices extends React.Component {
        constructor(props) {
            super(props);
            this.state = {value: props.value, fromProps: props.value};
            this.changed = this.changed.bind(this);
        }

        changed(event) {
            const {multiple, options, setProps} = this.props;
            const picked = event.target.value;
            let value = picked;
            if (multiple) {
                const ticked = new Set(this.state.value || []);
                if (event.target.checked) {
                    ticked.add(picked);
                } else {
                    ticked.delete(picked);
                }
                value = (options || []).map((option) => option.value).filter((v) => ticked.has(v));
            }
            this.setState({value: value});
            if (setProps) {
                afterTheView(() => setProps({value: value}));
            }
        }

        render() {
            const {id, options, multiple, className} = this.props;
            const value = this.state.value;
            const chosen = (v) => (multiple ? (value || []).indexOf(v) >= 0 : value === v);
            const kind = multiple ? "checklist" : "radioitems";
            return h("div", {id: id, className: className}, (options || []).map((option) => {
                const inputId = "_dbcprivate_" + kind + "_" + id + "_input_" + option.value;
                return h("div", {className: "form-check", key: option.value},
                    h("input", {
                        id: inputId,
                        className: "form-check-input choice-input",
                        type: multiple ? "checkbox" : "radio",
                        name: multiple ? undefined : id,
                        value: option.value,
                        checked: chosen(option.value),
                        onChange: this.changed,
                    }),
                    h("label", {className: "form-check-label choice", htmlFor: inputId}, option.label));
            }));
        }
    }
    Choices.getDerivedStateFromProps = followProps("value");

    Choices.propTypes = {
        id: PropTypes.string.isRequired,
        /* [{label, value}] */
        options: PropTypes.arrayOf(PropTypes.shape({label: PropTypes.node, value: PropTypes.string})),
        /* the ticked values (multiple) or the chosen one */
        value: PropTypes.oneOfType([PropTypes.string, PropTypes.arrayOf(PropTypes.string)]),
        multiple: PropTypes.bool,
        className: PropTypes.string,
    };
    Choices.defaultProps = {multiple: false, className: "choice-list"};

    /* The page's view for its controls' values. A change in one of `controls` (a tick, a radio,
       by pointer or keyboard) asks `source` for the view of every control's value as it now
       stands, and the answer is handed to the Slots and Plots: the server computes, the browser
       only draws. Only the latest question's answer is drawn. The controls still tell Dash their
       values (the address, the downloads and the division's filters follow them). */
    const EARLY_KEPT_MS = 2000;  // a press's answer is drawn by a click this soon after, or asked again

    class ViewData extends React.Component {
        constructor(props) {
            super(props);
            this.state = {pending: false};
            this.asked = 0;
            this.inFlight = null;
            this.lastQuery = null;  // the last question asked
            this.early = null;  // {query, view, controller, at}: asked on a press, before its click
            this.changed = this.changed.bind(this);
            this.pressed = this.pressed.bind(this);
        }

        /* A tick's click comes before its change event, and the input already shows the new
           value: asking then sends the request before React hands the change to Dash's renderer,
           whose work would hold it back. A change that no click announced (a radio moved with the
           arrow keys) asks on its change; the same question is not asked twice. */
        componentDidMount() {
            this.lastQuery = this.query("");  // what the page arrived drawn for
            document.addEventListener("click", this.changed, true);
            document.addEventListener("change", this.changed, true);
            document.addEventListener("pointerdown", this.pressed, true);
            document.addEventListener("keydown", this.pressed, true);
        }

        componentWillUnmount() {
            document.removeEventListener("click", this.changed, true);
            document.removeEventListener("change", this.changed, true);
            document.removeEventListener("pointerdown", this.pressed, true);
            document.removeEventListener("keydown", this.pressed, true);
            if (this.inFlight) {
                this.inFlight.abort();
            }
            this.forgetEarly();
        }

        /* The control an input belongs to, by its name in `controls`, or undefined. */
        controlOf(input) {
            const controls = this.props.controls || {};
            return Object.keys(controls).find((key) => {
                const box = document.getElementById(controls[key]);
                return box && box.contains(input);
            });
        }

        /* A press on a tick or its label (the pointer down, or Space) comes 50-150 ms before its
           click: the view that click will ask for is asked at once, and the click then draws
           that answer. Nothing is drawn for a press that no click follows. */
        pressed(event) {
            if ((event.type === "keydown" && event.key !== " ") || (event.type === "pointerdown" && event.button !== 0)) {
                return;
            }
            const target = event.target;
            const label = target && target.closest ? target.closest("label") : null;
            const input = target && target.tagName === "INPUT" ? target : label && label.control;
            if (!input || input.disabled || (input.type !== "checkbox" && input.type !== "radio")) {
                return;
            }
            const name = this.controlOf(input);
            if (!name) {
                return;
            }
            const query = this.query(name, {input: input, checked: input.type === "checkbox" ? !input.checked : true});
            if (query === this.lastQuery || (this.early && this.early.query === query)) {
                return;
            }
            this.forgetEarly();
            const controller = window.AbortController ? new window.AbortController() : null;
            const view = onItsWay(this.fetchView(query, controller));
            view.catch(() => null);  // a press whose answer fails is asked again by its click
            this.early = {query: query, view: view, controller: controller, at: Date.now()};
        }

        forgetEarly() {
            if (this.early && this.early.controller) {
                this.early.controller.abort();
            }
            this.early = null;
        }

        fetchView(query, controller) {
            const address = requestPrefix() + this.props.source + "?" + query;
            return window.fetch(address, {credentials: "same-origin", headers: {Accept: "application/json"}, signal: controller && controller.signal})
                .then((response) => (response.ok ? response.json() : Promise.reject(new Error("HTTP " + response.status))));
        }

        changed(event) {
            const input = event.target;
            if (!input || input.tagName !== "INPUT" || (input.type !== "checkbox" && input.type !== "radio")) {
                return;
            }
            const name = this.controlOf(input);
            const query = name ? this.query(name) : null;
            if (query !== null && query !== this.lastQuery) {
                this.ask(query);
            }
        }

        /* Every control's value as its inputs show it (or will, once `pressing.input` is
           `pressing.checked`). A new division starts with no cost centre ticked (its filters are
           redrawn for it), as the server's division callback sets them. */
        query(changed, pressing) {
            const controls = this.props.controls;
            const params = new URLSearchParams();
            Object.keys(controls).forEach((name) => {
                if (name === "area" && changed === "division") {
                    return;
                }
                const box = document.getElementById(controls[name]);
                const inputs = box ? box.querySelectorAll("input") : [];
                Array.prototype.forEach.call(inputs, (input) => {
                    let checked = input.checked;
                    if (pressing && pressing.input.type === "radio" && input.name === pressing.input.name) {
                        checked = input === pressing.input;
                    } else if (pressing && input === pressing.input) {
                        checked = pressing.checked;
                    }
                    if (checked) {
                        params.append(name, input.value);
                    }
                });
            });
            params.set("lang", this.props.lang);
            return params.toString();
        }

        ask(query) {
            this.lastQuery = query;
            const number = ++this.asked;
            if (this.inFlight) {
                this.inFlight.abort();
            }
            const early = this.early && this.early.query === query && Date.now() - this.early.at < EARLY_KEPT_MS ? this.early : null;
            if (!early) {
                this.forgetEarly();
            }
            this.early = null;
            const controller = early ? early.controller : window.AbortController ? new window.AbortController() : null;
            this.inFlight = controller;
            let settle;
            viewDrawn = new Promise((resolve) => {
                settle = resolve;
            });
            this.setState({pending: true});
            const asking = onItsWay(early ? early.view.catch(() => this.fetchView(query, controller)) : this.fetchView(query, controller));
            asking
                .then((view) => {
                    if (number === this.asked) {
                        deliver(view);
                    }
                })
                .catch((error) => {
                    if (number === this.asked && error.name !== "AbortError") {
                        deliver({parts: {[this.props.notice]: [["p", {}, message("viewFailed")]]}});
                    }
                })
                .then(() => {
                    if (number === this.asked) {
                        this.inFlight = null;
                        now(() => this.setState({pending: false}));
                    }
                    settle();
                });
        }

        /* While a view is asked: `data-dash-is-loading` on an element, as Dash's own components
           mark theirs while their callback runs (what waits for a redraw, in tests and the
           benchmark, reads it). */
        render() {
            return this.state.pending ? h("span", {hidden: true, "data-dash-is-loading": "true"}) : null;
        }
    }

    ViewData.propTypes = {
        id: PropTypes.string.isRequired,
        /* the view request's path under Dash's request prefix */
        source: PropTypes.string.isRequired,
        /* {query parameter: id of the control whose ticked inputs give its values} */
        controls: PropTypes.object.isRequired,
        lang: PropTypes.string.isRequired,
        /* the Slot that says the view could not be fetched */
        notice: PropTypes.string,
    };

    /* Charts in the viewport are drawn at once; the others when the browser is idle, one per idle
       period, so a click answers with what the reader sees and never waits on charts out of sight
       (a Plotly redraw costs 20-40 ms a chart). Before printing, every chart is drawn.
       On a first load, each chart in view is drawn in a task of its own (a page's first draws
       are its longest tasks), and the charts out of sight wait for the reader: until the first
       scroll, press, key or pointer move they cost nothing, and a reader who reads only the first
       screen never pays for them. */
    const waiting = new Set();  // charts whose figure is not drawn yet, in page order
    let idleScheduled = false;
    const whenIdle = window.requestIdleCallback
        ? (callback) => window.requestIdleCallback(callback, {timeout: 500})
        : (callback) => window.setTimeout(callback, 20);

    let engaged = false;
    const ENGAGING = ["scroll", "wheel", "pointerdown", "pointermove", "keydown", "touchstart"];
    function onEngaged() {
        engaged = true;
        ENGAGING.forEach((type) => window.removeEventListener(type, onEngaged, true));
        drawNextWhenIdle();
    }
    ENGAGING.forEach((type) => window.addEventListener(type, onEngaged, {capture: true, passive: true}));

    /* While a view is on its way, idle time is kept for it: a chart out of sight drawn then would
       hold the answer back by its 20-40 ms, and be drawn again for the new view. */
    let viewsOnTheirWay = 0;
    function onItsWay(view) {
        viewsOnTheirWay += 1;
        const arrived = () => {
            viewsOnTheirWay -= 1;
            drawNextWhenIdle();
        };
        view.then(arrived, arrived);
        return view;
    }

    function drawNextWhenIdle() {
        if (!engaged || idleScheduled || waiting.size === 0 || viewsOnTheirWay > 0) {
            return;
        }
        idleScheduled = true;
        whenIdle(() => {
            idleScheduled = false;
            if (viewsOnTheirWay > 0) {
                return;
            }
            const next = waiting.values().next().value;
            if (next) {
                next.draw();
            }
            drawNextWhenIdle();
        });
    }

    /* Charts that came into view, drawn one per task (a message to ourselves: no timer's delay). */
    const comingIntoView = new Set();
    const nextTask = new MessageChannel();
    nextTask.port1.onmessage = () => {
        const next = comingIntoView.values().next().value;
        if (next) {
            comingIntoView.delete(next);
            next.update();
        }
        if (comingIntoView.size) {
            nextTask.port2.postMessage(null);
        }
    };

    function drawInItsOwnTask(chart) {
        if (!comingIntoView.size) {
            nextTask.port2.postMessage(null);
        }
        comingIntoView.add(chart);
    }

    /* Whether a chart is in view comes from this observer, whose first report follows the page's
       layout: asking a box where it is before that would lay the page out there and then. */
    let viewport = null;
    function watchViewport(chart) {
        if (!viewport && window.IntersectionObserver) {
            viewport = new window.IntersectionObserver((entries) => entries.forEach((entry) => {
                const seen = entry.target.__plot;
                if (seen) {
                    seen.inView = entry.isIntersecting;
                    if (seen.inView) {
                        drawInItsOwnTask(seen);
                    }
                }
            }));
        }
        if (viewport) {
            viewport.observe(chart.box.current);
            return null;
        }
        const rect = chart.box.current.getBoundingClientRect();
        return rect.width > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
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

    const drawAllWaiting = () => Array.from(waiting).forEach((chart) => chart.draw());
    window.addEventListener("beforeprint", drawAllWaiting);
    window.addEventListener("load", () => plotlyFailed() && drawAllWaiting());  // each says it cannot draw

    /* The margins plotly.js would find with `automargin`, found without drawing. Plotly finds
       them by drawing the axes, measuring their labels and drawing the whole chart again whenever
       the labels change, which is every filter click on a bar chart of the selected rows: that
       second pass was half a chart's redraw. Here the category labels of horizontal bars are
       measured on a canvas (no layout) and the margin set to them; the value axis keeps its
       labels level, with no more ticks than fit, so its margin is the title's and one line's. */
    let canvas = null;
    const LABEL_GAP = 9;  // px between a category label and the margin's edge, as plotly.js leaves it
    const TICK_SPACING = 60;  // px per value-axis tick at least: "1 234,5" or "150 %" never collide
    const LINE = 1.3;  // a label's line height per font px, as plotly.js lays its text
    const TICK_PAD = 3;  // px between the plot and its value labels
    const LABEL_SHARE = 0.65;  // of a chart's width at most for its category labels: on a phone, the rest for the bars
    const PLOTLY_MARGIN = {l: 80, r: 80, t: 100, b: 80};  // plotly.js's margins where a figure gives none

    function measurer(font) {
        canvas = canvas || document.createElement("canvas");
        const context = canvas.getContext("2d");
        context.font = (font.size || 12) + "px " + (font.family || "sans-serif");
        return (text) => context.measureText(text).width;
    }

    /* A label cut with an ellipsis to `room` px; the hover and the chart's table carry it whole. */
    function shortened(label, room, width) {
        if (width(label) <= room) {
            return label;
        }
        let keep = label.length;
        while (keep > 1 && width(label.slice(0, keep).trimEnd() + "\u2026") > room) {
            keep -= 1;
        }
        return label.slice(0, keep).trimEnd() + "\u2026";
    }

    /* Points on a category axis along the bottom put its first and last labels on the plot's edges, so
       a long one hangs past the edge and automargin draws the chart again with a wider margin.
       The side margins are given room for half of each end label instead (a little more than
       plotly.js would push them: its points sit a few px inside the plot); automargin stays on,
       for labels it turns at an angle. A label wider than END_LABEL_SHARE of the chart (a phone)
       ends with "…", as on the bars; the hover and the chart's table carry it whole. */
    const END_LABEL_SHARE = 0.5;
    function endLabelsFitted(layout, data, chartWidth) {
        const xaxis = layout.xaxis || {};
        const labels = Array.from(new Set([].concat(...data.map((trace) => (Array.isArray(trace.x) ? trace.x : []))).map(String)));
        const fromTemplate = (((layout.template || {}).layout || {}).xaxis || {}).automargin;
        const automargin = xaxis.automargin !== undefined ? xaxis.automargin : fromTemplate;
        const points = data.every((trace) => (trace.type || "scatter") === "scatter");  // bars sit inside their bands
        if (!points || xaxis.type !== "category" || automargin !== true || xaxis.tickvals || labels.length < 2) {
            return layout;
        }
        const width = measurer(Object.assign({size: 12}, layout.font, xaxis.tickfont));
        const room = chartWidth ? Math.floor(chartWidth * END_LABEL_SHARE) : Infinity;
        const shown = labels.map((label) => shortened(label, room, width));
        const margin = Object.assign({}, PLOTLY_MARGIN, layout.margin);
        margin.l = Math.max(margin.l, Math.ceil(width(shown[0]) / 2));
        margin.r = Math.max(margin.r, Math.ceil(width(shown[shown.length - 1]) / 2));
        const cut = shown.some((label, i) => label !== labels[i]);
        const axis = cut ? {xaxis: Object.assign({}, xaxis, {tickmode: "array", tickvals: labels, ticktext: shown})} : {};
        return Object.assign({}, layout, {margin: margin}, axis);
    }

    function fittedLayout(layout, data, chartWidth) {
        const yaxis = layout.yaxis || {};
        const xaxis = layout.xaxis || {};
        const horizontal = data.length > 0 && data.every((trace) => trace.orientation === "h" && Array.isArray(trace.y));
        if (!horizontal) {
            return endLabelsFitted(layout, data, chartWidth);
        }
        if (yaxis.automargin !== true || xaxis.automargin !== true || yaxis.tickvals || !chartWidth) {
            return layout;
        }
        const font = Object.assign({size: 12}, layout.font);
        const labels = Array.from(new Set([].concat(...data.map((trace) => trace.y)).map(String)));
        const margin = Object.assign({}, PLOTLY_MARGIN, layout.margin);
        const width = measurer(Object.assign({}, font, yaxis.tickfont));
        const beside = (yaxis.ticklabelstandoff || 0) + LABEL_GAP;
        const widest = labels.reduce((most, label) => Math.max(most, width(label)), 0);
        const room = Math.floor(chartWidth * LABEL_SHARE) - beside;
        let yaxisFitted = Object.assign({}, yaxis, {automargin: false});
        if (widest > room) {
            yaxisFitted = Object.assign(yaxisFitted, {tickmode: "array", tickvals: labels, ticktext: labels.map((label) => shortened(label, room, width))});
        }
        margin.l = Math.max(margin.l, Math.ceil(Math.min(widest, room) + beside));
        const templateTitle = ((((layout.template || {}).layout || {}).xaxis || {}).title) || {};
        const title = xaxis.title && xaxis.title.text ? (xaxis.title.font || font).size || font.size : 0;
        const standoff = title ? (xaxis.title.standoff !== undefined ? xaxis.title.standoff : templateTitle.standoff || 0) : 0;
        margin.b = Math.max(margin.b, Math.ceil(TICK_PAD + ((xaxis.tickfont || font).size || font.size) * LINE + standoff + title * LINE));
        const plotWidth = Math.max(1, chartWidth - margin.l - margin.r);
        return Object.assign({}, layout, {
            margin: margin,
            yaxis: yaxisFitted,
            xaxis: Object.assign({tickangle: 0, nticks: Math.max(3, Math.floor(plotWidth / TICK_SPACING))}, xaxis, {automargin: false}),
        });
    }

    /* What pushes a chart's margins out when the axes do not (automargin off): its legend and
       title. The same of them pushes the same margins, so a redraw can be given those margins at
       once and plotly.js does not draw the chart twice, once to find the push and once with it.
       Null where the axes push too: their labels change with the data. */
    const PUSHES_KEPT = 64;  // a chart's views remembered: a tick and its untick, for each cost centre and more
    function pushSignature(layout, data) {
        const template = (layout.template || {}).layout || {};
        const axes = Object.keys(layout).concat(Object.keys(template)).filter((key) => /^[xy]axis\d*$/.test(key));
        if (axes.some((key) => (layout[key] || {}).automargin || (template[key] || {}).automargin)) {
            return null;
        }
        return JSON.stringify([layout.width, layout.height, layout.margin, layout.showlegend, layout.legend, layout.title,
            data.map((trace) => [trace.type, trace.name, trace.showlegend, trace.legendgroup])]);
    }

    /* plotly.js draws a chart's frame and legend at the size its last drawing ended with, and
       draws them again if this one's margins or plot size come out different: every view with
       other labels or rows was drawn twice. Told the size this drawing will end with (the margins
       asked, or those its legend pushed to before), it draws once; plotly.js still checks, so a
       wrong guess costs only the second drawing, as before. */
    function expectSize(graph, layout) {
        const full = graph._fullLayout;
        if (!full || !layout.width || !layout.height) {
            return;
        }
        const m = Object.assign({pad: 0}, PLOTLY_MARGIN, layout.margin);
        const [l, r, t, b] = [m.l, m.r, m.t, m.b].map(Math.round);
        full._size = {l: l, r: r, t: t, b: b, p: Math.round(m.pad), w: Math.round(layout.width) - l - r, h: Math.round(layout.height) - t - b};
    }

    class Plot extends React.Component {
        constructor(props) {
            super(props);
            this.box = React.createRef();
            this.graph = React.createRef();
            this.inView = null;  // not known until the viewport observer reports
            this.drawn = null;  // the figure and config last drawn
            this.configGiven = null;  // the config plotly.js has: given again only when it changes
            this.pushed = new Map();  // signature -> the margins its legend and title pushed to, latest last
            this.width = 0;
            this.state = {noPlotly: false, figure: props.figure, fromProps: props.figure};
        }

        componentDidMount() {
            registered(this);
            const box = this.box.current;
            box.__plot = this;
            this.inView = watchViewport(this);
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
            comingIntoView.delete(this);
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
            if (this.inView || plotlyFailed()) {  // a chart that cannot draw says so at once
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
                withPlotly(() => drawInItsOwnTask(this));
                return;
            }
            const figure = this.state.figure || {};
            this.drawn = {figure: this.state.figure, config: this.props.config};
            // The card's width and the figure's height, given: Plotly then measures nothing itself.
            // The width is the ResizeObserver's, once it has reported: reading it here would lay out the page.
            this.width = this.width || this.box.current.clientWidth;
            const size = this.width > 0 ? {autosize: false, width: this.width} : {autosize: true, width: undefined};
            const data = figure.data || [];
            const layout = fittedLayout(Object.assign({}, figure.layout, size), data, size.width);
            const signature = pushSignature(layout, data);
            const pushed = signature ? this.pushed.get(signature) : undefined;
            const config = this.configGiven !== this.props.config ? Object.assign({}, this.props.config) : undefined;
            this.configGiven = this.props.config;
            const graph = this.graph.current;
            const drawing = pushed ? Object.assign({}, layout, {margin: pushed}) : layout;
            expectSize(graph, drawing);
            window.Plotly.react(graph, data, drawing, config);
            if (signature && !pushed && graph._fullLayout && graph._fullLayout._size) {
                const {l, r, t, b} = graph._fullLayout._size;  // plotly.js's margins after the pushes
                this.pushed.set(signature, Object.assign({}, layout.margin, {l: l, r: r, t: t, b: b}));
                if (this.pushed.size > PUSHES_KEPT) {
                    this.pushed.delete(this.pushed.keys().next().value);
                }
            }
            this.box.current.setAttribute("data-chart-state", "drawn");
        }

        resize(width) {
            width = Math.round(width);
            if (width === this.width || width <= 0) {
                return;
            }
            this.width = width;
            if (this.drawn) {  // drawn again, not relayout: the margins and ticks follow the width
                this.drawn = null;
                this.update();
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
        Choices: guarded(Choices),
    });
})();
