"""Lighthouse on every page of the dashboard (issue 16's scores), with Debian's Chromium.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--out docs/lighthouse.json]

Installs the `lighthouse` npm package (12.x) into `benchmarks/.node/` on first use (npm reaches
the registry here), serves the app on the bundled data with gunicorn as in production, and runs
Lighthouse against each page: desktop preset, `--throttling-method=provided` (the machine as it
is, no simulated slow network), each page `--runs` times; the median run's scores are kept:
performance, accessibility, best practices, total blocking time, largest contentful paint, DOM
size and unused JavaScript. Nothing here asserts; the numbers go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import gunicorn  # noqa: E402

NODE_DIR = ROOT / "benchmarks" / ".node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = {"finance": "/", "communications": "/viestinta", "goals": "/tavoitteet", "risks": "/riskit"}


def install() -> None:
    if LIGHTHOUSE.exists():
        return
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--silent", "--prefix", str(NODE_DIR), "lighthouse@12"], check=True)


def audit(url: str) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--preset=desktop",
                "--throttling-method=provided",
                f"--chrome-path={CHROMIUM}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--output=json",
                f"--output-path={out}",
                "--quiet",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        report = json.loads(out.read_text(encoding="utf-8"))
    audits, categories = report["audits"], report["categories"]
    unused = audits.get("unused-javascript", {}).get("details", {}).get("overallSavingsBytes", 0)
    return {
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "best_practices": round(categories["best-practices"]["score"] * 100),
        "total_blocking_time_ms": round(audits["total-blocking-time"]["numericValue"]),
        "largest_contentful_paint_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "dom_elements": int(audits["dom-size"]["numericValue"]),
        "unused_javascript_kib": round(unused / 1024),
    }


def median_run(runs: list[dict]) -> dict:
    """The run of median performance score (ties: the lower blocking time), with every run's score."""
    ordered = sorted(runs, key=lambda r: (r["performance"], -r["total_blocking_time_ms"]))
    chosen = dict(ordered[len(ordered) // 2])
    chosen["performance_runs"] = [r["performance"] for r in runs]
    chosen["tbt_median_ms"] = round(statistics.median(r["total_blocking_time_ms"] for r in runs))
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    install()
    results = {}
    with gunicorn("app:server") as url:
        for name, path in PAGES.items():
            results[name] = median_run([audit(url + path) for _ in range(args.runs)])
    text = json.dumps(results, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
