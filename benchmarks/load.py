"""Load test against the production command: `gunicorn -c gunicorn.conf.py app:server`.

    .venv/bin/python benchmarks/load.py [--clients 50] [--seconds 60] [--workers N]

Many concurrent clients, each over keep-alive, alternate `GET /` with the requests a browser
makes for the finance page's figures: Dash Pages' router (the page's layout) and the view
request for the default view and for a few cost-centre selections. Counts every non-200 answer
and every connection error as an error. Reuses `benchmarks/run.py`'s load client; nothing here
asserts. Results: docs/serving.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import free_port, load_test, machine, serve  # noqa: E402

SELECTIONS = ([], ["vaalit"], ["talouspalvelut"], ["talouspalvelut", "vaalit"], ["tietohallinto-ja-digipalvelut"])


def browser_payloads() -> list[tuple[str, str, str | None]]:
    """The requests Chromium makes for the finance page's figures, as (method, path, body): Dash
    Pages' router when it opens the page, then the view request a click on the cost-centre
    filter sends (`components.ViewData`) for the default view and a few selections."""
    from dashboard.web import ids

    router = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": "/"},
            {"id": "_pages_location", "property": "search", "value": ""},
        ],
        "changedPropIds": ["_pages_location.pathname", "_pages_location.search"],
    }
    payloads: list[tuple[str, str, str | None]] = [("POST", "/_dash-update-component", json.dumps(router))]
    for areas in SELECTIONS:
        query = [("area", a) for a in areas] + [("group", "expenses"), ("measure", "eur"), ("bridge", "line")]
        payloads.append(("GET", f"/{ids.FINANCE_VIEW_PATH}?{urlencode([*query, ('lang', 'fi')])}", None))
    return payloads


@contextlib.contextmanager
def production_server(workers: int | None) -> Iterator[str]:
    port = free_port()
    env = dict(os.environ, HOST="127.0.0.1", PORT=str(port), LOG_LEVEL="WARNING")
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    command = [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile", os.devnull, "app:server"]
    with serve(command, f"http://127.0.0.1:{port}", ready_path="/healthz", timeout=120, env=env) as url:
        yield url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, help="WEB_CONCURRENCY (default: gunicorn.conf.py's, 2 per CPU)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    payloads = browser_payloads()
    with production_server(args.workers) as url:
        load_test(url, payloads, clients=4, seconds=5)  # warm every worker's caches
        result = load_test(url, payloads, args.clients, args.seconds)
    result |= {"machine": machine(), "workers": args.workers or f"2 × {os.cpu_count()} CPUs"}
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
