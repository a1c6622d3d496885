#!/usr/bin/python3
"""OCR benchmark driver (see bench/ocr-bench.sh, which installs what this needs and builds the
engine first). Runs ./tool-ocr ocr, the plain tesseract CLI and ocrmypdf -j 2 over the same inputs
in one run and prints CER, wall time and peak memory side by side, with ratios.

    run_bench.py CORPUS_DIR WORK_DIR REAL_CORPUS_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Typographic variants every engine may print for the ASCII the ground truth uses.
FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-",
                      "\u2212": "-", "\u00a0": " "})

# Scanned PDFs from ../shared/corpus/ocrmypdf for the searchable-PDF comparison (no text layer yet,
# ordinary page sizes), next to the synthetic multi-page PDF.
REAL_PDFS = ["linn.pdf", "skew.pdf", "rotated_skew.pdf", "ccitt.pdf", "epson.pdf"]


def normalise(text):
    """NFKC, typographic quotes and dashes folded, whitespace collapsed. Spaces count: one between
    two CJK characters, which the ground truth never has, is an error like any other (issue 17)."""
    text = unicodedata.normalize("NFKC", text).translate(FOLD)
    return re.sub(r"\s+", " ", text).strip()


def cer(hypothesis, reference):
    """Levenshtein distance over the reference's length, both normalised; a row at a time in numpy."""
    h, r = normalise(hypothesis), normalise(reference)
    if not r:
        return 0.0 if not h else 1.0
    hv = np.frombuffer(h.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(h) + 1, dtype=np.int64)
    prev = idx.copy()
    for i, ch in enumerate(r, start=1):
        sub = prev[:-1] + (hv != ord(ch))
        cur = np.empty_like(prev)
        cur[0] = i
        cur[1:] = np.minimum(prev[1:] + 1, sub)
        # Insertions run left to right: cur[j] = min_k (cur[k] + j - k), a running minimum.
        cur = np.minimum.accumulate(cur - idx) + idx
        prev = cur
    return float(prev[-1]) / len(r)


