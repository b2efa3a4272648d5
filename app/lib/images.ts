/**
 * Workplace images (画像情報, R-IMG-1), pure byte work with no imaging library:
 *  - `sniffImageType`: the format from the file's first bytes (magic numbers), never from its name or the
 *    browser's Content-Type;
 *  - `imageDimensions`: width and height from the format's header;
 *  - `stripJpegMetadata`: removes location and other camera metadata from a JPEG before it is stored (PNG and GIF:
 *    ./image-metadata.ts, which also refuses absurd declared sizes).
 *
 * How the JPEG is cleaned (the simplest approach that is certainly correct): the byte stream is walked
 * segment by segment and every APP1 segment (Exif — which holds the GPS IFD — and XMP, which can repeat the
 * GPS position as text), every APP13 segment (Photoshop IRB / IPTC, which can hold a place name), every comment
 * (COM) and every other application segment except JFIF, ICC and Adobe is dropped whole. Every other byte is
 * copied unchanged: SOI, JFIF (APP0), ICC profile (APP2), Adobe (APP14), quantisation and Huffman tables, frame
 * header, the scans with their entropy-coded data, EOI. Nothing is re-encoded, so
 * the picture is identical. The cost: the Exif orientation tag goes too, so a photo that relied on it is
 * shown as the sensor recorded it (the employer can rotate it and upload again).
 */

export type ImageType = "image/jpeg" | "image/png" | "image/gif" | "image/bmp";

export const IMAGE_TYPES: readonly ImageType[] = ["image/jpeg", "image/png", "image/gif", "image/bmp"];

/** The format recognised from the leading bytes, or null when it is not one of the four. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    return "image/png";
  }
  if (b.length >= 6 && ascii(b, 0, 6) === "GIF87a") return "image/gif";
  if (b.length >= 6 && ascii(b, 0, 6) === "GIF89a") return "image/gif";
  // BMP: "BM", then a DIB header whose size is one of the known BITMAP*HEADER sizes.
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d && [12, 40, 52, 56, 64, 108, 124].includes(u32le(b, 14))) return "image/bmp";
  return null;
}

export interface Dimensions {
  width: number;
  height: number;
}

/** Width and height from the header of a recognised image, or null when the header is unreadable. */
export function imageDimensions(bytes: Uint8Array, type: ImageType): Dimensions | null {
  const b = bytes;
  switch (type) {
    case "image/png":
      // IHDR is the first chunk: length(4) "IHDR"(4) width(4) height(4).
      if (b.length < 24 || ascii(b, 12, 16) !== "IHDR") return null;
      return positive(u32be(b, 16), u32be(b, 20));
    case "image/gif":
      if (b.length < 10) return null;
      return positive(u16le(b, 6), u16le(b, 8));
    case "image/bmp": {
      if (b.length < 26) return null;
      if (u32le(b, 14) === 12) return positive(u16le(b, 18), u16le(b, 20)); // BITMAPCOREHEADER
      // Height is negative for top-down bitmaps.
      return positive(Math.abs(i32le(b, 18)), Math.abs(i32le(b, 22)));
    }
    case "image/jpeg":
      return jpegDimensions(b);
  }
}

function positive(width: number, height: number): Dimensions | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

// ---------------------------------------------------------------------------------------------
// JPEG segments
// ---------------------------------------------------------------------------------------------

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;

/** Markers that stand alone (no length field): TEM, RST0–RST7, SOI, EOI. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);
}

/** Start-of-frame markers (SOF0–SOF15 except DHT C4, JPG C8 and DAC CC): they carry the dimensions. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

interface Segment {
  marker: number;
  /** Offset of the 0xFF that starts the marker. */
  start: number;
  /** Offset just after the segment (after its payload; for SOS, after the entropy-coded data). */
  end: number;
}

/**
 * The segments of a JPEG, in order, or null when the stream is malformed (no SOI, a length that runs past
 * the end, no EOI). Fill bytes (0xFF before a marker) belong to the segment that follows them.
 */
