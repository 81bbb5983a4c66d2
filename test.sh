#!/usr/bin/env bash
# Installs what the tests need (Apertium pairs, Chromium) and runs every test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/install-packages.sh test

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test --solution ForeignDesk.slnx -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
if [ "$failed" -gt 0 ]; then
  # The runner prints each failure where it happens, among the servers' logs; repeat them last so they are seen.
  echo "failed tests:"
  grep -E -A 12 '^\s*failed [A-Za-z_][A-Za-z0-9_.]+' "$log" | head -n 400 || true
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
