"""A library of 40 reports (10 divisions × 4 periods): add one, start the app, switch reports.

    .venv/bin/python benchmarks/library_bench.py [--out docs/library_bench.json] [--browser]

The 40 reports are generated fixtures (`tests/fixtures/reports.py`, `ledger_of_reports`): the
seed's division at 3, 6, 9 and 12 months and nine generated divisions, figures scaled so that
every sum still adds up; none is real data. Measured, each in a fresh process where it matters:

- `ingest_39_s`: `python -m dashboard ingest` of 39 reports into a new library;
- `add_one_s`: `python -m dashboard add` of the 40th to it (target < 5 s);
- `start_s`: a fresh process imports the app, loads the library and answers the first page
  (target < 10 s);
- `switch_ms`: the finance callback's server part for a report or division switch not seen
  before (choose the report, compute and draw its view, with the year's development), after
  `prepare_views` as the app runs it at start (`prepare_views_s`), beside `click_ms`, a
  cost-centre click on the seed alone measured in the same run: the switch should cost what a
  click does;
- with `--browser`: in headless Chromium, a report switch and a division switch on the library
  and a filter click on the seed, each from the click to every chart in view drawn.

Nothing here asserts; the numbers go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.callback_bench import summary  # noqa: E402

PYTHON = sys.executable
START_SCRIPT = """
import time, sys
t0 = time.perf_counter()
from dashboard.serving.settings import Settings
from dashboard.web.app_factory import create_app
app = create_app(Settings(data_dir=sys.argv[1], default_lang="fi"))
client = app.server.test_client()
page = client.get("/")
layout = client.get("/_dash-layout")
assert page.status_code == 200 and layout.status_code == 200, (page.status_code, layout.status_code)
print(time.perf_counter() - t0)
"""


def write_reports(folder: Path) -> list[Path]:
    from tests.fixtures import SEED_REPORT
    from tests.fixtures.reports import ledger_of_reports

    texts = ledger_of_reports(SEED_REPORT.read_text(encoding="utf-8"), 10, (3, 6, 9, 12))
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def timed(command: list[str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])}… failed:\n{done.stderr[-2000:]}")
    return elapsed


def server_switches(library_dir: Path, n: int, seed: int = 1) -> dict:
    """Report and division switches on the library and cost-centre clicks on the seed, server side."""
    from dashboard.store.files import DEFAULT_DATA_DIR
    from dashboard.store.library import load_library
    from dashboard.store.names import slugify
    from dashboard.web.callbacks import prepare_views, update_finance_view
    from dashboard.web.query import resolve_report

    rng = random.Random(seed)
    library = load_library(library_dir)
    t0 = time.perf_counter()
    prepare_views(library)  # as create_app does beside the server at start
    prepare_s = time.perf_counter() - t0
    pairs = [(r.status_date.isoformat(), slugify(r.division)) for r in library.reports]
    rng.shuffle(pairs)
    switches = []
    for date, division in pairs[:n]:
        t0 = time.perf_counter()
        dataset = resolve_report(library, date, division).dataset
        update_finance_view(dataset, [], "expenses", "eur", "line", "fi", division, library)
        switches.append((time.perf_counter() - t0) * 1000)
    seed_library = load_library(DEFAULT_DATA_DIR)
    seed_data = seed_library.latest
    areas = [slugify(a) for a in seed_data.cost_centres]
    clicks = []
    update_finance_view(seed_data, [], "expenses", "eur", "line", "fi", "", seed_library)
    for _ in range(n):
        chosen = rng.sample(areas, rng.randint(1, 3))
        t0 = time.perf_counter()
        update_finance_view(seed_data, chosen, "expenses", "eur", "line", "fi", "", seed_library)
        clicks.append((time.perf_counter() - t0) * 1000)
    return {"prepare_views_s": round(prepare_s, 2), "switch_ms": summary(switches), "click_ms": summary(clicks)}


def browser_switches(library_dir: Path, rounds: int) -> dict:
    """Click → every chart in view drawn, in headless Chromium: report and division switches on the
    library, cost-centre clicks on the seed."""
    from playwright.sync_api import sync_playwright

    from dashboard.serving.settings import Settings
    from dashboard.store.files import DEFAULT_DATA_DIR
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, serving

    drawn = """() => !document.querySelector('[data-dash-is-loading="true"]') &&
        Array.from(document.querySelectorAll('[data-chart-state]')).filter(b => {
            const r = b.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
        .every(b => b.getAttribute('data-chart-state') === 'drawn')"""

    def clicks(page, selectors: list[str]) -> list[float]:
        out = []
        for i in range(rounds):
            selector = selectors[i % len(selectors)]
            page.wait_for_function(drawn, timeout=20000)
            page.evaluate("() => window.scrollTo(0, 0)")
            t0 = time.perf_counter()
            page.click(selector)
            page.wait_for_timeout(30)  # the renderer marks the callback pending
            page.wait_for_function(drawn, timeout=20000)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, folder, selectors in (
            ("seed_click_ms", DEFAULT_DATA_DIR, ["label[for$='_input_vaalit']", "label[for$='_input_vaalit']"]),
            (
                "report_switch_ms",
                library_dir,
                [f"#report-control .form-check:nth-child({k}) label" for k in (1, 2, 3, 4)],
            ),
            (
                "division_switch_ms",
                library_dir,
                [f"#division-control .form-check:nth-child({k}) label" for k in (2, 3, 4, 1)],
            ),
        ):
            with serving(Settings(data_dir=folder, default_lang="fi")) as url:
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(url + "/")
                page.wait_for_function(drawn, timeout=30000)
                results[name] = summary(clicks(page, selectors))
                page.close()
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--switches", type=int, default=30)
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="library-bench-") as scratch:
        scratch = Path(scratch)
        reports = write_reports(scratch)
        library_dir = scratch / "library"
        result = {"reports": len(reports), "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
        result["ingest_39_s"] = round(
            timed([PYTHON, "-m", "dashboard", "ingest", *map(str, reports[:39]), "--out", str(library_dir)]), 2
        )
        result["add_one_s"] = round(
            timed([PYTHON, "-m", "dashboard", "add", str(reports[39]), "--data", str(library_dir)]), 2
        )
        result["add_again_s"] = round(
            timed([PYTHON, "-m", "dashboard", "add", str(reports[39]), "--data", str(library_dir)]), 2
        )
        starts = []
        for _ in range(3):
            done = subprocess.run(
                [PYTHON, "-c", START_SCRIPT, str(library_dir)], cwd=ROOT, capture_output=True, text=True
            )
            if done.returncode != 0:
                raise SystemExit(done.stderr[-2000:])
            starts.append(float(done.stdout.strip().splitlines()[-1]))
        result["start_s"] = {"runs": [round(s, 2) for s in starts], "best": round(min(starts), 2)}
        result |= server_switches(library_dir, args.switches)
        if args.browser:
            result["browser"] = browser_switches(library_dir, args.rounds)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
