#!/usr/bin/env bash
# Which model variant of the @tesseract.js-data packages ships (issue 11): ./tool-ocr ocr over the OCR
# benchmark's corpus (bench/ocr/make_corpus.py, plus linn.png) once per variant, each variant alone
# on the search path (TESSDATA_PREFIX, no system tessdata, an empty cache), in the order A B B A so a
# change in the machine's load weighs on both alike. Prints mean CER and wall time per variant, with
# ratios against the first, and writes them to bench/results/language-variants.txt.
#
#   bench/language-variants.sh [VARIANT...]     (default: 4.0.0_best_int 4.0.0)
#
# The models come from ocr/languages/node_modules, which the Maven build fills with npm ci from
# ocr/languages/package-lock.json (run ./mvnw -pl ocr/languages package first if it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

REAL="${BENCH_REAL_CORPUS:-../shared/corpus/ocrmypdf}"
OUT=bench/results/language-variants.txt
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(4.0.0_best_int 4.0.0)
MODULES=ocr/languages/node_modules/@tesseract.js-data
[ -f "$REAL/linn.png" ] || { echo "bench: $REAL/linn.png not found; set BENCH_REAL_CORPUS" >&2; exit 1; }
[ -d "$MODULES" ] || { echo "bench: $MODULES missing; run ./mvnw -q -B -pl ocr/languages package" >&2; exit 1; }

# Debian's python3 with PIL, numpy and img2pdf, as bench/ocr-bench.sh installs them.
PY=/usr/bin/python3
"$PY" -c 'import PIL, numpy, img2pdf' 2>/dev/null \
  || { echo "bench: needs python3-pil python3-numpy python3-img2pdf fonts-noto-cjk (apt-get install)" >&2; exit 1; }

# Build before timing, so no timed run pays for compilation.
./tool-ocr ocr --help >/dev/null

WORK="${BENCH_WORK:-$(mktemp -d)}"
[ -n "${BENCH_WORK:-}" ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK" bench/results
"$PY" bench/ocr/make_corpus.py "$WORK/corpus"
for variant in "${VARIANTS[@]}"; do
  dir="$WORK/tessdata/$variant"
  mkdir -p "$dir"
  for pkg in "$MODULES"/*; do
    lang=$(basename "$pkg")
    [ -f "$pkg/$variant/$lang.traineddata.gz" ] || { echo "bench: no $variant in $pkg" >&2; exit 1; }
    gunzip -c "$pkg/$variant/$lang.traineddata.gz" > "$dir/$lang.traineddata"
  done
done

{
  echo "Tool_OCR language data variants, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  "$PY" -u - "$WORK" "$REAL" "${VARIANTS[@]}" <<'PY'
import os, subprocess, sys, time
from pathlib import Path

sys.path.insert(0, str(Path("bench/ocr").resolve()))
from run_bench import cer, read  # the OCR benchmark's own CER, so the numbers compare

work, real, variants = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
corpus = work / "corpus"
docs = [l.split("\t") for l in (corpus / "manifest.tsv").read_text(encoding="utf-8").splitlines()]
docs = [(corpus / n, lang, read(corpus / (Path(n).stem + ".gt.txt"))) for n, lang, _ in docs]
docs.append((real / "linn.png", "eng", read(real / "linn.txt")))
seconds = {v: 0.0 for v in variants}
failed = []

def run(variant, round_no):
    out = work / "out" / variant
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TESSDATA_PREFIX": str(work / "tessdata" / variant), "TOOL_OCR_SYSTEM_TESSDATA": "none",
           "XDG_CACHE_HOME": str(work / "empty-cache"), "OMP_THREAD_LIMIT": "1"}
    for lang in sorted({d[1] for d in docs}):
        files = [str(d[0]) for d in docs if d[1] == lang]
        started = time.monotonic()
        rc = subprocess.call(["./tool-ocr", "ocr", *files, "--lang", lang, "--formats", "txt", "--out", str(out)],
                             env=env, stdout=subprocess.DEVNULL, stderr=open(work / f"{variant}.log", "ab"))
        seconds[variant] += (time.monotonic() - started) / 2
        if rc != 0:
            failed.append(f"{variant} {lang} round {round_no} exit {rc}")

order = variants + variants[::-1]
for i, v in enumerate(order):
    run(v, 1 if i < len(variants) else 2)

print(f"\n{len(docs)} documents (CER: lower is better; time: mean of two rounds, all documents)")
print(f"{'document':<18}{'lang':<9}" + "".join(f"{v:>16}" for v in variants))
means = {v: [] for v in variants}
for path, lang, truth in docs:
    row = []
    for v in variants:
        c = cer(read(work / "out" / v / (path.stem + ".txt")), truth)
        means[v].append(c)
        row.append(c)
    print(f"{path.name:<18}{lang:<9}" + "".join(f"{c:>16.3f}" for c in row))
first = variants[0]
print()
print(f"{'variant':<18}{'mean CER':>10}{'wall s':>10}{'CER/first':>11}{'time/first':>11}{'model MB (4 langs)':>20}")
for v in variants:
    mean = sum(means[v]) / len(means[v])
    base = sum(means[first]) / len(means[first])
    size = sum(f.stat().st_size for f in (work / "tessdata" / v).iterdir()) / 2**20
    print(f"{v:<18}{mean:>10.4f}{seconds[v]:>10.1f}{(mean / base if base else float('nan')):>11.2f}"
          f"{seconds[v] / seconds[first]:>11.2f}{size:>20.1f}")
if failed:
    print("\nFailed runs: " + "; ".join(failed))
print(f"Load average at the end: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
PY
} | tee "$OUT"
