/**
 * What an uploaded image carries besides its picture (R-IMG-1, issue 9 #13), removed before it is stored, with every
 * byte that draws the picture copied unchanged (nothing is re-encoded):
 *  - JPEG: Exif/XMP (APP1), Photoshop IRB (APP13), comments (COM) and every application segment other than JFIF (APP0),
 *    the ICC profile (APP2) and Adobe's colour transform (APP14) — `stripJpegMetadata` in ./images;
 *  - PNG: every ancillary chunk that is not needed to draw the picture — text (tEXt, zTXt, iTXt), eXIf, tIME and any
 *    private chunk — and whatever follows IEND. Critical chunks (IHDR, PLTE, IDAT, IEND) and the known rendering
 *    chunks (transparency, colour space, gamma, pixel size, animation) are kept;
 *  - GIF: comment extensions, application extensions other than the NETSCAPE2.0 / ANIMEXTS1.0 looping block, and
 *    whatever follows the trailer. The header, colour tables, graphic control, plain text and image blocks are kept;
 *  - BMP has no metadata blocks: kept as it is.
 * A stream whose structure does not hold (a block running past the end, no end marker, an unknown GIF block) is
 * refused (null): the upload then says the file is broken.
 *
 * And the declared size: an image whose header claims more than 40 megapixels is refused (`exceedsPixelLimit`) — a
 * 2 MB file can declare a picture that would take gigabytes to draw.
 */
import { stripJpegMetadata, type Dimensions, type ImageType } from "./images";

/** The most pixels (width × height) an uploaded image may declare. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export function exceedsPixelLimit(dimensions: Dimensions): boolean {
  return dimensions.width * dimensions.height > MAX_IMAGE_PIXELS;
}

export function tooManyPixelsMessage(dimensions: Dimensions): string {
  return `画像の画素数が多すぎます（${dimensions.width}×${dimensions.height}ピクセル）。4000万画素以下（例：8000×5000ピクセル）の画像を選んでください。`;
}

/** The image without its metadata (see above), or null when its structure is broken. */
export function stripImageMetadata(bytes: Uint8Array, type: ImageType): Uint8Array | null {
  switch (type) {
    case "image/jpeg":
      return stripJpegMetadata(bytes);
    case "image/png":
      return stripPngMetadata(bytes);
    case "image/gif":
      return stripGifMetadata(bytes);
    case "image/bmp":
      return bytes;
  }
}

/** Byte ranges [start, end) of the input to keep, joined. */
function keepRanges(bytes: Uint8Array, ranges: [number, number][]): Uint8Array {
  const out = new Uint8Array(ranges.reduce((n, [s, e]) => n + (e - s), 0));
  let o = 0;
  for (const [s, e] of ranges) {
    out.set(bytes.subarray(s, e), o);
    o += e - s;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PNG: signature, then chunks of length (4, big-endian), type (4), data, CRC (4)
// ---------------------------------------------------------------------------------------------

/** Ancillary chunks that change how the picture is drawn (PNG 3rd edition, APNG): kept. */
const PNG_RENDERING_CHUNKS = new Set([
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "iCCP",
  "cICP",
  "mDCV",
  "cLLI",
  "sBIT",
  "bKGD",
  "pHYs",
  "hIST",
  "sPLT",
  "acTL",
  "fcTL",
  "fdAT",
]);

function stripPngMetadata(b: Uint8Array): Uint8Array | null {
  const ranges: [number, number][] = [[0, 8]];
  let i = 8;
  while (i + 12 <= b.length) {
    const length = ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    const end = i + 12 + length;
    if (end > b.length) return null;
    // A chunk is critical when the first letter of its type is upper case (bit 5 clear).
    const critical = (b[i + 4]! & 0x20) === 0;
    if (critical || PNG_RENDERING_CHUNKS.has(type)) ranges.push([i, end]);
    if (type === "IEND") return keepRanges(b, ranges);
    i = end;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// GIF: header, logical screen descriptor, global colour table, then blocks up to the trailer (0x3B)
// ---------------------------------------------------------------------------------------------

const LOOPING_APPLICATIONS = new Set(["NETSCAPE2.0", "ANIMEXTS1.0"]);

/** The offset just after a run of data sub-blocks starting at `i` (each a length byte then data; 0 ends), or -1. */
function skipSubBlocks(b: Uint8Array, i: number): number {
  while (i < b.length) {
    const size = b[i]!;
    i += 1 + size;
    if (size === 0) return i <= b.length ? i : -1;
  }
  return -1;
}

/** The size in bytes of a colour table announced by a packed-fields byte, 0 when it has none. */
function colourTableSize(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}

function stripGifMetadata(b: Uint8Array): Uint8Array | null {
  if (b.length < 13) return null;
  let i = 13 + colourTableSize(b[10]!);
  if (i > b.length) return null;
  const ranges: [number, number][] = [[0, i]];
  while (i < b.length) {
    const start = i;
    const introducer = b[i]!;
    if (introducer === 0x3b) {
      ranges.push([start, i + 1]);
      return keepRanges(b, ranges);
    }
    if (introducer === 0x2c) {
      // Image descriptor (10), local colour table, LZW minimum code size (1), image data sub-blocks.
      if (i + 10 > b.length) return null;
      i += 10 + colourTableSize(b[i + 9]!) + 1;
      if (i > b.length) return null;
      i = skipSubBlocks(b, i);
      if (i < 0) return null;
      ranges.push([start, i]);
      continue;
    }
    if (introducer !== 0x21 || i + 2 > b.length) return null;
    const label = b[i + 1]!;
    const end = skipSubBlocks(b, i + 2);
    if (end < 0) return null;
    const application = label === 0xff && b[i + 2] === 11 && i + 14 <= b.length ? String.fromCharCode(...b.subarray(i + 3, i + 14)) : null;
    const metadata = label === 0xfe || (label === 0xff && !LOOPING_APPLICATIONS.has(application ?? ""));
    if (!metadata) ranges.push([start, end]);
    i = end;
  }
  return null;
}
