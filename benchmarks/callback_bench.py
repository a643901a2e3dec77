"""Server-side time of the finance page's callback, `update_finance_view()`, cold and warm.

    .venv/bin/python benchmarks/callback_bench.py                      # the bundled seed
    .venv/bin/python benchmarks/callback_bench.py --data /tmp/ledger_1m --random 20
    .venv/bin/python benchmarks/callback_bench.py --profile            # plus cProfile of the cold calls
    .venv/bin/python benchmarks/callback_bench.py --gc-freeze          # as a server that freezes its start

Each dataset is measured in a fresh Python process, so the callback starts cold as after a
restart. The calls, in order:

- `sequence`: what `benchmarks/run.py` times: the whole division, then each cost centre of the
  report's division ticked and unticked (expenses, €, bridge by line, Finnish);
- `random`: `--random` new selections of 1–5 cost centres (a ledger's filter clicks);
- `switches`: on selections not seen yet, every group × measure × bridge × language, and the
  division's every cost centre at once;
- `division`: where the data holds other divisions (a city-wide ledger), up to `--divisions` of
  them: the whole division, then one of its cost centres.

A call is *cold* when its selection (division, cost centres, group, measure, bridge, language) was
not seen before in the process, *warm* otherwise. The first call of each division also computes
what all its selections share, once: those are reported on their own (`first_call_ms`,
`division_first_ms`), not among the cold calls. Then every call is repeated (warm).
`--gc-freeze` calls `gc.freeze()` after loading, as a server could after its start: the cold
calls then never pay for a full garbage collection over the ~100 000 objects of the imports.
Targets: cold p95 ≤ 20 ms on the seed, ≤ 300 ms for a filter click on a million-row ledger.
Nothing here asserts. Results: docs/performance.md.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile, as benchmarks/run.py takes it (p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "p50": round(percentile(values, 50), 2),
        "p95": round(percentile(values, 95), 2),
        "max": round(max(values), 2),
    }


def calls(slugs: list[str], n_random: int, divisions: dict[str, list[str]]) -> list[tuple[str, tuple]]:
    """(kind, callback arguments after the dataset) in the order they are timed."""
    out = [("sequence", ([], "expenses", "eur", "line", "fi"))]
    for slug in slugs:  # run.py's selections(): tick one, untick it
        out += [
            ("sequence", ([slug], "expenses", "eur", "line", "fi")),
            ("sequence", ([], "expenses", "eur", "line", "fi")),
        ]
    rng = random.Random(1)
    for _ in range(n_random):
        ticked = sorted(rng.sample(slugs, rng.randint(1, min(5, len(slugs)))))
        out.append(("random", (ticked, "expenses", "eur", "line", "fi")))
    options = list(itertools.product(("expenses", "income", "margins"), ("eur", "pct"), ("line", "area"), ("fi", "en")))
    pairs = [sorted(rng.sample(slugs, min(2, len(slugs)))) for _ in range(3)]
    for ticked in ([], slugs[:1], *pairs):
        out += [("switches", (list(ticked), *option)) for option in options]
    out.append(("switches", (list(slugs), "expenses", "eur", "area", "fi")))
    for division, areas in divisions.items():
        out.append(("division_first", ([], "expenses", "eur", "line", "fi", division)))
        out.append(("division", (areas[:1], "expenses", "eur", "line", "fi", division)))
    return out


def measure(data_dir: str | None, n_random: int, n_divisions: int, profile: bool, gc_freeze: bool) -> dict:
    import gc
    import inspect

    from dashboard.store.files import DEFAULT_DATA_DIR
    from dashboard.store.library import load_dataset
    from dashboard.store.names import slugify
    from dashboard.web.callbacks import update_finance_view

    t0 = time.perf_counter()
    dataset = load_dataset(Path(data_dir) if data_dir else DEFAULT_DATA_DIR)
    out: dict = {"load_s": round(time.perf_counter() - t0, 2), "rows": len(dataset.finance)}
    division = dataset.report.division
    finance = dataset.finance
    slugs = [slugify(a) for a in dict.fromkeys(finance.loc[finance["division"] == division, "service_area"]) if a]
    out["cost_centres"] = len(slugs)
    others: dict[str, list[str]] = {}
    if "division" in inspect.signature(update_finance_view).parameters:
        for name in dict.fromkeys(finance["division"]):
            if name != division and len(others) < n_divisions:
                areas = dict.fromkeys(finance.loc[finance["division"] == name, "service_area"])
                others[slugify(name)] = [slugify(a) for a in areas if a]
    if gc_freeze:
        gc.freeze()
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    seen: set = set()
    slowest: list = []
    times: dict[str, list[float]] = {"cold": [], "warm": []}
    by_kind: dict[str, list[float]] = {}
    todo = calls(slugs, n_random, others)
    division_first = []
    for i, (kind, args) in enumerate(todo):
        key = json.dumps(args)
        cold = key not in seen
        seen.add(key)
        if profiler and cold and i:
            profiler.enable()
        start = time.perf_counter()
        update_finance_view(dataset, *args)
        ms = (time.perf_counter() - start) * 1000
        if profiler:
            profiler.disable()
        if i == 0:
            out["first_call_ms"] = round(ms, 1)
            continue
        if kind == "division_first":
            division_first.append(ms)
            continue
        times["cold" if cold else "warm"].append(ms)
        if cold:
            by_kind.setdefault(kind, []).append(ms)
            slowest.append((round(ms, 1), kind, args))
    for _, args in todo:  # everything again: all warm
        start = time.perf_counter()
        update_finance_view(dataset, *args)
        times["warm"].append((time.perf_counter() - start) * 1000)
    out["cold_ms"] = summary(times["cold"])
    out["warm_ms"] = summary(times["warm"])
    out["cold_by_kind_ms"] = {kind: summary(values) for kind, values in by_kind.items()}
    if division_first:
        out["division_first_ms"] = summary(division_first)
    out["slowest_cold"] = [f"{ms} ms {kind} {json.dumps(args)[:100]}" for ms, kind, args in sorted(slowest)[-3:]]
    if profiler:
        import io
        import pstats

        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer).strip_dirs()
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)
        out["profile"] = buffer.getvalue()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="also measure this data folder (e.g. a ledger from make_ledger.py)")
    parser.add_argument("--random", type=int, default=10, help="random selections of 1-5 cost centres")
    parser.add_argument("--divisions", type=int, default=3, help="other divisions to open (a city-wide ledger)")
    parser.add_argument("--profile", action="store_true", help="cProfile the cold calls")
    parser.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after loading, as a server could")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.data, args.random, args.divisions, args.profile, args.gc_freeze)))
        return 0
    for data_dir in [None, args.data] if args.data else [None]:
        command = [
            sys.executable,
            __file__,
            "--child",
            "--random",
            str(args.random),
            "--divisions",
            str(args.divisions),
        ]
        command += ["--data", data_dir] if data_dir else []
        command += ["--profile"] * args.profile + ["--gc-freeze"] * args.gc_freeze
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        if done.returncode != 0:
            raise SystemExit(f"measuring {data_dir or 'the seed'} failed:\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        profile = result.pop("profile", None)
        print(f"== {data_dir or 'seed (data/)'} ==")
        print(json.dumps(result, indent=1))
        if profile:
            print(profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
