#!/usr/bin/env bash
# OCR benchmark (issue 4): CER against known text, wall time and peak memory of ./tool-ocr ocr, the
# plain tesseract CLI (OMP_THREAD_LIMIT=1, one page after another) and ocrmypdf -j 2, side by side
# in one run, with ratios; then our searchable-PDF job against ocrmypdf -j 2 on the same scanned
# PDFs, and our PDF's text layer (pdftotext default and -raw, pdf.js) against our TXT output, page by
# page; and lang=auto (no --lang) against the right language named (issue 17).
#
#   bench/ocr-bench.sh
#
# The varied corpus is generated here (bench/ocr/make_corpus.py, fixed seeds) next to linn.png from
# ../shared/corpus/ocrmypdf. Missing Debian packages are installed (needs root or sudo). Prints the
# tables and writes them to bench/results/ocr-latest.txt; work files stay in $BENCH_WORK
# (default: a temporary directory, removed afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

REAL="${BENCH_REAL_CORPUS:-../shared/corpus/ocrmypdf}"
OUT=bench/results/ocr-latest.txt
[ -f "$REAL/linn.png" ] || { echo "bench: $REAL/linn.png not found; set BENCH_REAL_CORPUS" >&2; exit 1; }

# Debian's python3 (not a pyenv or venv one): the generator uses Debian's PIL, numpy and img2pdf.
PY=/usr/bin/python3
need=()
for pkg in python3-pil python3-numpy python3-img2pdf fonts-dejavu-core fonts-noto-cjk time poppler-utils \
           tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd tesseract-ocr-chi-tra ocrmypdf; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y -q "${need[@]}" >/dev/null
fi

# pdf.js for reading the text layer back as a browser does: a bench-local install from npm.
if command -v npm >/dev/null 2>&1 && [ ! -d bench/ocr/pdfjs/node_modules/pdfjs-dist ]; then
  (cd bench/ocr/pdfjs && npm install --no-audit --no-fund --silent) || echo "bench: pdf.js not installed; its read-back is skipped" >&2
fi

# Build before timing (the launcher builds what is stale), so no timed run pays for compilation.
./tool-ocr ocr --help >/dev/null

WORK="${BENCH_WORK:-$(mktemp -d)}"
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK" bench/results
"$PY" bench/ocr/make_corpus.py "$WORK/corpus"

{
  echo "Tool_OCR OCR benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo),"\
       "$(java -version 2>&1 | head -1), $(tesseract --version 2>&1 | head -1), ocrmypdf $(ocrmypdf --version 2>/dev/null)"
  "$PY" -u bench/ocr/run_bench.py "$WORK/corpus" "$WORK/runs" "$REAL"
} | tee "$OUT"
