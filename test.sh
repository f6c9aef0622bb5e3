#!/usr/bin/env bash
# The single command that runs every test of the repository.
#
#   ./test.sh            (developers: the build also regenerates openapi/)
#   CI=true ./test.sh    (CI: the build leaves openapi/ alone; see api/Crm.Api/Crm.Api.csproj)
#
# Steps: dotnet build Crm.sln -> every .NET test project (xunit.v3 on Microsoft.Testing.Platform,
# TRX report) -> web/ build -> web/ vitest (JUnit) -> web/ Playwright (JUnit), each only when it exists.
# Results go to TestResults/. The counts are read from those report files, never from console
# text, and the last line printed is exactly "N passed, M failed" (", K skipped" when K > 0).
# A step or runner that fails without reporting a failing test (build error, crash, time-out,
# missing report) counts as one failure, so it can never pass as "0 tests".
#
# Environment: TEST_TIMEOUT (default 10m) bounds each runner; CI is passed through to MSBuild.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"
RESULTS="$ROOT/TestResults"
TEST_TIMEOUT="${TEST_TIMEOUT:-10m}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
MANIFEST="$RESULTS/runners.tsv"   # name <TAB> kind <TAB> exit code <TAB> report file <TAB> exit codes that are fine
: >"$MANIFEST"

record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-0}" >>"$MANIFEST"; }
banner() { printf '\n==== %s ====\n' "$*"; }

# Runs "$@" under a time limit; sets RC. The whole process group is killed on time-out.
run_limited() {
  RC=0
  timeout --kill-after=30s "$TEST_TIMEOUT" "$@" || RC=$?
  if [ "$RC" -eq 124 ] || [ "$RC" -eq 137 ]; then
    echo "!! timed out after $TEST_TIMEOUT: $*" >&2
  fi
}

# ---------------------------------------------------------------- .NET
banner "dotnet build Crm.sln -c Release (CI=${CI:-<unset>})"
RC=0
dotnet build Crm.sln -c Release -nologo || RC=$?
record "dotnet build" step "$RC" ""

