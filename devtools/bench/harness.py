"""The benchmark run: every database and data size, uncached then cached."""

import time

from .load import drive, lighthouse
from .options import parse_arguments, require_wrk
from .report import compare_sizes, print_run, write_results
from .site import databases, gunicorn, prepared_site


def main():
    options = parse_arguments()
    require_wrk()
    results = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "settings": vars(options) | {},
        "runs": [],
    }
    results["settings"]["output"] = str(options.output)
    for database in databases(options):
        for multiple in options.multiples:
            with prepared_site(database, multiple, options) as site:
                run = {"database": database.name, "multiple": multiple, **site.measurements}
                for mode in ("uncached", "cached"):
                    with gunicorn(
                        site, cache=(mode == "cached"), workers=options.workers
                    ) as server:
                        run[mode] = drive(server, site, options)
                if options.lighthouse and multiple == options.multiples[0]:
                    with gunicorn(site, cache=True, workers=options.workers) as server:
                        run["lighthouse"] = lighthouse(server)
                results["runs"].append(run)
                print_run(run)
    results["size_comparison"] = compare_sizes(results["runs"])
    for line in results["size_comparison"]:
        print(line)
    write_results(results, options.output)