export function jpegSegments(b: Uint8Array): Segment[] | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== SOI) return null;
  const segments: Segment[] = [{ marker: SOI, start: 0, end: 2 }];
  let i = 2;
  while (i < b.length) {
    const start = i;
    if (b[i] !== 0xff) return null;
    while (i < b.length && b[i] === 0xff) i++; // fill bytes
    if (i >= b.length) return null;
    const marker = b[i]!;
    i++;
    if (marker === EOI) {
      segments.push({ marker, start, end: i });
      return segments;
    }
    if (isStandalone(marker)) {
      segments.push({ marker, start, end: i });
      continue;
    }
    if (i + 2 > b.length) return null;
    const length = u16be(b, i);
    if (length < 2 || i + length > b.length) return null;
    i += length;
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 nor a restart marker.
      while (i < b.length) {
        if (b[i] === 0xff && i + 1 < b.length) {
          const next = b[i + 1]!;
          if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
            i += next === 0xff ? 1 : 2;
            continue;
          }
          break;
        }
        i++;
      }
      if (i >= b.length) return null;
    }
    segments.push({ marker, start, end: i });
  }
  return null;
}

function jpegDimensions(b: Uint8Array): Dimensions | null {
  const segments = jpegSegments(b);
  const frame = segments?.find((s) => isStartOfFrame(s.marker));
  if (!frame) return null;
  // FF Cn, length(2), precision(1), height(2), width(2) — after any fill bytes.
  let p = frame.start;
  while (b[p] === 0xff) p++;
  p++;
  if (p + 7 > frame.end) return null;
  return positive(u16be(b, p + 5), u16be(b, p + 3));
}

/**
 * Whether a segment is one that `stripJpegMetadata` removes: APP1 (Exif, XMP), APP13 (Photoshop IRB), COM (comments)
 * and every other application segment (APP3–APP12, APP15: camera makers' and editors' data) except the three a
 * decoder may need: APP0 (JFIF), APP2 (ICC profile) and APP14 (Adobe colour transform). Issue 9 #13.
 */
export function isMetadataSegment(marker: number): boolean {
  if (marker === COM) return true;
  const isApp = marker >= APP0 && marker <= APP15;
  return isApp && marker !== APP0 && marker !== APP2 && marker !== APP14;
}

/**
 * The JPEG without its metadata segments (`isMetadataSegment`: Exif with the GPS IFD, XMP, Photoshop IRB, comments…);
 * every other byte is kept as it was. Null when the stream is not a well-formed JPEG (the upload is then refused).
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  const segments = jpegSegments(bytes);
  if (!segments) return null;
  const kept = segments.filter((s) => !isMetadataSegment(s.marker));
  const size = kept.reduce((n, s) => n + (s.end - s.start), 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (const s of kept) {
    out.set(bytes.subarray(s.start, s.end), o);
    o += s.end - s.start;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Byte helpers
// ---------------------------------------------------------------------------------------------

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}
function u16be(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}
function u16le(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}
function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
}
function u32le(b: Uint8Array, i: number): number {
  return ((b[i + 3]! << 24) >>> 0) + (b[i + 2]! << 16) + (b[i + 1]! << 8) + b[i]!;
}
function i32le(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
}

// ---------------------------------------------------------------------------------------------
// Limits (R-IMG-1)
// ---------------------------------------------------------------------------------------------

/** At most this many images per establishment (pending, approved and rejected all count). */
export const MAX_IMAGES_PER_ESTABLISHMENT = 10;
/** At most 2 MB per image (2 × 1024 × 1024 bytes). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Captions: at most 50 characters. */
export const CAPTION_MAX = 50;
/** Reasons for sending an image back (差戻し): at most 200 characters. */
export const REJECT_REASON_MAX = 200;

/** "2.1MB": the size in MB to one decimal. */
export function formatMegabytes(bytes: number): string {
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)}MB`;
}

/** The message for a file over 2 MB; a size that would round to "2.0MB" reads "2.1MB", never the limit itself. */
export function tooLargeMessage(bytes: number): string {
  const shown = bytes > MAX_IMAGE_BYTES && bytes < 2.05 * 1024 * 1024 ? "2.1MB" : formatMegabytes(bytes);
  return `ファイルサイズが2MBを超えています（${shown}）。2MB以下の画像を選んでください。`;
}

export const UNKNOWN_FORMAT_MESSAGE = "JPEG、PNG、GIF、BMPの画像を選んでください。";
export const BROKEN_IMAGE_MESSAGE = "画像ファイルが壊れているため読み取れませんでした。別の画像を選んでください。";
export const TOO_MANY_MESSAGE = "画像は1事業所につき10枚まで登録できます。不要な画像を削除してから登録してください。";
