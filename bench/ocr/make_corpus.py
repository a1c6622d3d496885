#!/usr/bin/python3
"""Writes the OCR benchmark's synthetic corpus into DIR: each document next to DIR/<name>.gt.txt,
its known text, and DIR/manifest.tsv (file, language, what it exercises). Deterministic (fixed
seeds), so every run measures the same pages.

    make_corpus.py DIR

Needs Debian's python3-pil, python3-numpy, python3-img2pdf, fonts-dejavu-core and fonts-noto-cjk.
"""
import io
import random
import sys
from pathlib import Path

import img2pdf
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
SANS = DEJAVU + "DejaVuSans.ttf"
SERIF = DEJAVU + "DejaVuSerif.ttf"
MONO = DEJAVU + "DejaVuSansMono.ttf"
BOLD = DEJAVU + "DejaVuSans-Bold.ttf"
CJK = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
CJK_TC_INDEX = 3  # faces in the collection: JP, KR, SC, TC, HK

# Plain prose written for this benchmark; one paragraph per page keeps pages alike in difficulty.
PARAGRAPHS = [
    "The river town kept its market on the old stone square every Thursday morning. Farmers came "
    "down from the hills before sunrise with baskets of apples, cheese wrapped in cloth and jars of "
    "dark honey. By nine o'clock the square was full of voices, and the baker at the corner had sold "
    "his second batch of bread. Children ran between the stalls while their parents argued about the "
    "price of eggs, which had risen twice since the spring. Nobody minded much; the weather was mild "
    "and the coffee at the inn was still cheap.",
    "Our quarterly report shows steady growth in every region except the north, where two large "
    "customers delayed their orders until the next fiscal year. Revenue rose by 7.4 percent to 12.8 "
    "million, while operating costs fell slightly thanks to the new warehouse system. The board has "
    "approved a modest dividend and asked the sales team to review its forecasts for the winter "
    "months. Questions about these figures may be sent to the finance office before the end of May.",
    "To install the printer, first remove all packing tape and lift the front cover. Insert the toner "
    "cartridge until it clicks into place, then close the cover and connect the power cable. Press the "
    "green button for three seconds to start the setup wizard. When the display asks for a network, "
    "choose your wireless name from the list and enter the password. The printer will restart once "
    "the connection is confirmed. If the light keeps blinking, switch it off and try again.",
    "Many small birds change their songs from one season to the next. Researchers recorded the same "
    "group of finches for six years and found that young males copied older neighbours rather than "
    "their fathers. The songs drifted slowly, a note added here and a phrase dropped there, until the "
    "local dialect sounded quite different from that of a valley only ten miles away. The study "
    "suggests that culture, even among birds, can travel faster than genes.",
    "Please note that the library will close early on Friday for the annual inventory. Books due on "
    "that day may be returned on Monday without a fine. The reading room on the second floor remains "
    "open until noon, and the digital catalogue can be searched from home at any time. We thank all "
    "visitors for their patience while the staff count and check more than forty thousand volumes.",
    "The committee met on the fourth of March to discuss the proposal for a new cycling path along "
    "the canal. Members agreed that the route should avoid the busy harbour road and connect the "
    "railway station with the university campus. A survey of residents found strong support, though "
    "several shop owners worried about losing parking spaces. The engineer will present three designs "
    "with cost estimates at the next meeting.",
    "Heat the oven to 180 degrees. Mix the flour, sugar and a pinch of salt in a large bowl, then rub "
    "in the cold butter until the mixture looks like fine crumbs. Add one beaten egg and enough milk "
    "to make a soft dough. Roll it out on a floured table, cut into rounds and place them on a tray. "
    "Bake for twelve to fifteen minutes, until golden, and leave them to cool before serving with jam.",
    "The museum's new wing opens to the public next month with an exhibition of maps drawn between "
    "1500 and 1800. Visitors will see how sailors and scholars imagined coasts they had never seen, "
    "filling empty spaces with sea monsters and rumoured islands. Several maps are shown for the first "
    "time after careful restoration. Guided tours run every afternoon at two and four o'clock.",
]

CHINESE = [
    "臺北市立圖書館將於下個月舉辦古籍修復展覽，展出多件清代手抄本與地方志。",
    "館方表示，這些文獻經過兩年的清潔與補紙工作，才得以重新公開展示。",
    "展覽期間每週六下午有專人導覽，介紹傳統裝訂方式以及紙張保存的方法。",
    "民眾可以免費入場，但團體參觀須在一週前以電話或網路預約。",
    "主辦單位也希望藉此機會，讓更多年輕人認識文化資產保存的重要性。",
    "此外，圖書館的閱覽室將延長開放時間至晚上九點，方便上班族利用。",
]


