"""The dashboard on a synthetic city-wide ledger (issue 7, "a million rows"): start, filter clicks, memory.

    .venv/bin/python benchmarks/ledger_bench.py [--data DIR] [--cost-centres 840] [--divisions 10] [--years 5]
        [--seed 1] [--selections 20] [--load-only] [--profile]

Without `--data`, generates the ledger with benchmarks/make_ledger.py into a temporary folder.
Each measurement runs in a fresh Python process, so nothing is cached or imported beforehand:

- `load`: `load_dataset()` wall time and peak resident memory (VmHWM), `comparison_periods()`,
  `prepare_views()` (what the app computes beside the server at start), then
  `update_finance_view()` for `--selections` distinct cost-centre selections of the report's
  division, each cold (first time seen) and then warm (seen before), with p50 / p95 / max, and
  the division filter: every other division's whole view, then one of its cost centres;
  `--load-only` stops after `comparison_periods()` (no callbacks);
- `start`: `create_app(Settings(data_dir=...))` wall time and peak RSS (includes the load and the
  first check, as a real start does);
- `--profile`: cProfile of `load_dataset()` and of one cold `update_finance_view()`, top functions.

Targets from the issue: start ≤ 10 s, filter p95 ≤ 300 ms, resident memory ≤ 1.5 GB. Nothing
here asserts. `benchmarks/run.py --ledger` runs this too. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"start_s": 10.0, "filter_p95_ms": 300.0, "rss_mb": 1536.0}


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB, from /proc/self/status."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields["VmRSS"], fields["VmHWM"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def summary_ms(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50": round(percentile(ms, 50), 1),
        "p95": round(percentile(ms, 95), 1),
        "max": round(max(ms), 1),
    }


# -- measurements, each run in a fresh process ------------------------------------------------------
def child_load(data_dir: str, n_selections: int, load_only: bool = False) -> dict:
    t0 = time.perf_counter()
    from dashboard.store.library import load_dataset
    from dashboard.store.periods import comparison_periods

    out = {"import_s": round(time.perf_counter() - t0, 2), "rss_after_import_mb": round(rss_mb()[0])}
    t0 = time.perf_counter()
    dataset = load_dataset(data_dir)
    out["load_s"] = round(time.perf_counter() - t0, 2)
    out["rss_after_load_mb"], out["peak_rss_after_load_mb"] = (round(v) for v in rss_mb())
    out["finance_rows"] = len(dataset.finance)
    out["finance_frame_mb"] = round(dataset.finance.memory_usage(deep=True).sum() / 2**20)
    out["findings"] = len(dataset.reconciliation.findings)
    t0 = time.perf_counter()
    comparison_periods(dataset.finance)
    out["comparison_periods_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    if not load_only:
        out.update(callbacks(dataset, n_selections, data_dir))
    out["rss_end_mb"], out["peak_rss_mb"] = (round(v) for v in rss_mb())
    return out


def callbacks(dataset, n_selections: int, data_dir) -> dict:
    """`update_finance_view()` timings on the loaded ledger: cold, warm, switches, select-all."""
    from dashboard.store.library import load_library
    from dashboard.store.names import slugify
    from dashboard.web.callbacks import prepare_views, update_finance_view

    # As create_app does at start: each division's shared figures, before the first click.
    t0 = time.perf_counter()
    prepare_views(load_library(data_dir))  # cached: the library `dataset` is the latest of
    out = {"prepare_views_s": round(time.perf_counter() - t0, 2)}
    division = dataset.report.division
    finance = dataset.finance
    own = list(dict.fromkeys(finance.loc[finance["division"] == division, "service_area"]))
    own = [slugify(a) for a in own if a]
    out["division"], out["division_cost_centres"], out["city_cost_centres"] = (
        division,
        len(own),
        len(dataset.cost_centres),
    )
    rng = random.Random(1)
    selections = [[]] + [sorted(rng.sample(own, rng.randint(1, min(5, len(own))))) for _ in range(n_selections - 1)]
    cold, warm = [], []
    t0 = time.perf_counter()
    for areas in selections:
        t1 = time.perf_counter()
        update_finance_view(dataset, areas, "expenses", "eur", "line", "fi")
        cold.append(time.perf_counter() - t1)
    out["first_view_ms"] = round(cold[0] * 1000, 1)  # includes compare_by_area over all cost centres
    for areas in selections:
        t1 = time.perf_counter()
        update_finance_view(dataset, areas, "expenses", "eur", "line", "fi")
        warm.append(time.perf_counter() - t1)
    # A group or measure switch on a seen selection: a new rendering of a cached computation.
    switch = []
    for areas in selections[:5]:
        t1 = time.perf_counter()
        update_finance_view(dataset, areas, "income", "pct", "line", "fi")
        switch.append(time.perf_counter() - t1)
    out["cold_ms"] = summary_ms(cold[1:])
    out["warm_ms"] = summary_ms(warm)
    out["group_switch_ms"] = summary_ms(switch)
    # Every cost centre of the division at once (the filter's "select all").
    t1 = time.perf_counter()
    update_finance_view(dataset, own, "expenses", "eur", "area", "fi")
    out["all_division_centres_cold_ms"] = round((time.perf_counter() - t1) * 1000, 1)
    # The division filter: each division's whole view, then a cost centre of it, each seen first here.
    switches, others = [], []
    for name, areas in list(dataset.cost_centres_by_division.items())[1:]:
        t1 = time.perf_counter()
        update_finance_view(dataset, [], "expenses", "eur", "line", "fi", slugify(name))
        switches.append(time.perf_counter() - t1)
        t1 = time.perf_counter()
        update_finance_view(dataset, [slugify(areas[0])], "expenses", "eur", "line", "fi", slugify(name))
        others.append(time.perf_counter() - t1)
    if switches:
        out["division_switch_ms"] = summary_ms(switches)
        out["other_division_centre_ms"] = summary_ms(others)
        out["filter_p95_ms"] = summary_ms(cold[1:] + switches + others)["p95"]
    out["callbacks_total_s"] = round(time.perf_counter() - t0, 2)
    return out


def child_start(data_dir: str) -> dict:
    t0 = time.perf_counter()
    from dashboard.serving.settings import Settings
    from dashboard.web.app_factory import create_app

    imported = time.perf_counter() - t0
    create_app(Settings(data_dir=Path(data_dir)))
    total = time.perf_counter() - t0
    current, peak = rss_mb()
    return {
        "import_s": round(imported, 2),
        "create_app_s": round(total - imported, 2),
        "start_s": round(total, 2),
        "rss_mb": round(current),
        "peak_rss_mb": round(peak),
    }


def child_profile(data_dir: str, top: int = 15) -> dict:
    import cProfile
    import io
    import pstats

    from dashboard.store.library import load_dataset
    from dashboard.web.callbacks import update_finance_view

    def top_functions(profile: cProfile.Profile, key: str) -> str:
        buffer = io.StringIO()
        pstats.Stats(profile, stream=buffer).strip_dirs().sort_stats(key).print_stats(top)
        return buffer.getvalue()

    profile = cProfile.Profile()
    dataset = profile.runcall(load_dataset, data_dir)
    report = {"load_tottime": top_functions(profile, "tottime"), "load_cumtime": top_functions(profile, "cumulative")}
    profile = cProfile.Profile()
    profile.runcall(update_finance_view, dataset, [], "expenses", "eur", "line", "fi")
    report["view_cumtime"] = top_functions(profile, "cumulative")
    report["view_tottime"] = top_functions(profile, "tottime")
    return report


def run_child(mode: str, data_dir: Path, *extra: str) -> dict:
    command = [sys.executable, __file__, "--child", mode, "--data", str(data_dir), *extra]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {mem:.1f} GiB RAM, Python {sys.version.split()[0]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="a ledger folder (default: generate one into a temporary folder)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--divisions", type=int, default=10)
    parser.add_argument("--cost-centres", type=int, default=840, help="840 × 10 divisions × 5 years ≈ 1 million rows")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--selections", type=int, default=20)
    parser.add_argument("--load-only", action="store_true", help="measure load and start only, no callbacks")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every number to this file")
    parser.add_argument("--child", choices=("load", "start", "profile"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        result = {
            "load": lambda: child_load(str(args.data), args.selections, args.load_only),
            "start": lambda: child_start(str(args.data)),
            "profile": lambda: child_profile(str(args.data)),
        }[args.child]()
        print(json.dumps(result))
        return 0

    with tempfile.TemporaryDirectory(prefix="ledger-") as scratch:
        data_dir = args.data
        if data_dir is None:
            from benchmarks.make_ledger import write_ledger

            data_dir = Path(scratch) / "data"
            t0 = time.perf_counter()
            rows = write_ledger(data_dir, args.seed, args.divisions, args.cost_centres, args.years)
            print(f"generated {rows} finance rows into {data_dir} in {time.perf_counter() - t0:.1f} s")
        print(f"machine: {machine()}")
        load = run_child("load", data_dir, "--selections", str(args.selections), *(["--load-only"] * args.load_only))
        print("load" if args.load_only else "load + callbacks:", json.dumps(load, indent=2, ensure_ascii=False))
        start = run_child("start", data_dir)
        print("create_app:", json.dumps(start, indent=2))
        peak = max(load["peak_rss_mb"], start["peak_rss_mb"])
        filters = (
            ""
            if args.load_only
            else f"filter p95 cold {load['cold_ms']['p95']} ms, division switch "
            f"{load.get('division_switch_ms', {}).get('p95', '–')} ms, warm {load['warm_ms']['p95']} ms "
            f"(target ≤ {TARGETS['filter_p95_ms']:.0f} ms); "
        )
        print(
            f"\nstart {start['start_s']} s (target ≤ {TARGETS['start_s']:.0f} s); load {load['load_s']} s; "
            f"{filters}peak RSS {peak} MB (target ≤ {TARGETS['rss_mb']:.0f} MB)"
        )
        if args.json:
            args.json.write_text(json.dumps({"machine": machine(), "load": load, "start": start}, indent=2))
        if args.profile:
            report = run_child("profile", data_dir)
            for name, text in report.items():
                print(f"\n== cProfile: {name} ==\n{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
