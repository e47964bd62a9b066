import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans (npm `dejavu-fonts-ttf`, Bitstream Vera licence + public domain changes): TrueType with
 * Latin incl. umlauts and Turkish letters, Cyrillic and Arabic script, so names and letters in every
 * client language print without missing glyphs. Embedded as subsets by pdfkit.
 */
export const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/** A new A4 document with the fonts registered as `regular`/`bold` (regular selected). */
export function newDocument(info: { title: string; lang: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 56, right: 56 },
    info: { Title: info.title, Creator: 'KAUSA platform' },
    lang: info.lang,
    autoFirstPage: true,
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular');
  return doc;
}

/** Ends `doc` and collects its bytes. */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
