#!/usr/bin/env bash
# PrairieLearn runs this as the external grader's entrypoint
# (https://prairielearn.readthedocs.io/en/latest/externalGrading/): grade the files in
# /grade/student against the question's key (tests/key.deriv) and write
# /grade/results/results.json -- always, even when grading itself fails.
set -u

ROOT="${GRADE_ROOT:-/grade}"                  # tests point this at a fake tree
KEY="${DERIV_KEY:-$ROOT/tests/key.deriv}"
DERIV="${DERIV:-deriv}"
LIMIT_S="${DERIV_TIME_LIMIT_S:-20}"           # PrairieLearn stops the job at its timeout (30 s by default)
GRACE_S="${DERIV_GRACE_S:-5}"
MEMORY_MB="${DERIV_MEMORY_MB:-600}"
RESULTS="$ROOT/results/results.json"

mkdir -p "$ROOT/results"
rm -f "$RESULTS"

# The variant's seed, if the question sets one in data.json's params, fixes the sampling.
SEED_FROM="$(node -e '
  try {
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = d && d.params && d.params.deriv_seed;
    if (typeof s === "number" || typeof s === "string") process.stdout.write(String(s).replace(/[^\w.-]/g, ""));
  } catch {}' "$ROOT/data/data.json" 2>/dev/null)"

# The key's SHA-256 from `deriv grade --check-key` (setup.sh writes it): the key is not checked again.
KEY_SHA256="$(cat "$(dirname "$KEY")/key.sha256" 2>/dev/null | tr -cd '0-9a-f')"

args=(grade --key "$KEY" "$ROOT/student" --format prairielearn --out "$RESULTS" --timeout "$((LIMIT_S * 1000))")
if [ -n "$SEED_FROM" ]; then args+=(--seed-from "$SEED_FROM"); fi
if [ ${#KEY_SHA256} -eq 64 ]; then args+=(--key-sha256 "$KEY_SHA256"); fi

NODE_OPTIONS="--max-old-space-size=$MEMORY_MB" timeout --kill-after=2 "$((LIMIT_S + GRACE_S))" "$DERIV" "${args[@]}"
status=$?
echo "deriv-prairielearn: deriv grade exited with status $status"

if [ ! -s "$RESULTS" ]; then
  case "$status" in
    2) why="The grader could not grade this question: its answer key or set-up has a problem. This attempt does not count." ;;
    124|137) why="Grading your submission ran past the time limit and was stopped. Split very long lines or huge expressions into smaller steps. This attempt does not count." ;;
    *) why="Grading your submission stopped unexpectedly (status $status). This attempt does not count; please tell your TA." ;;
  esac
  # Not gradable: no points awarded or lost. Fixed text only: valid JSON as written.
  cat > "$RESULTS" <<JSON
{ "gradable": false, "score": 0, "message": "$why", "output": "$why", "format_errors": ["$why"], "tests": [] }
JSON
fi
exit 0
