"""Benchmark: the finance page against a plain-Dash baseline, in headless Chromium and under load.

    .venv/bin/python benchmarks/run.py                       # everything, about 4 minutes
    .venv/bin/python benchmarks/run.py --load-seconds 0      # skip the load test
    .venv/bin/python benchmarks/run.py --json results.json   # also write the numbers as JSON
    .venv/bin/python benchmarks/run.py --ledger [DIR]        # also a city-wide ledger (1M rows by default)
    .venv/bin/python benchmarks/run.py --ledger-clicks DIR   # also our app's clicks on a ledger folder

Both apps run under gunicorn (`-w 2`) on loopback. For each it reports the time from navigation
to the charts in the viewport drawn, then (the pointer moved, as a reader's hand does: our charts
out of view wait for a reader) to every chart drawn, and the bytes transferred on a
first load (empty cache, median of `--loads`), the same page opened again with the cache warm,
three visits in a fresh on-disk profile (where Chromium keeps its V8 code cache), filter-to-redraw
latency (the page scrolled to the charts, tick a cost centre, wait until the charts in view have
redrawn, then all five; p50/p95; each click on a settled page, every chart it holds drawn; then
one round with each click as soon as the five are redrawn, and the same clicks with a press
80 ms before each, as a hand clicks) and the server-side callback time (the callback's function called in this process over
the same sequence of selections, starting cold: no selection computed yet, only what the app
prepares at start). The baseline (`benchmarks/baseline_app.py`)
draws the same five charts with Dash's defaults; our figures are also given as ratios to it.
Then 50 clients hit our page and its main callback (a payload captured from the browser) for 60 s.
Nothing here asserts: it measures and prints. Results and the machine: docs/performance.md.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import http.client
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.web import ids  # noqa: E402
from dashboard.web.finance_layout import CHARTS  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHART_IDS = [chart_id for _, chart_id in CHARTS]
FULL_BUNDLE_MARKERS = ("plotly/package_data/plotly.min.js", "cdn.plot.ly/plotly-")

# A chart counts as drawn when Plotly has drawn its current figure: our charts mark it on their
# container (`data-chart-state`), dcc.Graph's have no waiting state.
CHARTS_DRAWN_JS = """(ids) => {
    if (document.querySelector('[data-dash-is-loading="true"]')) return false;
    const drawn = ids.every(id => { const box = document.getElementById(id);
                                    const g = box && box.querySelector('.js-plotly-plot');
                                    return g && g._fullLayout && g.data && g.data.length
                                        && box.getAttribute('data-chart-state') !== 'waiting'; });
    return drawn ? performance.now() : false;
}"""
# The charts a reader sees: those whose box intersects the viewport.
IN_VIEW_JS = """(ids) => ids.filter(id => { const r = document.getElementById(id).getBoundingClientRect();
                                            return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight; })"""
SCROLL_TO_CHARTS_JS = """(id) => { const chart = document.getElementById(id);
                                  const top = (chart.closest('section') || chart).getBoundingClientRect().top;
                                  window.scrollTo(0, window.scrollY + top - 8); }"""
COUNT_REDRAWS_JS = """(ids) => {
    window.__redraws = {};
    ids.forEach(id => { const g = document.querySelector('#' + id + ' .js-plotly-plot');
                        window.__redraws[id] = 0; g.on('plotly_afterplot', () => { window.__redraws[id] += 1; }); });
}"""
CLICK_JS = """([filterId, value]) => {
    const box = Array.from(document.querySelectorAll('#' + filterId + ' input')).find(i => i.value === value);
    window.__before = Object.assign({}, window.__redraws);
    window.__clicked = performance.now();
    box.click();
}"""
# A click as a hand makes it: the pointer pressed on the box PRESS_MS before the click (the
# button's release). Dispatched in the page, as the scripted click is: the baseline's filters are
# scrolled out of sight with its charts in view. The time is counted from the click.
PRESS_MS = 80
PRESS_JS = """([filterId, value]) => {
    const box = Array.from(document.querySelectorAll('#' + filterId + ' input')).find(i => i.value === value);
    box.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, cancelable: true, isPrimary: true}));
}"""
REDRAWN_JS = """(ids) => {
    if (document.querySelector('[data-dash-is-loading="true"]')) return false;
    return ids.every(id => window.__redraws[id] > window.__before[id]) ? performance.now() - window.__clicked : false;
}"""


# The page has drawn every chart it holds and asks nothing: a click measured from here is not
# also waiting on the last click's charts out of sight (ours holds two more than the five, the
# development charts, drawn when the browser is idle; the baseline draws its five at once).
PAGE_SETTLED_JS = """() => !document.querySelector('[data-dash-is-loading="true"]')
                         && !document.querySelector('[data-chart-state="waiting"]')"""


def reader_arrives(page) -> None:
    """The pointer moved over the page, as a reader's hand does: our charts out of view wait for a
    reader (a move, scroll, press or key) before they draw; the baseline's draw regardless."""
    page.mouse.move(3, 3)
    page.mouse.move(4, 4)


