#!/usr/bin/env bash
# Starts a program in a detached tmux window of 80×24 and returns when its
# screen shows MARKER: the time to the first screen, tmux's own start
# included (the same for every program measured).
# Usage: bench/first_screen.sh MARKER COMMAND...
set -euo pipefail
marker=$1
shift
# A tmux server of its own: a running one would not pass this script's
# environment (BPA_DB, BPA_TODAY, LANG) to the program.
session="first-screen-$$"
tmux -L "$session" new-session -d -s "$session" -x 80 -y 24 "$*"
trap 'tmux -L "$session" kill-server 2>/dev/null || true' EXIT
for _ in $(seq 1 20000); do
    if tmux -L "$session" capture-pane -p -t "$session" 2>/dev/null | grep -qF -- "$marker"; then
        exit 0
    fi
done
echo "first_screen: «$marker» never appeared" >&2
exit 1
