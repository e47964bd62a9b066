import bidiFactory from 'bidi-js';
import type { TLetterPreview } from '../../../contracts/self-service';
import { finish, newDocument } from './pdf.fonts';

const bidi = bidiFactory();
/** Arabic-script letters (Arabic, Persian): runs holding one are reversed by the font engine itself. */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Splits one logical line into runs of equal bidi level, in visual order (UAX #9, rule L2). */
export function visualRuns(line: string, base: 'ltr' | 'rtl'): Array<{ text: string; rtl: boolean }> {
  if (line === '') return [];
  const { levels } = bidi.getEmbeddingLevels(line, base);
  const runs: Array<{ text: string; level: number }> = [];
  for (let i = 0; i < line.length; i++) {
    const level = levels[i] ?? 0;
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.text += line[i];
    else runs.push({ text: line[i] ?? '', level });
  }
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if ((runs[i]?.level ?? 0) < level) continue;
      let j = i;
      while (j + 1 < runs.length && (runs[j + 1]?.level ?? 0) >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return runs.map((r) => ({ text: r.text, rtl: r.level % 2 === 1 }));
}

/** Greedy word wrap of a logical line to `width` points. */
function wrap(doc: PDFKit.PDFDocument, line: string, width: number): string[] {
  const words = line.split(' ');
  const out: string[] = [];
  let current = '';
  for (const w of words) {
    const next = current ? `${current} ${w}` : w;
    if (current && doc.widthOfString(next) > width) {
      out.push(current);
      current = w;
    } else current = next;
  }
  out.push(current);
  return out;
}

/**
 * A letter as an A4 PDF in its language (DejaVu Sans). Right-to-left languages are laid out line by
 * line: wrapped in logical order, split into bidi runs (bidi-js), placed right-aligned in visual
 * order; runs with Arabic letters are shaped and reversed by the font engine (fontkit), other
 * right-to-left runs (punctuation) reversed here.
 */
export async function renderLetterPdf(letter: TLetterPreview): Promise<Buffer> {
  const doc = newDocument({
    title: letter.subject,
    lang: letter.usedLanguage === 'de-x-ls' ? 'de' : letter.usedLanguage,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rtl = letter.dir === 'rtl';
  const lineGap = 4;
  const block = (text: string, font: 'regular' | 'bold', size: number) => {
    doc.font(font).fontSize(size);
    if (!rtl) {
      doc.text(text, left, doc.y, { width, lineGap });
      return;
    }
    for (const logical of text.split('\n')) {
      for (const line of wrap(doc, logical, width)) {
        if (doc.y + size * 1.5 > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y;
        const runs = visualRuns(line, 'rtl');
        const total = runs.reduce((sum, r) => sum + doc.widthOfString(r.text), 0);
        let x = left + width - total;
        for (const r of runs) {
          const shown = r.rtl && !RTL_LETTER.test(r.text) ? [...r.text].reverse().join('') : r.text;
          doc.text(shown, x, y, { lineBreak: false });
          x += doc.widthOfString(r.text);
        }
        doc.x = left;
        doc.y = y + doc.currentLineHeight(true) + lineGap;
      }
    }
  };
  block(letter.subject, 'bold', 13);
  doc.moveDown(1);
  for (const paragraph of letter.text.split(/\n{2,}/)) {
    block(paragraph, 'regular', 11);
    doc.moveDown(0.7);
  }
  return finish(doc);
}