def _record_view_request(request, requests: list[tuple[str, str, str | None]]) -> None:
    """A request the page makes for its figures (our view request, a Dash callback), as (method, path, body)."""
    path = "/" + request.url.split("/", 3)[-1]
    if ids.FINANCE_VIEW_PATH in path or ("_dash-update-component" in path and request.post_data):
        requests.append((request.method, path, request.post_data))


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "n": len(values)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(target: str, workers: int = 2, env: dict | None = None) -> Iterator[str]:
    """Serve `module:server` with gunicorn on a free loopback port until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--chdir", str(ROOT)]
    with serve([*command, target], f"http://127.0.0.1:{port}", ready_path="/", timeout=180, env=env) as url:
        yield url


@contextlib.contextmanager
def serve(command: list[str], url: str, ready_path: str, timeout: float, env: dict | None = None) -> Iterator[str]:
    """Run a server command until `url + ready_path` answers 200; stop it when the block ends."""
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url + ready_path, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"{command[-1]} did not start: {process.stderr.read().decode()[-2000:]}"
                    ) from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def first_load(browser, url: str) -> dict:
    """One load with an empty cache: ms to every chart drawn, bytes transferred, what was requested.

    A load that never draws (seen about once in three full runs, in either app, never reproduced
    alone) is reported on stderr with what the page logged, and loaded again once."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in (1, 2):
        try:
            return _first_load(browser, url) | {"attempts": attempt}
        except PlaywrightTimeout as exc:
            if attempt == 2:
                raise
            print(f"first load of {url} timed out, loading again: {exc}", file=sys.stderr)
    raise AssertionError("unreachable")


