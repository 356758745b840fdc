#!/usr/bin/env bash
# Runs one fuzz target of tests/Masq.Fuzz under afl-fuzz (AFL++), or with --libfuzzer under libFuzzer, with SharpFuzz
# coverage instrumentation of the parsers' assemblies, for SECONDS (default 60), starting from the target's checked-in
# corpus. Prints executions and crashes; replays every crash through the target to show its exception. Installs what
# the engine needs from Debian if missing: afl++, or clang-14 and libclang-rt-14-dev (libFuzzer), with which it builds
# tests/Masq.Fuzz/libfuzzer/dotnet-driver.c (the libFuzzer side of SharpFuzz's Fuzzer.LibFuzzer.Run).
#   scripts/fuzz.sh list                              the targets
#   scripts/fuzz.sh [--libfuzzer] TARGET [SECONDS]    a run; findings under artifacts/fuzz/TARGET/
# A crash input belongs in tests/Masq.Fuzz/corpus/TARGET/ once the parser is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
engine=afl
if [ "${1:-}" = --libfuzzer ]; then
  engine=libfuzzer
  shift
fi
target=${1:-}
seconds=${2:-60}
[ -n "$target" ] || { echo "usage: scripts/fuzz.sh [--libfuzzer] TARGET [SECONDS] | list" >&2; exit 2; }

bin="$root/artifacts/fuzz/bin"
instrumented="$root/artifacts/fuzz/bin-instrumented"
driver="$root/artifacts/fuzz/dotnet-driver"

install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "need root (or sudo) to install: $*" >&2
    exit 1
  fi
  echo "== apt-get install $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ "$engine" = afl ] && ! command -v afl-fuzz >/dev/null 2>&1; then
  install afl++
fi
if [ "$engine" = libfuzzer ]; then
  if ! command -v clang-14 >/dev/null 2>&1 || ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
    install clang-14 libclang-rt-14-dev
  fi
  if [ ! -x "$driver" ] || [ "$root/tests/Masq.Fuzz/libfuzzer/dotnet-driver.c" -nt "$driver" ]; then
    mkdir -p "$(dirname "$driver")"
    clang-14 -fsanitize=fuzzer -O2 -Wall -Wextra -Werror -o "$driver" tests/Masq.Fuzz/libfuzzer/dotnet-driver.c
  fi
fi

# FUZZ_REUSE=1 reuses the last build and instrumentation (runs of several targets in a row).
if [ "${FUZZ_REUSE:-0}" != 1 ] || [ ! -f "$instrumented/Masq.Fuzz.dll" ]; then
  echo "== publish Masq.Fuzz (Release)"
  dotnet publish tests/Masq.Fuzz/Masq.Fuzz.csproj -c Release -o "$bin" --nologo -v quiet -clp:ErrorsOnly >/dev/null
  rm -rf "$instrumented"
fi
if [ "$target" = list ]; then
  dotnet "$bin/Masq.Fuzz.dll" list
  exit 0
fi
dotnet "$bin/Masq.Fuzz.dll" list | awk '{print $1}' | grep -qx -- "$target" || { echo "no target '$target'" >&2; exit 2; }

# SharpFuzz rewrites assemblies in place: instrument a copy, with the uninstrumented program doing the rewriting.
if [ ! -f "$instrumented/Masq.Fuzz.dll" ]; then
  echo "== instrument (SharpFuzz)"
  cp -r "$bin" "$instrumented.tmp"
  dotnet "$bin/Masq.Fuzz.dll" instrument "$instrumented.tmp"
  mv "$instrumented.tmp" "$instrumented"
fi

out="$root/artifacts/fuzz/$target"
rm -rf "$out"
mkdir -p "$out"

if [ "$engine" = libfuzzer ]; then
  echo "== libFuzzer $target for ${seconds}s"
  mkdir -p "$out/corpus"
  # New inputs go to the first folder; the checked-in corpus is read only. -timeout per input, generous for a cold
  # JIT and a busy machine; inputs up to 64 KiB (the driver passes at most 1 MiB).
  "$driver" --target="$(command -v dotnet)" --target-args="$instrumented/Masq.Fuzz.dll,libfuzzer,$target" \
    -max_total_time="$seconds" -timeout=5 -max_len=65536 -print_final_stats=1 -artifact_prefix="$out/" \
    "$out/corpus" "tests/Masq.Fuzz/corpus/$target" >"$out/libfuzzer.log" 2>&1 || true
  stat() { sed -n "s/^stat::$1: *//p" "$out/libfuzzer.log" | tail -n 1; }
  execs=$(stat number_of_executed_units)
  [ -n "$execs" ] || { echo "libFuzzer printed no figures; the end of its log:" >&2; tail -n 30 "$out/libfuzzer.log" >&2; }
  shopt -s nullglob
  crash_files=("$out"/crash-* "$out"/timeout-* "$out"/oom-*)
  echo "$target: ${execs:-?} executions in ${seconds}s ($(stat average_exec_per_sec)/s), corpus $(ls "$out/corpus" | wc -l) new, peak RSS $(stat peak_rss_mb) MB (driver), ${#crash_files[@]} crashes/timeouts"
  for file in "${crash_files[@]}"; do
    dotnet "$bin/Masq.Fuzz.dll" repro "$target" "$file" || true
  done
  [ "${#crash_files[@]}" -eq 0 ]
  exit
fi

echo "== afl-fuzz $target for ${seconds}s"
# AFL_SKIP_BIN_CHECK: the program is dotnet, whose coverage comes from SharpFuzz, not from afl-cc.
# AFL_NO_AFFINITY: the machine is shared; do not pin a core. -m none: the runtime reserves far more address space
# than it uses. -t: generous per input, for a cold JIT and a busy machine.
AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
AFL_NO_UI=1 AFL_QUIET=1 AFL_FAST_CAL=1 AFL_CMPLOG_ONLY_NEW=1 AFL_FORKSRV_INIT_TMOUT=60000 \
  afl-fuzz -i "tests/Masq.Fuzz/corpus/$target" -o "$out" -t 5000 -m none -V "$seconds" \
  -- dotnet "$instrumented/Masq.Fuzz.dll" afl "$target" >"$out/afl-fuzz.log" 2>&1 || {
    echo "afl-fuzz failed; the end of its log:" >&2
    tail -n 30 "$out/afl-fuzz.log" >&2
    exit 1
  }

stats="$out/default/fuzzer_stats"
stat() { sed -n "s/^$1 *: *//p" "$stats" | head -n 1; }
execs=$(stat execs_done)
crashes=$(stat saved_crashes)
[ -n "$crashes" ] || crashes=$(stat unique_crashes)
hangs=$(stat saved_hangs)
[ -n "$hangs" ] || hangs=$(stat unique_hangs)
echo "$target: $execs executions in $(stat run_time)s ($(stat execs_per_sec)/s), corpus $(stat corpus_count), edges $(stat edges_found), $crashes crashes, $hangs hangs"

shopt -s nullglob
crash_files=("$out"/default/crashes/id:*)
for file in "${crash_files[@]}"; do
  dotnet "$bin/Masq.Fuzz.dll" repro "$target" "$file" || true
done
for file in "$out"/default/hangs/id:*; do
  echo "hang: $file"
done
[ "${#crash_files[@]}" -eq 0 ]
