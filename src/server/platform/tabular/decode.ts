import iconv from 'iconv-lite';

/**
 * Text decoding of uploaded CSV files. German spreadsheet programs save CSV as Windows-1252
 * ("CSV (Trennzeichen-getrennt)") or UTF-8 with BOM ("CSV UTF-8"); "Unicode-Text" is UTF-16LE.
 */

/** An encoding the CSV reader reports. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Decoded text (byte-order mark removed) and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes bytes: a byte-order mark decides (UTF-8, UTF-16LE/BE) and is dropped; otherwise valid
 * UTF-8 is read as UTF-8 and anything else as Windows-1252 (0x80 = €, 0x84 = „, 0x96 = –, 0xFC = ü,
 * 0xE4 = ä) through iconv-lite: Node's own TextDecoder maps 0x80–0x9F to C1 controls since 20.18.3
 * (nodejs/node#56542). Any Windows-1252 byte sequence that happens to be valid UTF-8 needs two or more high
 * bytes in a row, which German text in Windows-1252 practically never has.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'),
      encoding: 'windows-1252',
    };
  }
}