def timed(cmd, log, env=None):
    """Runs cmd under /usr/bin/time -v; returns (seconds, max RSS in MiB, exit code, CPU seconds)."""
    stats = log.with_suffix(".time")
    started = time.monotonic()
    with open(log, "ab") as out:
        rc = subprocess.call(["/usr/bin/time", "-v", "-o", str(stats)] + cmd, stdout=out, stderr=out,
                             env={**os.environ, **(env or {})})
    seconds = time.monotonic() - started
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"# {seconds:.1f} s, exit {rc}: {' '.join(cmd)}\n")
    text = stats.read_text()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    cpu = sum(float(v) for v in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    return seconds, (int(m.group(1)) / 1024 if m else 0.0), rc, cpu


class Tally:
    """Wall and CPU time summed and peak memory maxed over the commands one tool ran."""

    def __init__(self):
        self.seconds, self.cpu, self.rss, self.failures = 0.0, 0.0, 0.0, []

    def add(self, result, what):
        seconds, rss, rc, cpu = result
        self.seconds += seconds
        self.cpu += cpu
        self.rss = max(self.rss, rss)
        if rc != 0:
            self.failures.append(f"{what} (exit {rc})")
        return seconds

    def halve(self):
        """After two identical rounds: the mean of one round."""
        self.seconds /= 2
        self.cpu /= 2


def ours(files, lang, formats, out, log, tally):
    """lang None runs with the default, lang=auto."""
    langs = [] if lang is None else ["--lang", lang]
    cmd = [str(ROOT / "tool-ocr"), "ocr", *map(str, files), *langs, "--formats", formats, "--out", str(out)]
    return tally.add(timed(cmd, log), f"tool-ocr {lang}")


def tesseract_cli(path, lang, out, work, log, tally):
    """The plain CLI, one page after another; PDFs are rasterised at 300 dpi first (pdftoppm),
    timed with it, since the CLI cannot read PDF."""
    env = {"OMP_THREAD_LIMIT": "1"}
    if path.suffix == ".pdf":
        pages_dir = work / (path.stem + "-pages")
        pages_dir.mkdir(exist_ok=True)
        seconds = tally.add(timed(["pdftoppm", "-r", "300", "-gray", "-png", str(path), str(pages_dir / "p")], log),
                            f"pdftoppm {path.name}")
        texts = []
        for page in sorted(pages_dir.glob("p-*.png")):
            seconds += tally.add(timed(["tesseract", str(page), str(page.with_suffix("")), "-l", lang], log, env),
                                 f"tesseract {page.name}")
            texts.append(page.with_suffix(".txt").read_text(encoding="utf-8"))
        out.write_text("\n".join(texts), encoding="utf-8")
        return seconds
    seconds = tally.add(timed(["tesseract", str(path), str(out.with_suffix("")), "-l", lang], log, env),
                        f"tesseract {path.name}")
    return seconds


def ocrmypdf(path, lang, out_pdf, sidecar, log, tally):
    # An image that declares no resolution is taken as 300 dpi, as our engine does.
    dpi = [] if path.suffix == ".pdf" else ["--image-dpi", "300"]
    cmd = ["ocrmypdf", "-j", "2", "-l", lang, *dpi, "--sidecar", str(sidecar), str(path), str(out_pdf)]
    return tally.add(timed(cmd, log), f"ocrmypdf {path.name}")


def read(path):
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def ratio(a, b):
    return a / b if b else float("nan")


def main(corpus, work, real):
    load_start = loadavg()
    shutil.rmtree(work, ignore_errors=True)
    for d in ("ours", "cli", "ocrmypdf", "pdf-ours", "pdf-ours-txt", "pdf-ocrmypdf"):
        (work / d).mkdir(parents=True)
    log = work / "commands.log"
    docs = [line.split("\t") for line in (corpus / "manifest.tsv").read_text(encoding="utf-8").splitlines()]
    docs = [(corpus / name, lang, what, read(corpus / (Path(name).stem + ".gt.txt"))) for name, lang, what in docs]
    docs.append((real / "linn.png", "eng", "real scan, two columns (ocrmypdf corpus)", read(real / "linn.txt")))

    # Ours: one invocation per language, as a user would run it over a folder. Ours and the CLI run
    # twice in the order ours, CLI, CLI, ours, and each tool's time is the mean of its two runs, so a
    # change in the machine's other load during the run weighs on both alike.
    t_ours, t_cli, t_omp = Tally(), Tally(), Tally()
    cli_seconds, omp_seconds = {}, {}

    def run_ours():
        for lang in sorted({d[1] for d in docs}):
            ours([d[0] for d in docs if d[1] == lang], lang, "txt", work / "ours", work / "ours.log", t_ours)

    def run_cli():
        for path, lang, _, _ in docs:
            seconds = tesseract_cli(path, lang, work / "cli" / (path.stem + ".txt"), work / "cli",
                                    work / "cli.log", t_cli)
            cli_seconds[path.name] = cli_seconds.get(path.name, 0) + seconds / 2

    run_ours()
    run_cli()
    run_cli()
    run_ours()
    t_ours.halve()
    t_cli.halve()
    for path, lang, _, _ in docs:
        omp_seconds[path.name] = ocrmypdf(path, lang, work / "ocrmypdf" / (path.stem + ".pdf"),
                                          work / "ocrmypdf" / (path.stem + ".txt"), work / "ocrmypdf.log", t_omp)

    print(f"\nVaried corpus: {len(docs)} documents, {sum(pages(d[0]) for d in docs)} pages "
          "(CER: lower is better; t: seconds; tool-ocr and CLI: mean of two rounds)")
    print(f"{'document':<18}{'lang':<9}{'CER ours':>9}{'CER cli':>9}{'CER omp':>9}{'t cli':>8}{'t omp':>8}  content")
    rows = []
    for path, lang, what, truth in docs:
        c = (cer(read(work / "ours" / (path.stem + ".txt")), truth),
             cer(read(work / "cli" / (path.stem + ".txt")), truth),
             cer(read(work / "ocrmypdf" / (path.stem + ".txt")), truth))
        rows.append(c)
        print(f"{path.name:<18}{lang:<9}{c[0]:>9.3f}{c[1]:>9.3f}{c[2]:>9.3f}"
              f"{cli_seconds[path.name]:>8.1f}{omp_seconds[path.name]:>8.1f}  {what}")
    mean = np.mean(np.array(rows), axis=0)
    print()
    print(f"{'':<26}{'tool-ocr':>12}{'tesseract':>12}{'ocrmypdf':>12}{'ours/cli':>10}{'ours/omp':>10}")
    print(f"{'mean CER':<26}{mean[0]:>12.3f}{mean[1]:>12.3f}{mean[2]:>12.3f}"
          f"{ratio(mean[0], mean[1]):>10.2f}{ratio(mean[0], mean[2]):>10.2f}")
    print(f"{'total wall time (s)':<26}{t_ours.seconds:>12.1f}{t_cli.seconds:>12.1f}{t_omp.seconds:>12.1f}"
          f"{ratio(t_ours.seconds, t_cli.seconds):>10.2f}{ratio(t_ours.seconds, t_omp.seconds):>10.2f}")
    print(f"{'CPU time, user+sys (s)':<26}{t_ours.cpu:>12.1f}{t_cli.cpu:>12.1f}{t_omp.cpu:>12.1f}"
          f"{ratio(t_ours.cpu, t_cli.cpu):>10.2f}{ratio(t_ours.cpu, t_omp.cpu):>10.2f}")
    print(f"{'peak RSS (MiB)':<26}{t_ours.rss:>12.0f}{t_cli.rss:>12.0f}{t_omp.rss:>12.0f}"
          f"{ratio(t_ours.rss, t_cli.rss):>10.2f}{ratio(t_ours.rss, t_omp.rss):>10.2f}")
    verdict = []
    verdict.append(check(mean[0] <= mean[1] / 10, f"mean CER ours <= 0.1x the CLI's ({mean[0]:.4f} vs {mean[1]:.4f})"))
    worse = [d[0].name for d, c in zip(docs, rows) if c[0] > c[1] + 1e-9]
    verdict.append(check(not worse, "no document worse than the CLI" + (f" (worse: {', '.join(worse)})" if worse else "")))
    verdict.append(check(t_ours.seconds <= 0.5 * t_cli.seconds,
                         f"wall time ours/CLI <= 0.5 ({ratio(t_ours.seconds, t_cli.seconds):.2f})"))

    # lang=auto: the same documents with no --lang, page by page against the run with the right lang.
    (work / "auto").mkdir()
    t_auto = Tally()
    ours([d[0] for d in docs], None, "txt,json", work / "auto", work / "auto.log", t_auto)
    print(f"\nlang=auto (no --lang, one run over all documents: {t_auto.seconds:.1f} s wall, "
          f"{ratio(t_auto.seconds, t_ours.seconds):.2f}x the named-language runs) against the right lang named,"
          " CER per page")
    print(f"{'document':<20}{'page':>5}{'named':>9}{'auto':>9}  languages auto used")
    auto_worst = 0.0
    for path, lang, _, truth in docs:
        named_pages = pages_of(read(work / "ours" / (path.stem + ".txt")))
        auto_pages = pages_of(read(work / "auto" / (path.stem + ".txt")))
        truth_pages = pages_of(truth)
        if len(truth_pages) != len(named_pages):
            truth_pages, named_pages, auto_pages = [truth], ["\n".join(named_pages)], ["\n".join(auto_pages)]
        used = page_languages(work / "auto" / (path.stem + ".json"))
        for k, t in enumerate(truth_pages):
            named = cer(named_pages[k] if k < len(named_pages) else "", t)
            auto = cer(auto_pages[k] if k < len(auto_pages) else "", t)
            auto_worst = max(auto_worst, auto - named)
            print(f"{path.name:<20}{k + 1:>5}{named:>9.4f}{auto:>9.4f}  {used[k] if k < len(used) else '?'}")
    verdict.append(check(auto_worst <= 0.005, f"lang=auto within 0.005 CER of the named lang on every page "
                                              f"(worst {auto_worst:+.4f})"))

    # Searchable PDF: the same scanned PDFs through our pdf job and through ocrmypdf -j 2.
    pdfs = [corpus / "multipage.pdf"] + [real / name for name in REAL_PDFS if (real / name).is_file()]
    p_ours, p_omp, untimed = Tally(), Tally(), Tally()
    ours(pdfs, "eng", "pdf", work / "pdf-ours", work / "pdf-ours.log", p_ours)
    for path in pdfs:
        ocrmypdf(path, "eng", work / "pdf-ocrmypdf" / path.name, work / "pdf-ocrmypdf" / (path.stem + ".txt"),
                 work / "pdf-ocrmypdf.log", p_omp)
    print(f"\nSearchable PDF: {len(pdfs)} scanned PDFs, {sum(pages(p) for p in pdfs)} pages "
          f"(ours: --formats pdf; ocrmypdf -j 2: its default PDF/A output)")
    # Every document's searchable PDF (lang=auto), read back per page by pdftotext (default and -raw)
    # and by pdf.js, against the TXT of the same run.
    (work / "layer").mkdir()
    layer_inputs = [d[0] for d in docs] + [p for p in pdfs if p not in [d[0] for d in docs]]
    ours(layer_inputs, None, "pdf,txt", work / "layer", work / "layer.log", untimed)
    pdfjs = shutil.which("node") and (ROOT / "bench/ocr/pdfjs/node_modules/pdfjs-dist").is_dir()
    print("  text layer vs our TXT, CER, worst page:   pdftotext -raw   pdftotext   pdf.js" +
          ("" if pdfjs else "   (pdf.js not installed: skipped)"))
    worst = {"raw": 0.0, "default": 0.0, "pdf.js": 0.0}
    for path in layer_inputs:
        pdf = work / "layer" / (path.stem + ".pdf")
        txt = pages_of(read(work / "layer" / (path.stem + ".txt")))
        reads = {"raw": pages_of(pdftotext(pdf, "-raw")), "default": pages_of(pdftotext(pdf))}
        if pdfjs:
            reads["pdf.js"] = pages_of(pdfjs_text(pdf))
        line = f"  {path.name:<38}"
        for key, got in reads.items():
            page_cer = max((cer(got[k] if k < len(got) else "", t) for k, t in enumerate(txt)), default=0.0)
            worst[key] = max(worst[key], page_cer)
            line += f"{page_cer:>12.4f}"
        print(line)
    print(f"{'':<26}{'tool-ocr':>12}{'ocrmypdf':>12}{'ours/omp':>10}")
    print(f"{'total wall time (s)':<26}{p_ours.seconds:>12.1f}{p_omp.seconds:>12.1f}"
          f"{ratio(p_ours.seconds, p_omp.seconds):>10.2f}")
    print(f"{'CPU time, user+sys (s)':<26}{p_ours.cpu:>12.1f}{p_omp.cpu:>12.1f}{ratio(p_ours.cpu, p_omp.cpu):>10.2f}")
    print(f"{'peak RSS (MiB)':<26}{p_ours.rss:>12.0f}{p_omp.rss:>12.0f}{ratio(p_ours.rss, p_omp.rss):>10.2f}")
    verdict.append(check(p_ours.seconds <= 0.6 * p_omp.seconds,
                         f"searchable PDF ours/ocrmypdf <= 0.6 ({ratio(p_ours.seconds, p_omp.seconds):.2f})"))
    for key, label in (("raw", "pdftotext -raw"), ("default", "pdftotext (default)"), ("pdf.js", "pdf.js")):
        if key == "pdf.js" and not pdfjs:
            verdict.append("SKIP  text layer via pdf.js (node or bench/ocr/pdfjs/node_modules missing)")
            continue
        verdict.append(check(worst[key] <= 0.02, f"text layer ({label}) within 0.02 CER of TXT on every page "
                                                 f"(worst {worst[key]:.4f})"))

    failures = t_ours.failures + t_cli.failures + t_omp.failures + p_ours.failures + p_omp.failures
    if failures:
        print("\nCommands that failed (see " + str(work) + "/*.log): " + "; ".join(failures))
    print("\nTargets (issues 4 and 17):")
    for line in verdict:
        print("  " + line)
    print(f"Load average at the start {load_start}, at the end {loadavg()} (other work on the machine slows "
          "every tool; CPU time is less affected than wall time).")
    print("Peak RSS is the largest single process (GNU time); ocrmypdf's workers and the CLI's runs are "
          "separate processes, so it is not a sum. Wall time is the sum over the tool's commands.")


def loadavg():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def check(ok, text):
    return ("PASS  " if ok else "FAIL  ") + text


def pages(path):
    if path.suffix == ".pdf":
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", info, re.M)
        return int(m.group(1)) if m else 0
    if path.suffix in (".tif", ".tiff"):
        from PIL import Image

        with Image.open(path) as im:
            return getattr(im, "n_frames", 1)
    return 1


def pages_of(text):
    """A document's text split at form feeds (TXT output, pdftotext, pdf.js and ground truth alike)."""
    return [p for p in text.split("\f")] if text else [""]


def page_languages(json_path):
    import json

    try:
        return ["+".join(p.get("languages", [])) or "-" for p in json.loads(read(json_path))["pages"]]
    except (ValueError, KeyError):
        return []


def pdfjs_text(path):
    if not path.is_file():
        return ""
    return subprocess.run(["node", str(ROOT / "bench/ocr/pdfjs/extract.mjs"), str(path)], capture_output=True,
                          text=True).stdout


def pdftotext(path, *options):
    if not path.is_file():
        return ""
    return subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True).stdout


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: run_bench.py CORPUS_DIR WORK_DIR REAL_CORPUS_DIR")
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