# A Traditional Chinese project note with Latin runs inside, spaced as such text is typed: a space
# between a CJK run and a Latin one, none between two CJK characters.
MIXED = [
    "系統升級計畫 Phase 1: 資料庫遷移",
    "後端實作完成，前端介面預計於 6 月 15 日上線。",
    "負責人：王小明 (Project Lead)，聯絡信箱 ops@example.com",
    "使用 PostgreSQL 16 與 Redis 7 作為主要儲存。",
    "測試環境的 API 回應時間平均為 120 ms。",
    "請在 Slack 的 release 頻道回報問題。",
    "下一階段 Phase 2 將導入全文檢索與權限管理。",
]


def font(path, px, index=0):
    return ImageFont.truetype(path, px, index=index)


def wrap(text, fnt, width):
    """Greedy word wrap; returns the lines as drawn."""
    lines, line = [], ""
    for word in text.split():
        trial = word if not line else line + " " + word
        if fnt.getlength(trial) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def text_page(paragraphs, dpi=300, face=SERIF, pt=11, title=None, width_in=8.27, height_in=11.69):
    """A white page with a title and paragraphs; returns (grey image, ground truth)."""
    w, h = int(width_in * dpi), int(height_in * dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    margin = int(dpi * 1.0)
    y = margin
    truth = []
    if title:
        tf = font(BOLD, int(pt * 1.6 * dpi / 72))
        d.text((margin, y), title, font=tf, fill=0)
        y += int(tf.size * 1.8)
        truth.append(title)
    f = font(face, int(pt * dpi / 72))
    for para in paragraphs:
        for line in wrap(para, f, w - 2 * margin):
            d.text((margin, y), line, font=f, fill=0)
            y += int(f.size * 1.45)
            truth.append(line)
        y += int(f.size * 0.8)
    return img, "\n".join(truth)


def two_columns(dpi=300):
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    margin, gutter = int(0.8 * dpi), int(0.45 * dpi)
    col = (w - 2 * margin - gutter) // 2
    f = font(SERIF, int(10 * dpi / 72))
    truth = []
    for c, paras in enumerate([PARAGRAPHS[3:5], PARAGRAPHS[5:7]]):
        x, y = margin + c * (col + gutter), margin
        for para in paras:
            for line in wrap(para, f, col):
                d.text((x, y), line, font=f, fill=0)
                y += int(f.size * 1.4)
                truth.append(line)
            y += int(f.size * 0.8)
    return img, "\n".join(truth)


def table(dpi=300):
    rows = [
        ["Item", "Region", "Units", "Price"],
        ["Desk lamp", "North", "120", "24.90"],
        ["Office chair", "South", "45", "149.00"],
        ["Notebook", "East", "1,200", "2.50"],
        ["Stapler", "West", "310", "7.80"],
        ["Monitor arm", "North", "64", "59.95"],
        ["Paper tray", "East", "205", "11.40"],
        ["Whiteboard", "South", "18", "89.00"],
        ["Cable box", "West", "97", "15.25"],
    ]
    w, h = int(8.27 * dpi), int(5.5 * dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    f = font(SANS, int(11 * dpi / 72))
    x0, y0 = int(0.8 * dpi), int(0.8 * dpi)
    widths = [int(2.4 * dpi), int(1.5 * dpi), int(1.2 * dpi), int(1.2 * dpi)]
    rh = int(f.size * 2.0)
    for r, row in enumerate(rows):
        x = x0
        for c, cell in enumerate(row):
            d.text((x + int(0.12 * dpi), y0 + r * rh + (rh - f.size) // 2 - 4), cell, font=f, fill=0)
            x += widths[c]
    lw = max(2, dpi // 100)
    for r in range(len(rows) + 1):
        d.line([(x0, y0 + r * rh), (x0 + sum(widths), y0 + r * rh)], fill=0, width=lw)
    x = x0
    for c in range(len(widths) + 1):
        d.line([(x, y0), (x, y0 + len(rows) * rh)], fill=0, width=lw)
        if c < len(widths):
            x += widths[c]
    return img, "\n".join(" ".join(row) for row in rows)


def receipt(dpi=300):
    items = [("Espresso", "3.20"), ("Cappuccino", "4.10"), ("Croissant", "2.80"), ("Orange juice", "3.90"),
             ("Bagel with cheese", "5.40"), ("Mineral water", "1.90")]
    lines = ["CAFE AURORA", "12 Harbour Street", "Table 7 Server: Anna", "2026-03-14 10:42"]
    body = [(name, price) for name, price in items]
    totals = [("Subtotal", "21.30"), ("Tax 8%", "1.70"), ("TOTAL", "23.00"), ("Card", "23.00")]
    w = int(3.15 * dpi)  # 80 mm roll
    f = font(MONO, int(9 * dpi / 72))
    lh = int(f.size * 1.5)
    h = int(0.4 * dpi) * 2 + lh * (len(lines) + len(body) + len(totals) + 4)
    img = Image.new("L", (w, h), 250)
    d = ImageDraw.Draw(img)
    x0, x1, y = int(0.18 * dpi), w - int(0.18 * dpi), int(0.4 * dpi)
    truth = []
    for line in lines:
        d.text(((w - f.getlength(line)) / 2, y), line, font=f, fill=40)
        truth.append(line)
        y += lh
    y += lh
    for entry in body + [None] + totals:
        if entry is None:
            d.line([(x0, y + lh // 2), (x1, y + lh // 2)], fill=40, width=3)
            y += lh
            continue
        label, amount = entry
        d.text((x0, y), label, font=f, fill=40)
        d.text((x1 - f.getlength(amount), y), amount, font=f, fill=40)
        truth.append(label + " " + amount)
        y += lh
    y += lh
    d.text(((w - f.getlength("THANK YOU")) / 2, y), "THANK YOU", font=f, fill=40)
    truth.append("THANK YOU")
    return img, "\n".join(truth)


def chinese(dpi=300):
    w, h = int(8.27 * dpi), int(6.0 * dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    f = font(CJK, int(14 * dpi / 72), CJK_TC_INDEX)
    margin, y = int(0.9 * dpi), int(0.9 * dpi)
    per_line = int((w - 2 * margin) // f.size)
    truth = []
    for para in CHINESE:
        for i in range(0, len(para), per_line):
            line = para[i:i + per_line]
            d.text((margin, y), line, font=f, fill=0)
            truth.append(line)
            y += int(f.size * 1.6)
    return img, "\n".join(truth)


def mixed_page(dpi=300):
    w, h = int(8.27 * dpi), int(5.0 * dpi)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    f = font(CJK, int(13 * dpi / 72), CJK_TC_INDEX)
    margin, y = int(0.9 * dpi), int(0.9 * dpi)
    for line in MIXED:
        d.text((margin, y), line, font=f, fill=0)
        y += int(f.size * 1.7)
    return img, "\n".join(MIXED)


def till_receipt(dpi=300):
    """A noodle shop's receipt: proportional type, item names left, prices right-aligned, a zero
    price among them, and a short closing line in the body's own type."""
    header = ["LAO WANG NOODLE HOUSE", "18 Yongkang Street", "Table 5  Order 0412", "2026-05-08 12:31"]
    items = [("Beef noodle soup", "150"), ("Braised pork rice", "85"), ("Oolong tea", "40"),
             ("Pickled cucumber", "35"), ("Extra noodles", "0"), ("Soy milk", "30")]
    totals = [("Subtotal", "340"), ("Service charge", "0"), ("TOTAL", "340"), ("Cash", "400"), ("Change", "60")]
    w = int(3.15 * dpi)
    f = font(SANS, int(9.5 * dpi / 72))
    lh = int(f.size * 1.55)
    h = int(0.5 * dpi) * 2 + lh * (len(header) + len(items) + len(totals) + 5)
    img = Image.new("L", (w, h), 248)
    d = ImageDraw.Draw(img)
    x0, x1, y = int(0.2 * dpi), w - int(0.2 * dpi), int(0.5 * dpi)
    truth = []
    for line in header:
        d.text(((w - f.getlength(line)) / 2, y), line, font=f, fill=30)
        truth.append(line)
        y += lh
    y += lh
    for entry in items + [None] + totals:
        if entry is None:
            y += lh // 2
            continue
        label, amount = entry
        d.text((x0, y), label, font=f, fill=30)
        d.text((x1 - f.getlength(amount), y), amount, font=f, fill=30)
        truth.append(label + " " + amount)
        y += lh
    y += lh
    d.text(((w - f.getlength("Thank you")) / 2, y), "Thank you", font=f, fill=30)
    truth.append("Thank you")
    return img, "\n".join(truth)


def handheld(img, rng, degrees):
    """A phone photo of a small slip: turned a few degrees on a darker table, light falling off to
    one side, a warm cast, soft focus and JPEG."""
    turned = img.rotate(-degrees, resample=Image.BICUBIC, expand=True, fillcolor=255)
    w, h = turned.size
    pw, ph = int(w * 1.25), int(h * 1.1)
    canvas = Image.new("L", (pw, ph), 120)
    mask = Image.new("L", img.size, 255).rotate(-degrees, expand=True, fillcolor=0)
    canvas.paste(turned, ((pw - w) // 2, (ph - h) // 2), mask)
    a = np.asarray(canvas, dtype=np.float32) / 255.0
    yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float32)
    light = 0.7 + 0.3 * (1.0 - xx / pw) * (0.8 + 0.2 * yy / ph)
    rgb = np.stack([a * light * 0.99, a * light * 0.94, a * light * 0.86], axis=-1) * 255
    rgb += rng.normal(0, 5, rgb.shape)
    out = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    return out.filter(ImageFilter.GaussianBlur(0.9))


def noisy(img, rng, sigma=38, salt=0.01):
    a = np.asarray(img, dtype=np.float32)
    a = a + rng.normal(0, sigma, a.shape)
    mask = rng.random(a.shape)
    a[mask < salt / 2] = 0
    a[mask > 1 - salt / 2] = 255
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def photo(img, rng):
    """A phone photo of the page: tinted paper, perspective, a shadow from one side, soft focus."""
    w, h = img.size
    pw, ph = int(w * 1.12), int(h * 1.08)
    canvas = Image.new("L", (pw, ph), 90)
    canvas.paste(img, ((pw - w) // 2, (ph - h) // 2))
    # Perspective: the page's corners land on a trapezoid (top narrower, as when held tilted).
    src = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    dst = [(pw * 0.07, ph * 0.04), (pw * 0.95, ph * 0.01), (pw * 0.99, ph * 0.98), (pw * 0.02, ph * 0.95)]
    coeffs = perspective_coeffs(dst, src)
    warped = canvas.transform((pw, ph), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=70)
    a = np.asarray(warped, dtype=np.float32) / 255.0
    yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float32)
    light = 0.55 + 0.45 * (xx / pw) ** 0.7 * (1.0 - 0.35 * (yy / ph))
    light *= 1.0 - 0.25 * np.exp(-(((xx - pw * 0.25) / (pw * 0.2)) ** 2 + ((yy - ph * 0.7) / (ph * 0.25)) ** 2))
    rgb = np.stack([a * light * 0.98, a * light * 0.93, a * light * 0.82], axis=-1) * 255
    rgb += rng.normal(0, 6, rgb.shape)
    out = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    return out.filter(ImageFilter.GaussianBlur(1.2))


def perspective_coeffs(dst, src):
    """Coefficients PIL needs to map output points dst back to input points src."""
    matrix = []
    for (x, y), (u, v) in zip(dst, src):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(matrix, dtype=np.float64)
    b = np.array(src, dtype=np.float64).reshape(8)
    return np.linalg.solve(a, b).tolist()


def rotated(img, degrees):
    """Turns clockwise by degrees with white behind, as a crooked scan would come out."""
    return img.rotate(-degrees, resample=Image.BICUBIC, expand=True, fillcolor=255)


def save_png(img, path, dpi):
    img.save(path, dpi=(dpi, dpi))


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(4)
    random.seed(4)
    manifest = []

    def emit(name, lang, what, truth):
        (out / (Path(name).stem + ".gt.txt")).write_text(truth + "\n", encoding="utf-8")
        manifest.append((name, lang, what))

    titles = ["Market Day", "Quarterly Report", "Printer Setup", "Finch Songs", "Library Notice",
              "Canal Path", "Scones", "Old Maps"]

    for i, turn in enumerate([90, 180, 270]):
        page, truth = text_page([PARAGRAPHS[i]], title=titles[i])
        save_png(page.rotate(-turn, expand=True), out / f"rotated{turn}.png", 300)
        emit(f"rotated{turn}.png", "eng", f"page turned {turn} degrees clockwise", truth)

    page, truth = text_page([PARAGRAPHS[3]], title=titles[3])
    save_png(rotated(page, 3.0), out / "skew3.png", 300)
    emit("skew3.png", "eng", "scan skewed 3 degrees", truth)

    page, truth = text_page([PARAGRAPHS[4]], title=titles[4], face=SANS)
    save_png(rotated(page, -4.5), out / "skew-4.5.png", 300)
    emit("skew-4.5.png", "eng", "scan skewed -4.5 degrees", truth)

    page, truth = text_page([PARAGRAPHS[5]], title=titles[5])
    save_png(noisy(page, rng), out / "noise.png", 300)
    emit("noise.png", "eng", "Gaussian and salt-and-pepper noise", truth)

    page, truth = text_page([PARAGRAPHS[6]], title=titles[6])
    save_png(page.filter(ImageFilter.GaussianBlur(2.2)), out / "blur.png", 300)
    emit("blur.png", "eng", "out-of-focus blur", truth)

    page, truth = text_page([PARAGRAPHS[7]], title=titles[7], dpi=200, pt=12)
    photo(page, rng).save(out / "photo.jpg", quality=82, dpi=(200, 200))
    emit("photo.jpg", "eng", "photo: perspective, uneven light, colour cast, JPEG", truth)

    page, truth = text_page([PARAGRAPHS[0], PARAGRAPHS[2]], title="Scanned at 150 dpi", dpi=150)
    save_png(noisy(page, rng, sigma=12, salt=0.0), out / "scan150.png", 150)
    emit("scan150.png", "eng", "150 dpi scan", truth)

    page, truth = text_page([PARAGRAPHS[1], PARAGRAPHS[3]], title="Scanned at 200 dpi", dpi=200, face=SANS)
    save_png(page, out / "scan200.png", 200)
    emit("scan200.png", "eng", "200 dpi scan", truth)

    pages, truths = [], []
    for i in range(4):
        page, truth = text_page([PARAGRAPHS[(i + 2) % 8], PARAGRAPHS[(i + 5) % 8]], title=f"Chapter {i + 1}")
        if i == 2:
            page = rotated(page, 1.5).crop((0, 0) + page.size)
        buf = io.BytesIO()
        page.save(buf, format="PNG", dpi=(300, 300))
        pages.append(buf.getvalue())
        truths.append(truth)
    (out / "multipage.pdf").write_bytes(img2pdf.convert(pages))
    emit("multipage.pdf", "eng", "4-page scanned PDF (one page slightly skewed)", "\n".join(truths))

    tiff_pages, truths = [], []
    for i in range(2):
        page, truth = text_page([PARAGRAPHS[(i + 4) % 8]], title=f"Fax page {i + 1}")
        tiff_pages.append(page.point(lambda v: 255 if v > 140 else 0).convert("1"))
        truths.append(truth)
    tiff_pages[0].save(out / "fax-g4.tiff", compression="group4", dpi=(300, 300), save_all=True,
                       append_images=tiff_pages[1:])
    emit("fax-g4.tiff", "eng", "2-page bilevel TIFF, CCITT G4", "\n".join(truths))

    page, truth = receipt()
    save_png(noisy(page, rng, sigma=10, salt=0.0), out / "receipt.png", 300)
    emit("receipt.png", "eng", "till receipt, monospace, right-aligned prices", truth)

    page, truth = table()
    save_png(page, out / "table.png", 300)
    emit("table.png", "eng", "ruled table, 4 columns", truth)

    page, truth = two_columns()
    save_png(page, out / "two-columns.png", 300)
    emit("two-columns.png", "eng", "two text columns", truth)

    page, truth = chinese()
    save_png(page, out / "chinese-tra.png", 300)
    emit("chinese-tra.png", "chi_tra", "Traditional Chinese", truth)

    page, truth = mixed_page()
    save_png(page, out / "chinese-mixed.png", 300)
    emit("chinese-mixed.png", "chi_tra+eng", "Traditional Chinese with Latin runs", truth)

    page, truth = till_receipt()
    buf = io.BytesIO()
    handheld(page, rng, 3.0).save(buf, format="JPEG", quality=85, dpi=(300, 300))
    (out / "receipt-photo.jpg").write_bytes(buf.getvalue())
    emit("receipt-photo.jpg", "eng", "till receipt photographed at 3 degrees, right-aligned prices", truth)

    # One of each for lang=auto: an English page, a Chinese one and a mixed one, each photographed
    # slightly askew so the text layer's lines slant too.
    pages, truths = [], []
    for k, (page, truth) in enumerate([text_page([PARAGRAPHS[1]], title=titles[1]), chinese(), mixed_page()]):
        page = rotated(page, [2.0, -2.5, 3.0][k])
        buf = io.BytesIO()
        page.save(buf, format="PNG", dpi=(300, 300))
        pages.append(buf.getvalue())
        truths.append(truth)
    (out / "mixed.pdf").write_bytes(img2pdf.convert(pages))
    emit("mixed.pdf", "chi_tra+eng", "3-page PDF: English, Chinese, mixed; each skewed 2-3 degrees",
         "\n\f\n".join(truths))

    (out / "manifest.tsv").write_text("".join(f"{n}\t{l}\t{w}\n" for n, l, w in manifest), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py DIR")
    main(Path(sys.argv[1]))
