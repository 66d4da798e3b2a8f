#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it locally and in CI: static checks,
# unit tests, both browser builds, then (installing the browsers if missing) the
# E2E tests against the Chrome build. Every stage runs even when an earlier one
# failed (except E2E, which needs the build and the browsers), so one run shows
# every problem. Ends with one line `tests: N passed, N failed` and exits
# non-zero if any stage failed.
set -euo pipefail
cd "$(dirname "$0")/.."

REPORTS=test-results
mkdir -p "$REPORTS"
rm -f "$REPORTS/unit.json" "$REPORTS/e2e.json"
failed=()

# Runs one named stage, records its failure instead of stopping.
stage() {
  local name=$1
  shift
  echo "::: $name: $*"
  local started=$SECONDS
  if "$@"; then
    echo "::: $name passed in $((SECONDS - started)) s"
  else
    echo "::: $name FAILED in $((SECONDS - started)) s"
    failed+=("$name")
  fi
}

stage typecheck npx tsc --noEmit
stage lint npx eslint .
stage format npx prettier --check .
stage unit npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/unit.json"
# Extraction quality on the development corpus (../shared/corpus, beside the
# clone in CI): fails when a figure drops below its floor in test/quality/floors.json.
if [[ -d ../shared/corpus || -n "${CI:-}" ]]; then
  stage quality npm run -s quality -- --floors test/quality/floors.json
else
  echo '::: quality skipped: no ../shared/corpus beside this clone (CI always has it)'
fi
stage build-chrome npx wxt build
stage build-firefox npx wxt build -b firefox
# Mozilla's add-on linter (web-ext lint) on the Firefox build: fails on errors only.
stage lint-firefox npm run -s lint:firefox
# Content script within 15 KB gzip in both builds; prints both extension zips' sizes.
stage budgets node .ci/budgets.mjs
# Chromium and Firefox ESR for E2E: installed when missing (Debian/Ubuntu, as root
# or with sudo -n), otherwise it prints the command to run. A no-op when present.
stage browsers node --import tsx lib/demo/ensure-browsers.ts
if [[ " ${failed[*]} " == *" build-chrome "* ]]; then
  echo '::: e2e skipped: the Chrome build failed'
  failed+=(e2e)
elif [[ " ${failed[*]} " == *" browsers "* ]]; then
  echo '::: e2e skipped: no browser to run it in (see the browsers stage)'
  failed+=(e2e)
else
  stage e2e npx vitest run --config vitest.e2e.config.ts \
    --reporter=default --reporter=json --outputFile.json="$REPORTS/e2e.json"
fi

if [[ -z "${DRAMATIS_SUMMARY_BY_CALLER:-}" ]]; then
  node .ci/summarize-tests.mjs "$REPORTS/unit.json" "$REPORTS/e2e.json"
fi
if ((${#failed[@]} > 0)); then
  echo "failed stages: ${failed[*]}" >&2
  exit 1
fi
