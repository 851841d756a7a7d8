"""The desk simulation on both engines: `make bench-desk`.

`python -m benchmarks.desk [--engine postgresql|sqlite|both] [--seconds 60] [--checkers 20]
[--watchers 2] [--think-ms 200] [--out FILE]`

Runs `benchmarks/desk_sim.py` (checker processes marking claims of one library
at once, each mark carrying the version it read; real windows watching; lost
edits and silent overwrites checked from the library's history; mark latency
p50/p99; how soon each window shows the final state) on a PostgreSQL server
started for the run (tests/pg.py: `initdb` + `pg_ctl` in a temporary folder,
PostgreSQL's default durability: fsync and synchronous commit on; as the
`postgres` user when run as root), then the same workload on
a SQLite file, and prints both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.desk")
    parser.add_argument("--engine", choices=("postgresql", "sqlite", "both"), default="both")
    parser.add_argument("--checkers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--watchers", type=int, default=2)
    parser.add_argument("--think-ms", type=float, default=200)
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from benchmarks.desk_sim import simulate

    results = []
    if args.engine in ("postgresql", "both"):
        from tests.pg import PgServer, find_bin_dir, missing_message

        bin_dir = find_bin_dir()
        if bin_dir is None:
            print(missing_message(), file=sys.stderr)
            return 1
        server = PgServer(bin_dir, durable=True)  # fsync on, as a desk's server runs
        server.start()
        try:
            url = server.new_database(empty=True)
            results.append(simulate(url, args.checkers, args.seconds, args.watchers,
                                    args.think_ms))
            results[-1]["server"] = "PostgreSQL " + server.bin_dir.parent.name
        finally:
            server.stop()
    if args.engine in ("sqlite", "both"):
        results.append(simulate(None, args.checkers, args.seconds, args.watchers,
                                args.think_ms))
    for result in results:
        print(json.dumps(result))
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1))
    return 0 if all(r["lost"] == 0 and r["silent_overwrites"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
