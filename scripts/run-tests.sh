#!/usr/bin/env bash
# Runs node:test over shell-expanded file lists (Node 20's runner does not expand globs).
# Usage: scripts/run-tests.sh PATTERN [PATTERN …]; fails when no file matches.
set -euo pipefail
shopt -s globstar nullglob
files=()
for pattern in "$@"; do
  # shellcheck disable=SC2206
  matched=($pattern)
  files+=("${matched[@]}")
done
if [ ${#files[@]} -eq 0 ]; then
  echo "run-tests: no test file matches: $*" >&2
  exit 1
fi
export TZ=UTC
exec node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" "${files[@]}"
