#!/usr/bin/env python3
"""Benchmark iomsite's production stack against the framework floor.

For each database (SQLite, and PostgreSQL when DATABASE_URL names one) and each
data size (the seed, and 100 times it), the harness builds a fresh database,
starts gunicorn with the production settings on a free loopback port, drives it
with wrk, and stops everything it started. Targets, side by side in one run:

- floor: a minimal Django view through the same middleware (the framework floor);
- static: the stylesheet served by whitenoise;
- every main public page, uncached, then the same pages through the page cache.

Each target is measured in interleaved rounds and the median kept. It reports
requests/s, p50 and p99 latency, errors, the ratio to the floor, and each page's
SQL queries, HTML+CSS bytes and in-process time to serve, as a table and as JSON
(bench-results/). Run it with `make bench` (add ARGS=--quick for a short run),
which runs ``python -m devtools.bench``.
"""
