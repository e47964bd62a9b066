import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { detectDelimiter, readCsv, readTable, readXlsx, writeCsv, writeXlsx } from './index';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const withBom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(s)]);

/** CRC-32 (ZIP polynomial) of `data`. */
function crc32(data: Uint8Array): number {
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A well-formed ZIP archive holding one uncompressed file. */
function storedZip(name: string, data: Buffer): Buffer {
  const fileName = utf8(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralAt = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** The AppError code (and extra) a call throws. */
async function failure(fn: () => unknown): Promise<{ code: string; extra: Record<string, unknown> }> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, extra: err.extra };
    throw err;
  }
  throw new Error('did not throw');
}

describe('CSV reader', () => {
  it('detects ; in a German file whose values contain commas', () => {
    const t = readCsv(
      utf8('Firmenname;PLZ;Ort\nMüller, Bäckerei;40210;Düsseldorf\nYıldız Döner;58095;Hagen\n'),
    );
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['Firmenname', 'PLZ', 'Ort']);
    expect(t.rows[0]?.cells).toEqual(['Müller, Bäckerei', '40210', 'Düsseldorf']);
  });

  it('detects , tab and | files', () => {
    expect(readCsv(utf8('Firma,PLZ\n"Meyer; Söhne",40210\n')).delimiter).toBe(',');
    expect(readCsv(utf8('Firma\tPLZ\nMeyer\t40210\n')).delimiter).toBe('\t');
    expect(readCsv(utf8('Firma|PLZ\nMeyer|40210\n')).delimiter).toBe('|');
    expect(detectDelimiter('Firma\nMeyer\n')).toEqual({ delimiter: ';', columns: 1 });
  });

  it('strips a UTF-8 byte-order mark from the first header', () => {
    const t = readCsv(withBom('Firmenname;PLZ\nMeyer;40210\n'));
    expect(t.encoding).toBe('utf-8');
    expect(t.headers[0]).toBe('Firmenname');
  });

  it('keeps line breaks, delimiters and doubled quotes inside quoted fields and numbers rows as records', () => {
    const t = readCsv(
      utf8('Firma;Notizen;PLZ\n"Meyer";"Zeile 1\nZeile 2; mit ""Zitat""";40210\nSchmidt;;58095\n'),
    );
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(t.rows[0]?.cells[1]).toBe('Zeile 1\nZeile 2; mit "Zitat"');
    expect(t.rows[1]?.cells[0]).toBe('Schmidt');
  });

  it('reads Windows-1252 umlauts (0xFC ü, 0xE4 ä) correctly', () => {
    const bytes = Buffer.from('Firmenname;Ort\r\nMüller Bäckerei;Köln\r\n', 'latin1');
    expect(bytes.includes(0xfc) && bytes.includes(0xe4)).toBe(true);
    const t = readCsv(bytes);
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows[0]?.cells).toEqual(['Müller Bäckerei', 'Köln']);
  });

  it('reads the Windows-1252 bytes 0x80–0x9F as €, „ “ and – (not as control characters)', () => {
    // "Preis 5 € „Zitat“ – x" as German Excel saves it (bug report of the fresh-user test).
    const head = Buffer.from('Firma;Notizen\r\nÖlhandel;Preis 5 ', 'latin1');
    const tail = Buffer.from([
      0x80, 0x20, 0x84, 0x5a, 0x69, 0x74, 0x61, 0x74, 0x93, 0x20, 0x96, 0x20, 0x78, 0x0d, 0x0a,
    ]);
    const t = readCsv(Buffer.concat([head, tail]));
    expect(t.encoding).toBe('windows-1252');
    expect(t.rows[0]?.cells).toEqual(['Ölhandel', 'Preis 5 € „Zitat“ – x']);
  });

  it('reads UTF-16LE "Unicode text" with its byte-order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Firma\tOrt\nGüneş\tHagen\n', 'utf16le'),
    ]);
    const t = readCsv(bytes);
    expect(t.encoding).toBe('utf-16le');
    expect(t.rows[0]?.cells).toEqual(['Güneş', 'Hagen']);
  });

  it('skips empty lines without renumbering the rows after them', () => {
    const t = readCsv(utf8('\nFirma;PLZ\nA;40210\n\n;\nB;58095\n'));
    expect(t.headerRow).toBe(2);
    expect(t.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [3, 'A'],
      [6, 'B'],
    ]);
  });

  it('makes headers unique and names empty ones', () => {
    expect(readCsv(utf8('PLZ;;PLZ\n1;2;3\n')).headers).toEqual(['PLZ', 'Spalte 2', 'PLZ (2)']);
  });

  it('refuses empty files, a header without rows, and a first row that is data', async () => {
    expect((await failure(() => readCsv(utf8('')))).code).toBe('file_empty');
    expect((await failure(() => readCsv(utf8(' \n\n')))).code).toBe('file_empty');
    expect((await failure(() => readCsv(utf8('Firma;PLZ\n')))).code).toBe('file_empty');
    expect(
      (await failure(() => readCsv(utf8('Müller GmbH;40210;01.08.2027\nMeyer;58095;01.09.2027\n')))).code,
    ).toBe('file_no_header');
  });

  it('refuses a delimiter that leaves one column when another gives more, naming the better one', async () => {
    const f = await failure(() =>
      readCsv(utf8('Firma;PLZ;Ort\nMeyer;40210;Düsseldorf\n'), { delimiter: ',' }),
    );
    expect(f).toEqual({
      code: 'file_wrong_delimiter',
      extra: { delimiter: ',', suggestedDelimiter: ';', columns: 3 },
    });
    // A real one-column file is fine.
    expect(readCsv(utf8('Firmenname\nMeyer\n'), { delimiter: ';' }).headers).toEqual(['Firmenname']);
  });

  it('refuses a quote that is never closed, naming the row', async () => {
    const f = await failure(() => readCsv(utf8('Firma;PLZ\nMeyer;40210\n"Schmidt;58095\nA;1\n')));
    expect(f.code).toBe('file_bad_quotes');
    expect(f.extra.row).toBe(3);
  });

  it('refuses more rows than allowed', async () => {
    expect((await failure(() => readCsv(utf8('Firma\nA\nB\nC\n'), { maxRows: 2 }))).code).toBe(
      'file_too_many_rows',
    );
  });
});

