#!/usr/bin/env bash
# Kept for the earlier issues' instructions: the API benchmark now lives in bench/api/run.sh.
exec "$(dirname "$0")/api/run.sh" "$@"
