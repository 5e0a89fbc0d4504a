"""The benchmark's tables, goals and JSON results."""

import json
import time

from .options import GOALS


def print_run(run):
    print()
    print(f"## {run['database']}, {run['multiple']}× the seed")
    columns = ("target", "mode", "req/s", "×floor", "p50 ms", "p99 ms", "errors", "queries")
    columns += ("KB", "1-req ms")
    header = "{:48} {:9} {:>9} {:>7} {:>8} {:>8} {:>6} {:>7} {:>7} {:>8}".format(*columns)
    print(header)
    print("-" * len(header))
    for mode in ("uncached", "cached"):
        for name, result in run[mode].items():
            page = run["pages"].get(name, {})
            weight = f"{(page['html_bytes'] + run['css_bytes']) / 1024:7.1f}" if page else ""
            print(
                f"{name:48} {mode:9} {result['requests_per_second']:9.1f} "
                f"{result['ratio_to_floor']:7.2f} {_ms(result['p50_ms'])} {_ms(result['p99_ms'])} "
                f"{result['errors']:6d} {page.get('queries', ''):>7} {weight:>7} "
                f"{page.get('median_ms', '') if mode == 'uncached' else '':>8}"
            )
    print(
        "(KB: the page's HTML plus the stylesheet; 1-req ms: the median time to serve the "
        "page uncached, in-process, one request at a time)"
    )
    print()
    for line in goals(run):
        print(line)
    print(flush=True)


def _ms(value):
    return f"{value:8.2f}" if value is not None else f"{'':>8}"


def goals(run):
    """One line per goal: met or not, with the numbers."""
    lines = []
    for mode, minimum in GOALS.items():
        pages = {n: r for n, r in run[mode].items() if n not in ("floor", "static")}
        name, worst = min(pages.items(), key=lambda item: item[1]["ratio_to_floor"])
        status = "met" if worst["ratio_to_floor"] >= minimum else "NOT met"
        lines.append(
            f"goal {mode} pages >= {minimum}× floor: {status} "
            f"(lowest {name} {worst['ratio_to_floor']:.2f}×)"
        )
    results = [r for mode in ("uncached", "cached") for r in run[mode].values()]
    errors = sum(r["errors"] for r in results)
    status = "met" if errors == 0 else "NOT met"
    lines.append(f"goal 0 errors at the configured connections: {status} ({errors})")
    spread = [(r["p99_ms"] / r["p50_ms"]) for r in results if r["p50_ms"] and r["p99_ms"]]
    worst_spread = max(spread) if spread else 0
    status = "met" if worst_spread <= 10 else "NOT met"
    lines.append(f"goal p99 <= 10× p50: {status} (worst {worst_spread:.1f}×)")
    return lines


def compare_sizes(runs):
    """Per database: do queries per page stay the same, and uncached throughput
    within 2× of the smallest data size?"""
    lines = []
    for database in sorted({run["database"] for run in runs}):
        sized = sorted((r for r in runs if r["database"] == database), key=lambda r: r["multiple"])
        if len(sized) < 2:
            continue
        small, large = sized[0], sized[-1]
        for path, page in small["pages"].items():
            other = large["pages"][path]
            ratio = small["uncached"][path]["requests_per_second"] / max(
                large["uncached"][path]["requests_per_second"], 0.001
            )
            queries = (
                "same queries"
                if other["queries"] == page["queries"]
                else (f"queries {page['queries']} → {other['queries']}")
            )
            service = other["median_ms"] / max(page["median_ms"], 0.001)
            same = other["queries"] == page["queries"]
            status = "met" if ratio <= 2 and same else "NOT met"
            service_status = "met" if service <= 2 and same else "NOT met"
            lines.append(
                f"{database} {path}: {large['multiple']}× vs {small['multiple']}×: {queries}; "
                f"uncached throughput {ratio:.2f}× lower: {status}; "
                f"one request {service:.2f}× slower: {service_status}"
            )
    return lines


def write_results(results, directory):
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = directory / f"bench-{stamp}.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    (directory / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"Results written to {path}")