describe('CSV writer', () => {
  it('writes UTF-8 with BOM, ; and CRLF, quotes what needs it and guards formulas', () => {
    const bytes = writeCsv(
      ['Firma', 'Beginn', 'Notiz', 'Plätze', 'Telefon'],
      [['Müller; Söhne', new Date('2027-08-01T00:00:00Z'), '=HYPERLINK("x")', 2, '+49 211 123']],
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(
      'Firma;Beginn;Notiz;Plätze;Telefon\r\n' +
        `"Müller; Söhne";01.08.2027;"'=HYPERLINK(""x"")";2;'+49 211 123\r\n`,
    );
    const back = readCsv(bytes);
    expect(back.rows[0]?.cells).toEqual([
      'Müller; Söhne',
      '01.08.2027',
      '\'=HYPERLINK("x")',
      '2',
      "'+49 211 123",
    ]);
  });
});

describe('XLSX', () => {
  it('writes and reads back the first sheet with typed cells (dates, numbers, text)', async () => {
    const bytes = await writeXlsx({
      name: 'Plätze',
      headers: ['Firmenname', 'Beginn', 'Plätze', 'PLZ'],
      rows: [
        ['Müller Bäckerei', new Date('2027-08-01T00:00:00Z'), 2, '01067'],
        ['Yıldız Döner', null, 1, '58095'],
      ],
    });
    const t = await readTable(bytes);
    expect(t.format).toBe('xlsx');
    expect(t.headers).toEqual(['Firmenname', 'Beginn', 'Plätze', 'PLZ']);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
    const first = t.rows[0]?.cells ?? [];
    expect(first[0]).toBe('Müller Bäckerei');
    expect(first[1]).toBeInstanceOf(Date);
    expect((first[1] as Date).toISOString()).toBe('2027-08-01T00:00:00.000Z');
    expect(first[2]).toBe(2);
    expect(first[3]).toBe('01067');
  });

  it('reads only the first worksheet and flattens rich text and formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Eins');
    ws.addRow(['Firma', 'Summe']);
    ws.addRow([{ richText: [{ text: 'Mül' }, { text: 'ler' }] }, { formula: '1+1', result: 2 }]);
    wb.addWorksheet('Zwei').addRow(['Anders']);
    const t = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(t.headers).toEqual(['Firma', 'Summe']);
    expect(t.rows[0]?.cells).toEqual(['Müller', 2]);
  });

  it('keeps umlauts and other multi-byte characters intact in large sheets (no broken UTF-8 at chunk edges)', async () => {
    const names = [
      'Bühnenmaler/-in und -plastiker/-in',
      'Müller Bäckerei',
      'Yıldız Döner',
      'Şahin Söhne',
      'Ağaç Ürünleri',
    ];
    const rows = Array.from({ length: 20_000 }, (_, i) => [`${names[i % names.length]} ${i}`, 'Köln']);
    const t = await readTable(await writeXlsx({ name: 'Groß', headers: ['Firmenname', 'Ort'], rows }));
    expect(t.rows).toHaveLength(rows.length);
    expect(t.rows.map((r) => r.cells[0])).toEqual(rows.map((r) => r[0]));
    expect(t.rows.some((r) => String(r.cells[1]).includes('\uFFFD'))).toBe(false);
  });

  it('refuses the old .xls format and ZIP files that are no workbook', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await failure(() => readTable(xls))).code).toBe('file_format_unsupported');
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await failure(() => readTable(zip))).code).toBe('file_unreadable');
  });

  it('refuses a well-formed ZIP without a workbook as unreadable, not empty', async () => {
    const bytes = storedZip('notiz.txt', utf8('keine Tabelle'));
    expect((await failure(() => readTable(bytes))).code).toBe('file_unreadable');
  });

  it('lists Excel error cells of a row (also formula results) by column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Fehler');
    ws.addRow(['Firma', 'Plätze', 'PLZ']);
    ws.addRow(['Müller', { formula: '1/0', result: { error: '#DIV/0!' } }, { error: '#N/A' }]);
    ws.addRow(['Meyer', 2, '40210']);
    const t = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(t.rows[0]?.cells).toEqual(['Müller', null, null]);
    expect(t.rows[0]?.errors).toEqual({ 1: '#DIV/0!', 2: '#N/A' });
    expect(t.rows[1]?.errors).toBeUndefined();
  });

  it('reads the first non-empty worksheet when the first one is empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Leer');
    const ws = wb.addWorksheet('Daten');
    ws.addRow(['Firma', 'Ort']);
    ws.addRow(['Müller', 'Hagen']);
    const t = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(t.sheet).toBe('Daten');
    expect(t.headers).toEqual(['Firma', 'Ort']);
    expect(t.rows.map((r) => r.cells)).toEqual([['Müller', 'Hagen']]);
  });
});