def _first_load(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    logged: list[str] = []
    page.on("console", lambda message: logged.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: logged.append(f"page error: {error}"))
    requests, payloads = [], []
    page.on("requestfinished", lambda request: requests.append(request))
    page.on("request", lambda r: _record_view_request(r, payloads))
    page.goto(url + "/", wait_until="commit")
    try:
        page.wait_for_function(
            "(ids) => ids.every(id => document.getElementById(id))", arg=CHART_IDS, timeout=60000, polling=50
        )
    except Exception:
        print(f"page logged: {logged[:10]}; requests finished: {len(requests)}", file=sys.stderr)
        context.close()
        raise
    in_view = page.evaluate(IN_VIEW_JS, CHART_IDS)  # the page is laid out: its chart boxes hold their height
    view_ms = page.wait_for_function(CHARTS_DRAWN_JS, arg=in_view, timeout=60000, polling="raf").json_value()
    reader_arrives(page)
    drawn_ms = page.wait_for_function(CHARTS_DRAWN_JS, arg=CHART_IDS, timeout=60000, polling="raf").json_value()
    page.wait_for_load_state("networkidle")
    sizes = [(r.url, r.sizes()) for r in requests]
    encodings = {r.url: (r.response().headers.get("content-encoding") if r.response() else None) for r in requests}
    repeat_ms = _repeat_visit(context, url)
    context.close()
    return {
        "drawn_ms": drawn_ms,
        "view_ms": view_ms,
        "in_view": in_view,
        "bytes": sum(s["responseBodySize"] + s["responseHeadersSize"] for _, s in sizes),
        "body_bytes": sum(s["responseBodySize"] for _, s in sizes),
        "requests": len(sizes),
        "full_bundle_requested": any(marker in u for u, _ in sizes for marker in FULL_BUNDLE_MARKERS),
        "largest": sorted(((s["responseBodySize"], u.split("?")[0], encodings[u]) for u, s in sizes), reverse=True)[:5],
        "payload": payloads[0] if payloads else None,
        "repeat_ms": repeat_ms,
    }


def _repeat_visit(context, url: str) -> float:
    """The same page opened again in the same context (its HTTP cache warm): ms to every chart drawn.

    Playwright's contexts are off the record, and Chromium keeps no V8 code cache for those:
    `profile_visits` measures visits with it."""
    page = context.new_page()
    page.goto(url + "/", wait_until="commit")
    page.wait_for_function("(ids) => ids.every(id => document.getElementById(id))", arg=CHART_IDS, timeout=60000)
    reader_arrives(page)
    drawn = page.wait_for_function(CHARTS_DRAWN_JS, arg=CHART_IDS, timeout=60000, polling="raf").json_value()
    page.close()
    return drawn


def profile_visits(playwright, url: str, visits: int = 3) -> list[float]:
    """The page opened `visits` times in a fresh on-disk profile, as a reader's browser keeps one:
    ms to every chart drawn on each visit. Chromium stores compiled script (its V8 code cache) for
    a script fetched a second time, and uses it from the third."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900}
        )
        times = []
        for _ in range(visits):
            times.append(_repeat_visit(context, url))
            time.sleep(0.5)  # the code cache is written after the page's scripts have run
        context.close()
    return times


def filter_latencies(browser, url: str, slugs: list[str], rounds: int) -> tuple[dict[str, list[float]], list[str]]:
    """Tick and untick each cost centre in turn, `rounds` times, with the charts scrolled into view
    (the filters stay on screen beside them): ms from click to the charts in view redrawn, and to
    every chart redrawn; each click on a settled page (`PAGE_SETTLED_JS`). Then one round whose
    every click comes as soon as the five charts are redrawn ("hurried"), and one as a hand clicks."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    payloads: list[tuple[str, str, str | None]] = []
    page.on("request", lambda r: _record_view_request(r, payloads))
    page.goto(url + "/")
    reader_arrives(page)
    page.wait_for_function(CHARTS_DRAWN_JS, arg=CHART_IDS, timeout=60000)
    page.evaluate(SCROLL_TO_CHARTS_JS, CHART_IDS[0])
    page.wait_for_function(CHARTS_DRAWN_JS, arg=CHART_IDS, timeout=60000)
    in_view = page.evaluate(IN_VIEW_JS, CHART_IDS)
    page.evaluate(COUNT_REDRAWS_JS, CHART_IDS)
    latencies: dict[str, list[float]] = {"view": [], "all": [], "hurried": [], "pressed": [], "in_view": in_view}
    page.wait_for_function(PAGE_SETTLED_JS, timeout=60000, polling="raf")
    for _ in range(rounds):
        for slug in slugs:
            for _tick_or_untick in range(2):
                page.evaluate(CLICK_JS, [ids.AREA_FILTER, slug])
                for key, charts in (("view", in_view), ("all", CHART_IDS)):
                    handle = page.wait_for_function(REDRAWN_JS, arg=charts, timeout=60000, polling="raf")
                    latencies[key].append(handle.json_value())
                page.wait_for_function(PAGE_SETTLED_JS, timeout=60000, polling="raf")
    for slug in slugs:  # then each click as soon as the five are redrawn, the page still drawing
        for _tick_or_untick in range(2):
            page.evaluate(CLICK_JS, [ids.AREA_FILTER, slug])
            handle = page.wait_for_function(REDRAWN_JS, arg=in_view, timeout=60000, polling="raf")
            latencies["hurried"].append(handle.json_value())
            page.wait_for_function(REDRAWN_JS, arg=CHART_IDS, timeout=60000, polling="raf")
    page.wait_for_function(PAGE_SETTLED_JS, timeout=60000, polling="raf")
    for slug in slugs:  # then as a hand clicks: a press, PRESS_MS held, the release
        for _tick_or_untick in range(2):
            page.evaluate(PRESS_JS, [ids.AREA_FILTER, slug])
            page.wait_for_timeout(PRESS_MS)
            page.evaluate(CLICK_JS, [ids.AREA_FILTER, slug])
            handle = page.wait_for_function(REDRAWN_JS, arg=in_view, timeout=60000, polling="raf")
            latencies["pressed"].append(handle.json_value())
            page.wait_for_function(REDRAWN_JS, arg=CHART_IDS, timeout=60000, polling="raf")
            page.wait_for_function(PAGE_SETTLED_JS, timeout=60000, polling="raf")
    context.close()
    return latencies, payloads


def selections(slugs: list[str], rounds: int) -> list[list[str]]:
    """The sequence of ticked cost centres the browser run goes through."""
    return [[slug] if tick == 0 else [] for _ in range(rounds) for slug in slugs for tick in range(2)]


def server_times(function, sequence: list[list[str]]) -> list[float]:
    times = []
    for ticked in sequence:
        start = time.perf_counter()
        function(ticked)
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure_app(playwright, browser, url: str, slugs: list[str], loads: int, rounds: int) -> dict:
    first_load(browser, url)  # warm the server: imports, first compression of static files
    loads_done = [first_load(browser, url) for _ in range(loads)]
    visits = [profile_visits(playwright, url) for _ in range(2)]
    latencies, payloads = filter_latencies(browser, url, slugs, rounds)
    return {
        "drawn_ms": statistics.median(r["drawn_ms"] for r in loads_done),
        "view_ms": statistics.median(r["view_ms"] for r in loads_done),
        "repeat_ms": statistics.median(r["repeat_ms"] for r in loads_done),
        "profile_visits_ms": [statistics.median(run[k] for run in visits) for k in range(len(visits[0]))],
        "in_view_on_load": loads_done[-1]["in_view"],
        "drawn_ms_all": [round(r["drawn_ms"]) for r in loads_done],
        "bytes": statistics.median(r["bytes"] for r in loads_done),
        "body_bytes": statistics.median(r["body_bytes"] for r in loads_done),
        "requests": loads_done[-1]["requests"],
        "full_bundle_requested": any(r["full_bundle_requested"] for r in loads_done),
        "loads_repeated": sum(r["attempts"] - 1 for r in loads_done),
        "largest": loads_done[-1]["largest"],
        "filter_ms": summary(latencies["all"]),
        "filter_ms_first_round": summary(latencies["all"][: 2 * len(slugs)]),
        "filter_view_ms": summary(latencies["view"]),
        "pressed_view_ms": summary(latencies["pressed"]),
        "hurried_view_ms": summary(latencies["hurried"]),
        "in_view_on_filter": latencies["in_view"],
        "payloads": [p for p in [loads_done[-1]["payload"], *payloads] if p],
    }


def load_test(url: str, payloads: list[tuple[str, str, str | None]], clients: int, seconds: float) -> dict:
    """`clients` threads, each alternating GET / and a request the page made for its figures (a
    view request or a callback, as captured from the browser) over keep-alive, for `seconds`."""
    host, port = url.removeprefix("http://").split(":")
    deadline = time.monotonic() + seconds
    lock = threading.Lock()
    results: dict[str, list[float]] = {"page": [], "callback": []}
    errors: list[str] = []
    headers = {"Accept-Encoding": "br, gzip", "Content-Type": "application/json"}

    def client(number: int) -> None:
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        i = number
        while time.monotonic() < deadline:
            kind = "page" if i % 2 == 0 else "callback"
            method, path, body = ("GET", "/", None) if kind == "page" else payloads[(i // 2) % len(payloads)]
            start = time.perf_counter()
            try:
                connection.request(method, path, body=body.encode() if body else None, headers=headers)
                response = connection.getresponse()
                response.read()
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    if response.status == 200:
                        results[kind].append(elapsed)
                    else:
                        errors.append(f"{kind}: HTTP {response.status}")
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(f"{kind}: {exc!r}")
                connection.close()
                connection = http.client.HTTPConnection(host, int(port), timeout=30)
            i += 1
        connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    done = results["page"] + results["callback"]
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(done),
        "throughput_rps": len(done) / elapsed,
        "all_ms": summary(done) if done else None,
        "page_ms": summary(results["page"]) if results["page"] else None,
        "callback_ms": summary(results["callback"]) if results["callback"] else None,
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
    }


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(int(memory) / 1024**2, 1),
        "python": platform.python_version(),
        "chromium": subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip(),
    }


def ratio(ours: float, baseline: float) -> float:
    return ours / baseline if baseline else float("nan")


def report(results: dict) -> str:
    ours, base = results["ours"], results["baseline"]
    rows = [
        ("time to all charts drawn (ms, median)", ours["drawn_ms"], base["drawn_ms"]),
        ("time to the charts in view drawn (ms, median)", ours["view_ms"], base["view_ms"]),
        ("repeat visit (cached) to all charts drawn (ms, median)", ours["repeat_ms"], base["repeat_ms"]),
        ("own profile, first visit: all charts drawn (ms)", ours["profile_visits_ms"][0], base["profile_visits_ms"][0]),
        ("own profile, second visit (ms)", ours["profile_visits_ms"][1], base["profile_visits_ms"][1]),
        ("own profile, third visit (code cache used) (ms)", ours["profile_visits_ms"][2], base["profile_visits_ms"][2]),
        ("bytes transferred, first load (kB)", ours["bytes"] / 1000, base["bytes"] / 1000),
        ("filter to the charts in view redrawn p50 (ms)", ours["filter_view_ms"]["p50"], base["filter_view_ms"]["p50"]),
        ("filter to the charts in view redrawn p95 (ms)", ours["filter_view_ms"]["p95"], base["filter_view_ms"]["p95"]),
        (
            "the same, each click as soon as the five charts are redrawn: p95 (ms)",
            ours["hurried_view_ms"]["p95"],
            base["hurried_view_ms"]["p95"],
        ),
        (
            f"press {PRESS_MS} ms before the click: click to the charts in view redrawn p50 (ms)",
            ours["pressed_view_ms"]["p50"],
            base["pressed_view_ms"]["p50"],
        ),
        (
            f"press {PRESS_MS} ms before the click: click to the charts in view redrawn p95 (ms)",
            ours["pressed_view_ms"]["p95"],
            base["pressed_view_ms"]["p95"],
        ),
        ("filter to redraw p50 (ms)", ours["filter_ms"]["p50"], base["filter_ms"]["p50"]),
        ("filter to redraw p95 (ms)", ours["filter_ms"]["p95"], base["filter_ms"]["p95"]),
        (
            "filter to redraw p95, first round (ms)",
            ours["filter_ms_first_round"]["p95"],
            base["filter_ms_first_round"]["p95"],
        ),
        ("server-side callback p50 (ms)", ours["server_ms"]["p50"], base["server_ms"]["p50"]),
        ("server-side callback p95 (ms)", ours["server_ms"]["p95"], base["server_ms"]["p95"]),
        (
            "server-side callback p95, first round (ms)",
            ours["server_ms_first_round"]["p95"],
            base["server_ms_first_round"]["p95"],
        ),
    ]
    lines = ["| measure | ours | baseline | ours ÷ baseline |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {name} | {a:,.1f} | {b:,.1f} | {ratio(a, b):.2f} |" for name, a, b in rows]
    lines.append(
        f"| full plotly.js bundle requested | {ours['full_bundle_requested']} | {base['full_bundle_requested']} | |"
    )
    lines.append(f"| requests on first load | {ours['requests']} | {base['requests']} | |")
    lines.append(
        f"\nRepeat visit ÷ first visit (all charts drawn): ours {ratio(ours['repeat_ms'], ours['drawn_ms']):.2f}, "
        f"baseline {ratio(base['repeat_ms'], base['drawn_ms']):.2f}; in its own profile, third visit ÷ first: "
        f"ours {ratio(ours['profile_visits_ms'][2], ours['profile_visits_ms'][0]):.2f}, "
        f"baseline {ratio(base['profile_visits_ms'][2], base['profile_visits_ms'][0]):.2f}."
    )
    lines.append(
        f"\nCharts in view: on load (top of the page) {ours['in_view_on_load']}; "
        f"on filtering (scrolled to the charts) {ours['in_view_on_filter']}."
    )
    load = results.get("load")
    if load:
        lines += [
            "",
            f"Load test: {load['clients']} clients for {load['seconds']} s against `gunicorn -w 2 app:server`: "
            f"{load['requests']} requests, {load['throughput_rps']:.1f} requests/s, "
            f"p50 {load['all_ms']['p50']:.0f} ms, p95 {load['all_ms']['p95']:.0f} ms "
            f"(page p95 {load['page_ms']['p95']:.0f} ms, callback p95 {load['callback_ms']['p95']:.0f} ms), "
            f"{load['errors']} errors.",
        ]
    if results.get("ledger_clicks"):
        on_ledger, on_seed = results["ledger_clicks"]["filter_view_ms"], ours["filter_view_ms"]
        lines.append(
            f"\nOn the ledger ({len(results['ledger_clicks']['slugs'])} of its division's cost centres ticked in turn): "
            f"click to the charts in view redrawn p50 {on_ledger['p50']:.0f} ms, p95 {on_ledger['p95']:.0f} ms, "
            f"{ratio(on_ledger['p95'], on_seed['p95']):.2f} × the seed's p95."
        )
    if results.get("ledger"):
        lines += ledger_report(results["ledger"])
    return "\n".join(lines)


def ledger_clicks(playwright, data_dir: Path, count: int, rounds: int) -> dict:
    """Our app on a ledger folder (DATA_DIR): the scripted clicks of the seed's run, on the first
    `count` cost centres of its report's division (whose filters and charts hold all of them)."""
    from dashboard.store.library import load_dataset
    from dashboard.web.query import area_slugs

    slugs = list(area_slugs(load_dataset(data_dir)))[:count]
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    with gunicorn("app:server", env={**os.environ, "DATA_DIR": str(data_dir)}) as url:
        latencies, _ = filter_latencies(browser, url, slugs, rounds)
    browser.close()
    return {"filter_view_ms": summary(latencies["view"]), "filter_ms": summary(latencies["all"]), "slugs": slugs}


def ledger(data_dir: Path | None) -> dict:
    """The city-wide ledger's start, filter and memory figures, each measured in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as scratch:
        out = Path(scratch) / "ledger.json"
        command = [sys.executable, str(ROOT / "benchmarks" / "ledger_bench.py"), "--json", str(out)]
        subprocess.run(command + (["--data", str(data_dir)] if data_dir else []), check=True, cwd=ROOT)
        return json.loads(out.read_text(encoding="utf-8"))


def ledger_report(numbers: dict) -> list[str]:
    load, start = numbers["load"], numbers["start"]
    peak = max(load["peak_rss_mb"], start["peak_rss_mb"])
    return [
        "",
        f"City-wide ledger ({load['finance_rows']:,} rows, {load['division_cost_centres']} cost centres in the "
        f"division shown): start {start['start_s']} s (target ≤ 10 s); filter p95, every selection seen first here "
        f"(cost centres, division switches, another division's cost centre) {load.get('filter_p95_ms', '–')} ms "
        f"(target ≤ 300 ms); seen before {load['warm_ms']['p95']} ms; peak RSS {peak} MB (target ≤ 1 536 MB).",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loads", type=int, default=5, help="first loads per app (median reported)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of ticking every cost centre on and off")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients in the load test")
    parser.add_argument("--load-seconds", type=float, default=60, help="load test length; 0 skips it")
    parser.add_argument("--json", type=Path, help="also write every number to this file")
    parser.add_argument(
        "--ledger-clicks", type=Path, metavar="DIR", help="also click through our app on a ledger folder (DATA_DIR)"
    )
    parser.add_argument(
        "--ledger",
        nargs="?",
        const="generate",
        metavar="DIR",
        help="also measure a city-wide ledger (benchmarks/ledger_bench.py): DIR, or a generated 1M-row one",
    )
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from dashboard.store.library import load_dataset, load_library
    from dashboard.web.callbacks import update_finance_view
    from dashboard.web.query import area_slugs

    dataset = load_dataset()
    slugs = list(area_slugs(dataset))
    results: dict = {"machine": machine()}
    with sync_playwright() as playwright:
        # A browser of its own for each app: after one app's run, the next app's first page load
        # in the same browser sometimes never finished.
        for name, target in (("ours", "app:server"), ("baseline", "benchmarks.baseline_app:server")):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            with gunicorn(target) as url:
                results[name] = measure_app(playwright, browser, url, slugs, args.loads, args.rounds)
            browser.close()
        if args.ledger_clicks:
            results["ledger_clicks"] = ledger_clicks(playwright, args.ledger_clicks, len(slugs), args.rounds)
    if args.load_seconds > 0:  # last, on a fresh server: it leaves the browser measurements undisturbed
        with gunicorn("app:server") as url:
            results["load"] = load_test(url, results["ours"]["payloads"], args.clients, args.load_seconds)

    from benchmarks.baseline_app import draw_charts
    from dashboard.web.callbacks import prepare_views

    prepare_views(load_library())  # as create_app does at start, beside the server

    sequence = [[]] + selections(slugs, args.rounds)  # the page's first draw, then the clicks
    first_round = 1 + 2 * len(slugs)
    for name, function in (
        ("ours", lambda ticked: update_finance_view(dataset, ticked, "expenses", "eur", "line", "fi").view_json),
        ("baseline", draw_charts),
    ):
        gc.collect()  # the browser runs above leave garbage in this process that a server's worker has not
        times = server_times(function, sequence)
        results[name]["server_ms"] = summary(times)
        results[name]["server_ms_first_round"] = summary(times[:first_round])
    for name in ("ours", "baseline"):
        results[name]["payloads"] = len(results[name]["payloads"])
    if args.ledger:
        results["ledger"] = ledger(None if args.ledger == "generate" else Path(args.ledger))
    print(json.dumps(results["machine"]))
    print(report(results))
    for name in ("ours", "baseline"):
        print(f"{name}: largest responses {results[name]['largest']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
