"""Driving the server with wrk (and Lighthouse), and reading what they report."""

import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import urllib.request
from pathlib import Path

from .options import CHROME_FLAGS, LIGHTHOUSE_PAGES, ROOT


def drive(server, site, options):
    targets = {
        "floor": "/bench/floor/",
        "static": site.stylesheet_path(),
        **{p: p for p in options.pages},
    }
    for path in targets.values():
        for _ in range(3):  # warm up the workers and the cache
            with contextlib.suppress(OSError):
                urllib.request.urlopen(server.base + path, timeout=10).read()
    # The machine is shared: rounds interleaved over all the targets, and the
    # median of each, keep a slow spell from landing on one target only.
    seconds = max(1, options.duration // options.rounds)
    rounds = {name: [] for name in targets}
    for _ in range(options.rounds):
        for name, path in targets.items():
            rounds[name].append(wrk(server.base + path, options, seconds))
            settle(server)
    measured = {name: median_result(results) for name, results in rounds.items()}
    for name, result in measured.items():
        spread = ", ".join(f"{r['requests_per_second']:.0f}" for r in rounds[name])
        print(
            f"   {name:48} {result['requests_per_second']:9.1f} req/s (rounds: {spread})",
            flush=True,
        )
    floor = measured["floor"]["requests_per_second"] or 1
    for result in measured.values():
        result["ratio_to_floor"] = round(result["requests_per_second"] / floor, 3)
    return measured


def settle(server):
    """Wait until the workers have answered what the last load left queued (one
    request, served after those), so it is not counted against the next target."""
    with contextlib.suppress(OSError):
        urllib.request.urlopen(server.base + "/bench/floor/", timeout=120).read()


def median_result(results):
    """The median of each measure over the rounds; errors are added up."""

    def median(key):
        values = [r[key] for r in results if r[key] is not None]
        return statistics.median(values) if values else None

    return {
        "requests_per_second": median("requests_per_second"),
        "p50_ms": median("p50_ms"),
        "p99_ms": median("p99_ms"),
        "errors": sum(r["errors"] for r in results),
        "rounds": [r["requests_per_second"] for r in results],
    }


def wrk(url, options, seconds):
    output = subprocess.run(
        [
            "wrk",
            f"-t{options.threads}",
            f"-c{options.connections}",
            f"-d{seconds}s",
            "--latency",
            "--timeout",
            "10s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output)


def parse_wrk(output):
    def latency(percent):
        match = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return round(value * {"us": 0.001, "ms": 1, "s": 1000}[unit], 3)

    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in match.groups())
    return {
        "requests_per_second": requests,
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "errors": errors,
    }


def lighthouse(server):
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    chrome = shutil.which("chromium") or "/usr/bin/chromium"
    if not binary.exists() or not Path(chrome).exists():
        print("   Lighthouse skipped: run `npm ci` and install chromium to include it.")
        return {}
    scores = {}
    for path in LIGHTHOUSE_PAGES:
        report = subprocess.run(
            [
                str(binary),
                server.base + path,
                "--output=json",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--form-factor=desktop",
                "--screenEmulation.disabled",
                "--throttling-method=provided",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": chrome},
            check=False,
        )
        if report.returncode != 0:
            scores[path] = {"error": report.stderr.strip().splitlines()[-1:] or ["failed"]}
            continue
        categories = json.loads(report.stdout)["categories"]
        scores[path] = {
            name: round(category["score"] * 100) for name, category in categories.items()
        }
        print(f"   lighthouse {path:30} {scores[path]}", flush=True)
    return scores
