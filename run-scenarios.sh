#!/usr/bin/env bash
# Runs the standard scenario suite against the bundled widget and writes reports to reports/latest.
# Any extra arguments go to `barharness run` (e.g. --filter network, --widget my_widget.lua).
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/BarHarness.Cli -c Release -- run scenarios --parallel 0 "$@"
