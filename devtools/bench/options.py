"""What the benchmark measures, and its command-line options."""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from . import __doc__ as DESCRIPTION

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
# The main pages; each API list (/api/v1/...) stands beside the HTML page it mirrors,
# and a French page beside its English twin.
PAGES = [
    "/",
    "/history/",
    "/api/v1/events/",
    "/names/",
    "/leaders/",
    "/fr/leaders/",
    "/structure/",
    "/criticisms/",
    "/api/v1/criticisms/",
    "/sources/",
    "/updates/",
    "/search/?q=migration",
    "/people/amy-e-pope/",
    "/history/event-1989-renamed-iom/",
    "/criticisms/criticism-2003-pacific-solution/",
]
QUICK_PAGES = [
    "/",
    "/history/",
    "/api/v1/events/",
    "/leaders/",
    "/fr/leaders/",
    "/structure/",
    "/criticisms/",
    "/api/v1/criticisms/",
    "/search/?q=migration",
]
LIGHTHOUSE_PAGES = ["/", "/history/", "/leaders/", "/structure/", "/criticisms/", "/sources/"]
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
GOALS = {"cached": 0.8, "uncached": 0.25}


# The benchmark runs the production settings with the development tools added
# (the framework-floor view and the data generator).
SETTINGS_MODULE = "devtools.settings"


def parse_arguments():
    parser = argparse.ArgumentParser(
        description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="a short run: SQLite, the seed, under a minute"
    )
    parser.add_argument(
        "--duration", type=int, default=None, help="seconds per target (default 10, quick 1)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="interleaved rounds per target, the median kept (default 3, quick 1)",
    )
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--multiples", default=None, help="data sizes, comma-separated (default 1,100; quick: 1)"
    )
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--output", type=Path, default=ROOT / "bench-results")
    options = parser.parse_args()
    options.duration = options.duration or (1 if options.quick else 10)
    options.rounds = options.rounds or (1 if options.quick else 3)
    options.multiples = [
        int(m) for m in (options.multiples or ("1" if options.quick else "1,100")).split(",")
    ]
    options.pages = QUICK_PAGES if options.quick else PAGES
    if options.quick:
        options.lighthouse = False
        options.sqlite_only = True
    return options


def require_wrk():
    if shutil.which("wrk"):
        return
    if shutil.which("apt-get"):
        print("Installing wrk (Debian package)...", flush=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL
        )
    if not shutil.which("wrk"):
        sys.exit("bench needs wrk: install it (apt-get install wrk) and run again.")
