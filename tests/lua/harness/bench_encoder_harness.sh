#!/usr/bin/env bash
# The encoder benchmark on the harness's own VM, uninstrumented (no count hook) with the real timer:
# ours against dkjson (the Debian lua-dkjson file, copied to a temporary folder, never into the repo).
# lua-cjson is a C module and cannot run inside the harness; tests/lua/bench_encoder.lua compares it
# under real lua5.1. Usage: bash tests/lua/harness/bench_encoder_harness.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/widgets"
cp "$root/tests/lua/harness/bench_encoder_widget.lua" "$tmp/widgets/bench.lua"
cp -r "$root/widget/livedata" "$tmp/widgets/livedata"
cp "$root/tests/lua/bench_payload.lua" "$tmp/widgets/bench_payload.lua"
for f in /usr/share/lua/5.1/dkjson.lua /usr/share/lua/5.4/dkjson.lua; do
  [ -f "$f" ] && { cp "$f" "$tmp/widgets/dkjson.lua"; break; }
done
printf 'name: encoder-bench\nseed: 1\nduration: 1s\nunits: {initial: 1}\n' > "$tmp/bench.yaml"
dotnet run --project "$root/src/BarHarness.Cli" -c Release -- run "$tmp/bench.yaml" --widget "$tmp/widgets/bench.lua" \
  --uninstrumented --quiet --format json --report "$tmp/report" > /dev/null || true
grep -o '"text": *"encoder[^"]*"' "$tmp/report/summary.json" | sed 's/^"text": *"//; s/"$//'