if [ "$RC" -eq 0 ]; then
  # Every project under tests/ that declares itself a test project (Crm.Api.UnitTests,
  # Crm.Api.IntegrationTests, and any added later); benchmarks are not.
  for csproj in tests/*/*.csproj; do
    [ -e "$csproj" ] || continue
    grep -qi '<IsTestProject>[[:space:]]*true' "$csproj" || continue
    name="$(basename "$csproj" .csproj)"
    out="$RESULTS/dotnet/$name"
    mkdir -p "$out"
    banner "dotnet test $name"
    # xunit.v3 ships its own TRX writer (--report-xunit-trx); no extra package needed.
    # Exit code 8 = "zero tests ran": fine for a project that has no tests yet.
    run_limited dotnet test --project "$csproj" -c Release --no-build \
      --results-directory "$out" --report-xunit-trx --report-xunit-trx-filename "$name.trx"
    record "dotnet test $name" trx "$RC" "$out/$name.trx" "0 8"
  done
fi

# ---------------------------------------------------------------- web
if [ -f web/package.json ]; then
  mkdir -p "$RESULTS/web"
  npm_ok=1
  if [ ! -d web/node_modules ]; then
    banner "npm ci (web)"
    RC=0
    (cd web && npm ci --no-audit --no-fund) || RC=$?
    record "npm ci" step "$RC" ""
    [ "$RC" -eq 0 ] || npm_ok=0
  fi

  if [ "$npm_ok" -eq 1 ]; then
    # The SPA build type-checks everything (tsc -b) and makes web/dist, which the API serves to Playwright.
    banner "npm run build (web)"
    RC=0
    run_limited bash -c 'cd web && exec npm run build </dev/null'
    record "npm run build (web)" step "$RC" ""

    banner "npm test (web, vitest)"
    # stdin from /dev/null: vitest never enters watch mode, even from a terminal.
    # (The "test" script should be "vitest run" or "vitest"; these flags are appended to it.)
    run_limited bash -c 'cd web && exec npm test -- --reporter=default --reporter=junit \
      --outputFile.junit="$1" </dev/null' _ "$RESULTS/web/vitest-junit.xml"
    record "vitest (web)" junit "$RC" "$RESULTS/web/vitest-junit.xml"

    if [ -f web/playwright.config.ts ]; then
      banner "npx playwright test (web)"
      run_limited env PLAYWRIGHT_JUNIT_OUTPUT_FILE="$RESULTS/web/playwright-junit.xml" \
        bash -c 'cd web && exec npx --no-install playwright test --reporter=list,junit </dev/null'
      record "playwright (web)" junit "$RC" "$RESULTS/web/playwright-junit.xml"
    fi
  fi
fi

# ---------------------------------------------------------------- summary
banner "summary"
RC=0
python3 - "$MANIFEST" <<'PY' || RC=$?
import os, sys
import xml.etree.ElementTree as ET

def local(tag):
    return tag.rsplit('}', 1)[-1]

def first_line(text, limit=300):
    text = (text or '').strip()
    line = text.splitlines()[0] if text else ''
    return line if len(line) <= limit else line[:limit] + '...'

def parse_trx(path):
    """(passed, failed, skipped lists) from a TRX file written by xunit.v3 / MTP."""
    passed, failed, skipped = [], [], []
    root = ET.parse(path).getroot()
    for el in root.iter():
        if local(el.tag) != 'UnitTestResult':
            continue
        name = el.get('testName', '?')
        outcome = el.get('outcome', '')
        msg = ''
        for sub in el.iter():
            t = local(sub.tag)
            if t == 'Message' and sub.text:
                msg = sub.text; break
            if t == 'StdOut' and sub.text and not msg:
                msg = sub.text
        if outcome == 'Passed':
            passed.append(name)
        elif outcome == 'Warning':
            passed.append(name)
        elif outcome in ('NotExecuted', 'Inconclusive', 'Pending'):
            skipped.append((name, first_line(msg) or '(no reason recorded)'))
        else:  # Failed, Error, Timeout, Aborted, NotRunnable, ...
            failed.append((name, first_line(msg) or outcome))
    return passed, failed, skipped

def parse_junit(path):
    """(passed, failed, skipped lists) from a JUnit XML file (vitest, Playwright)."""
    passed, failed, skipped = [], [], []
    root = ET.parse(path).getroot()
    for tc in root.iter():
        if local(tc.tag) != 'testcase':
            continue
        cls, nm = tc.get('classname', ''), tc.get('name', '?')
        name = f'{cls} > {nm}' if cls and cls != nm else nm
        state, msg = 'passed', ''
        for child in tc:
            t = local(child.tag)
            if t in ('failure', 'error'):
                state, msg = 'failed', child.get('message') or child.text or t
                break
            if t == 'skipped':
                state, msg = 'skipped', (child.get('message') or child.text or '').strip()
        if state == 'skipped' and not msg:
            for prop in tc.iter():
                if local(prop.tag) == 'property' and prop.get('name') in ('skip', 'fixme'):
                    msg = prop.get('value') or ''
        if state == 'passed':
            passed.append(name)
        elif state == 'failed':
            failed.append((name, first_line(msg)))
        else:
            skipped.append((name, first_line(msg) or '(no reason recorded)'))
    return passed, failed, skipped

total_p = total_f = 0
failures, skips, broken = [], [], []
rows = []
with open(sys.argv[1], encoding='utf-8') as fh:
    for line in fh:
        line = line.rstrip('\n')
        if line:
            rows.append(line.split('\t'))

for name, kind, code, report, ok_codes in rows:
    code = int(code)
    ok = {int(c) for c in ok_codes.split()}
    if kind == 'step':
        status = 'ok' if code == 0 else f'FAILED (exit code {code})'
        if code != 0:
            broken.append(f'{name}: exit code {code}')
        print(f'  {name:<40} {status}')
        continue
    if not os.path.isfile(report):
        broken.append(f'{name}: exit code {code}, wrote no report ({os.path.relpath(report)})'
                      + (' - timed out' if code in (124, 137) else ''))
        print(f'  {name:<40} FAILED TO RUN (exit code {code}, no report)')
        continue
    try:
        p, f, s = (parse_trx if kind == 'trx' else parse_junit)(report)
    except Exception as exc:  # unreadable report = the runner did not finish properly
        broken.append(f'{name}: unreadable report {os.path.relpath(report)}: {exc}')
        print(f'  {name:<40} FAILED (unreadable report)')
        continue
    total_p += len(p); total_f += len(f)
    failures += [(name, n, m) for n, m in f]
    skips += [(name, n, m) for n, m in s]
    note = ''
    if code not in ok and not f:
        broken.append(f'{name}: exit code {code} although its report shows no failing test')
        note = f'  RUNNER FAILED (exit code {code})'
    elif not (p or f or s):
        note = '  (no tests)'
    print(f'  {name:<40} {len(p)} passed, {len(f)} failed, {len(s)} skipped{note}')

if skips:
    print(f'\nSkipped tests ({len(skips)}):')
    for runner, n, m in skips:
        print(f'  SKIPPED [{runner}] {n}: {m}')
    docker = [1 for _, _, m in skips if 'docker' in m.lower()]
    if docker:
        print(f'  NOTE: {len(docker)} test(s) skipped for want of a Docker engine; '
              'they run where Docker is available (GitHub Actions).')
    if os.environ.get('GITHUB_ACTIONS') == 'true':
        for runner, n, m in skips:
            print(f'::notice title=Skipped test::[{runner}] {n}: {m}')

if failures:
    print(f'\nFailed tests ({len(failures)}):')
    for runner, n, m in failures:
        print(f'  FAILED [{runner}] {n}: {m}')

if broken:
    print(f'\nSteps/runners that failed to run properly ({len(broken)}, each counted as one failure):')
    for b in broken:
        print(f'  ERROR {b}')

failed = total_f + len(broken)
summary = f'{total_p} passed, {failed} failed'
if skips:
    summary += f', {len(skips)} skipped'
print()
print(summary)
sys.exit(1 if failed else 0)
PY
if [ "$RC" -ne 0 ] && [ "$RC" -ne 1 ]; then
  # The summariser itself crashed: still end with a counted line, and fail.
  echo "0 passed, 1 failed"
fi
exit "$RC"
