import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { TClientLanguage } from '../../../contracts/self-service';
import { publicError } from './profile.texts';

/** File types a client may upload, recognised from the bytes (magic numbers), never from the name. */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
/** An accepted upload type. */
export type UploadType = (typeof UPLOAD_TYPES)[number];
/** Most files one link may hold (photo and documents together). */
export const MAX_UPLOADS = 5;

/**
 * The request body of an upload as the route receives it: the raw stream in a private field, so the
 * input-hygiene hook (which walks body objects) never descends into it.
 */
export class UploadStream {
  readonly #stream: Readable;
  constructor(stream: Readable) {
    this.#stream = stream;
  }
  /** The raw request stream. */
  get stream(): Readable {
    return this.#stream;
  }
}

/**
 * Reads an upload body up to `maxBytes`: refuses early on a larger `Content-Length`, stops reading as
 * soon as the limit is passed, and answers in the client's language.
 * @throws `upload_too_large` (413), `validation` (400: empty body)
 */
export async function readUpload(
  body: UploadStream | undefined,
  opts: { maxBytes: number; contentLength: number | null; lang: TClientLanguage },
): Promise<Buffer> {
  const tooLarge = () => publicError('upload_too_large', opts.lang, { maxMb: megabytes(opts.maxBytes) });
  if (opts.contentLength !== null && opts.contentLength > opts.maxBytes) {
    body?.stream.resume();
    throw tooLarge();
  }
  if (!body) throw publicError('validation', opts.lang, {}, [{ field: 'body', code: 'required' }]);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body.stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > opts.maxBytes) {
      body.stream.destroy();
      throw tooLarge();
    }
    chunks.push(buf);
  }
  if (size === 0) throw publicError('validation', opts.lang, {}, [{ field: 'body', code: 'required' }]);
  return Buffer.concat(chunks, size);
}

/** `bytes` in MB (MiB) for messages, two significant digits: 5242880 → "5", 1572864 → "1.5". */
export function megabytes(bytes: number): string {
  return String(Number((bytes / (1024 * 1024)).toPrecision(2)));
}

/**
 * The type of an uploaded file from its first bytes (`file-type`): JPEG, PNG, WebP or PDF; a photo
 * must be an image. Whatever the client named it or claimed as Content-Type does not count.
 * @throws `upload_type_not_allowed` (415, with the detected type if any), `upload_photo_not_image` (415)
 */
export async function checkUploadType(
  bytes: Buffer,
  kind: 'photo' | 'document',
  lang: TClientLanguage,
): Promise<UploadType> {
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime as string | undefined;
  if (!mime || !(UPLOAD_TYPES as readonly string[]).includes(mime)) {
    throw publicError('upload_type_not_allowed', lang, {}, [], { detectedType: mime ?? null });
  }
  if (kind === 'photo' && !mime.startsWith('image/')) {
    throw publicError('upload_photo_not_image', lang, {}, [], { detectedType: mime });
  }
  return mime as UploadType;
}
