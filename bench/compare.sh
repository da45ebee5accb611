#!/usr/bin/env bash
# Times bpa as a whole process on the dense ten-year demo, beside the tools
# an arbeidsleder might use instead, and prints the ratios that
# docs/PERFORMANCE.md sets targets for:
#   bpa --version          against /bin/true            (target ≤ 2 ×)
#   bpa report week        against timew summary        (target ≤ 0.2 ×)
#   first screen in tmux   against calcurse             (target ≤ 0.12 ×)
# and the peak memory of each command (target < 40 MB) and the idle CPU
# of the screen (target: none).
#
# The script installs hyperfine, timewarrior, calcurse, tmux and GNU time
# with apt-get when they are missing, builds bpa, and writes the same
# shifts for bpa, timewarrior and calcurse into a temporary folder.
# Usage: bench/compare.sh            (from the repository's root)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v timew >/dev/null || need+=(timewarrior)
command -v calcurse >/dev/null || need+=(calcurse)
command -v tmux >/dev/null || need+=(tmux)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet
bpa="$PWD/target/release/bpa"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BPA_DB="$work/bpa.db" BPA_TODAY=2026-11-26 LANG=C.UTF-8

echo "== data"
/usr/bin/time -f "demo --dense: %e s, %M KB peak" "$bpa" --lang en demo --years 10 --dense
"$bpa" shift list --from 2016-01-01 --to 2026-12-31 --format csv >"$work/shifts.csv"
echo "$(($(wc -l <"$work/shifts.csv") - 1)) shifts, the same for each program"

# Each shift as start day, start, end day, end, assistant, at its planned
# times (a shift that ends at or before its start time ends the next day).
tail -n +2 "$work/shifts.csv" | sort -t, -k2,2 -k5,5 | awk -F, '
    {
        $3 = $5; $4 = $6
        end_day = $2
        if ($4 <= $3) {
            if (!($2 in next_day)) {
                cmd = "date -d \"" $2 " +1 day\" +%F"; cmd | getline next_day[$2]; close(cmd)
            }
            end_day = next_day[$2]
        }
        print $2 "," $3 "," end_day "," $4 "," $8
    }' >"$work/intervals.csv"

# Timewarrior: one data file a month, intervals sorted by start.
export TIMEWARRIORDB="$work/timew"
mkdir -p "$TIMEWARRIORDB/data"
touch "$TIMEWARRIORDB/timewarrior.cfg"
awk -F, -v dir="$TIMEWARRIORDB/data" '
    function stamp(d, t) { gsub("-", "", d); gsub(":", "", t); return d "T" t "00Z" }
    { printf "inc %s - %s # \"%s\"\n", stamp($1, $2), stamp($3, $4), $5 >> (dir "/" substr($1, 1, 7) ".data") }
' "$work/intervals.csv"
echo '{}' >"$TIMEWARRIORDB/data/tags.data"

# calcurse: one appointment a shift.
mkdir -p "$work/calcurse"
awk -F, '
    function us(d) { return substr(d, 6, 2) "/" substr(d, 9, 2) "/" substr(d, 1, 4) }
    { printf "%s @ %s -> %s @ %s |%s\n", us($1), $2, us($3), $4, $5 }
' "$work/intervals.csv" >"$work/calcurse/apts"
touch "$work/calcurse/todo"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mean() { jq -r ".results[$2].mean" "$1" 2>/dev/null || python3 -c "import json,sys; print(json.load(open('$1'))['results'][$2]['mean'])"; }

echo
echo "== start: bpa --version against /bin/true"
hyperfine -N --warmup 20 --runs 300 --export-json "$work/version.json" \
    "$bpa --version" "/bin/true"
echo "ratio: $(ratio "$(mean "$work/version.json" 0)" "$(mean "$work/version.json" 1)") × /bin/true (target ≤ 2)"

echo
echo "== bpa report week against timew summary, the week of 23 November 2026"
hyperfine -N --warmup 5 --runs 50 --export-json "$work/week.json" \
    "$bpa report week 2026-W48" \
    "timew summary 2026-11-23 - 2026-11-30"
echo "ratio: $(ratio "$(mean "$work/week.json" 0)" "$(mean "$work/week.json" 1)") × timew (target ≤ 0.2)"

echo
echo "== first screen in tmux at 80×24: bpa against calcurse"
# calcurse leaves its lock file behind when its window is closed.
hyperfine --warmup 2 --runs 20 --export-json "$work/screen.json" \
    --prepare "rm -f $work/calcurse/.calcurse.pid" \
    "bench/first_screen.sh 'Sigrid Haugen' $bpa" \
    "bench/first_screen.sh 'Appointments' calcurse -D $work/calcurse"
echo "ratio: $(ratio "$(mean "$work/screen.json" 0)" "$(mean "$work/screen.json" 1)") × calcurse (target ≤ 0.12)"

echo
echo "== peak memory (target < 40 MB each)"
peak() { /usr/bin/time -f "%M KB  bpa $*" "$bpa" "$@" >/dev/null || true; }
peak report week 2026-W48
peak report month 2026-11
peak check --from 2025-11-27 --to 2026-11-26
peak export timesheet --assistant "Jonas Dahl" --month 2026-11
peak shift list --from 2016-01-01 --to 2026-12-31
peak export json -o "$work/all.json"
peak --db "$work/restored.db" import json "$work/all.json"
awk -F, 'BEGIN { print "date,start,end,assistant" } { print $1 "," $2 "," $4 "," $5 }' \
    "$work/intervals.csv" >"$work/import.csv"
"$bpa" --db "$work/imported.db" --recipient Ola init >/dev/null
peak --db "$work/imported.db" import shifts "$work/import.csv"
# A tmux server of its own, so the screen gets this script's environment.
tm() { tmux -L "bpa-bench-$$" "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
tm new-session -d -s bpa-memory -x 80 -y 24 "/usr/bin/time -o $work/tui.mem -f %M $bpa"
sleep 2
pid=$(pgrep -n -x bpa || true)
if [ -n "$pid" ]; then
    ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
    before=$(ticks)
    sleep 10
    after=$(ticks)
    echo "the screen idle for 10 s used $((after - before)) clock ticks of CPU (target 0)"
else
    echo "the screen did not start; no idle figure"
fi
tm send-keys -t bpa-memory Escape
sleep 0.5
tm send-keys -t bpa-memory q
sleep 1
tm kill-server 2>/dev/null || true
echo "$(cat "$work/tui.mem" 2>/dev/null || echo '?') KB  bpa (the screen, started and left)"
