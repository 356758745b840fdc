#!/usr/bin/env bash
# Runs the whole Masq test suite on a fresh machine: installs what the tests need, builds, runs every test
# project, and prints a closing line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/install-test-deps.sh || { echo "installing test dependencies failed"; echo "0 passed, 1 failed"; exit 1; }

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "== build"
if ! dotnet build Masq.sln -c Debug --nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== test"
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  grep -q '<IsTestProject>false</IsTestProject>' "$project" && continue
  echo "-- $name"
  dotnet test "$project" --no-build --nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TestSessionTimeout=1500000 || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host that crashed or timed out leaves no failed count behind; count it as one failure.
  failed=1
fi
if [ "$failed" -ne 0 ] && command -v python3 >/dev/null; then
  # What failed and why, so a CI log is enough to start from.
  python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        if r.get("outcome") != "Failed":
            continue
        print("== FAILED " + r.get("testName", "?"))
        for tag in ("Message", "StackTrace"):
            e = r.find(".//t:ErrorInfo/t:" + tag, ns)
            if e is not None and e.text:
                print("\n".join(e.text.splitlines()[:80]))
        out = r.find(".//t:StdOut", ns)
        if out is not None and out.text:
            print("-- output (last 60 lines)")
            print("\n".join(out.text.splitlines()[-60:]))
PY
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
