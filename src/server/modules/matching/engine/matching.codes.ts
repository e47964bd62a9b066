import type { TCefrLevel } from '../../../../contracts/clients';
import type { TPlaceKind } from '../../../../contracts/companies.enums';
import type { TMatchSchool } from './matching.types';

/** Numeric codes of the compiled tables (matching.tables.ts). */

/** CEFR levels in order (index + 1 = code). */
export const CEFR: readonly TCefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
/** School qualifications in order (index = code). */
export const SCHOOL: readonly TMatchSchool[] = ['none', 'esa', 'msa', 'fachhochschulreife', 'abitur'];
/** Place kinds in order (bit = 1 << index). */
export const KINDS: readonly TPlaceKind[] = [
  'apprenticeship',
  'internship',
  'entry_qualification',
  'taster_day',
];
/** Day number meaning "no date". */
export const NO_DAY = -2147483648;
/** `occInfo` codes of a client: has related occupations, or why not. */
export const OCC_INFO = [
  'known',
  'no_wished_occupation',
  'wished_occupation_unknown',
  'interests_unmatched',
] as const;

/** Allocates typed arrays, over a SharedArrayBuffer when `shared`. */
export interface Allocator {
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
  u8(n: number): Uint8Array;
  i8(n: number): Int8Array;
  u16(n: number): Uint16Array;
}

/** An allocator of plain or shared typed arrays. */
export function allocator(shared: boolean): Allocator {
  const buf = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    f64: (n) => new Float64Array(buf(8 * n)),
    i32: (n) => new Int32Array(buf(4 * n)),
    u8: (n) => new Uint8Array(buf(n)),
    i8: (n) => new Int8Array(buf(n)),
    u16: (n) => new Uint16Array(buf(2 * n)),
  };
}
