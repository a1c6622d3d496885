// Prints a PDF's text as pdf.js extracts it (the text a browser's viewer selects and copies):
// items in content order, a newline where pdf.js marks the end of a line, a form feed between pages.
//   node extract.mjs FILE.pdf
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(await readFile(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  let text = "";
  for (const item of content.items) {
    text += item.str ?? "";
    if (item.hasEOL) text += "\n";
  }
  pages.push(text);
}
process.stdout.write(pages.join("\n\f\n"));
