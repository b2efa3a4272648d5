/**
 * R-IMG-1, issue 9 #13: the metadata that an upload may carry besides the JPEG's Exif — PNG text and eXIf chunks, GIF
 * comments and application extensions, JPEG comments — is removed before the image is stored, with every byte that
 * draws the picture kept; and an image whose header declares more than 40 megapixels is refused. Images are built here
 * byte by byte around the fixtures (tests/fixtures/images).
 */
import { describe, expect, it } from "vitest";
import { exceedsPixelLimit, MAX_IMAGE_PIXELS, stripImageMetadata, tooManyPixelsMessage } from "../../app/lib/image-metadata";
import { imageDimensions } from "../../app/lib/images";
import { GPS_JPG, TINY_BMP, TINY_GIF, TINY_JPG, TINY_PNG } from "../fixtures/images";
import { ascii, concat, PNG_HEAD, PNG_IDAT, PNG_IEND, pngChunk, pngDeclaring } from "../fixtures/images/build";

function contains(haystack: Uint8Array, needle: string): boolean {
  const n = ascii(needle);
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

// PNG ------------------------------------------------------------------------------------------------

describe("PNG metadata (R-IMG-1, issue 9 #13)", () => {
  const tagged = concat(
    PNG_HEAD,
    pngChunk("tEXt", ascii("Comment\0Nikko factory, 36.75N 139.60E")),
    pngChunk("zTXt", [...ascii("Author\0"), 0, 0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
    pngChunk("iTXt", ascii("Location\0\0\0ja\0位置\0日光市今市1-2-3")),
    pngChunk("eXIf", ascii("MM\0*\0\0\0\bGPSLatitude")),
    pngChunk("tIME", [0x07, 0xea, 11, 26, 10, 0, 0]),
    pngChunk("pHYs", [0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]),
    PNG_IDAT,
    pngChunk("tEXt", ascii("Software\0after the pixels")),
    PNG_IEND,
    ascii("trailing data after IEND"),
  );

  it("R-IMG-1, issue 9 #13: tEXt, zTXt, iTXt, eXIf and tIME chunks and anything after IEND are removed", () => {
    const stripped = stripImageMetadata(tagged, "image/png")!;
    expect(stripped).not.toBeNull();
    for (const text of ["tEXt", "zTXt", "iTXt", "eXIf", "tIME", "Nikko", "GPS", "Software", "trailing"]) expect(contains(stripped, text), text).toBe(false);
  });

  it("R-IMG-1, issue 9 #13: the chunks that draw the picture are kept byte for byte, in order", () => {
    const stripped = stripImageMetadata(tagged, "image/png")!;
    expect([...stripped]).toEqual([...concat(PNG_HEAD, pngChunk("pHYs", [0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1]), PNG_IDAT, PNG_IEND)]);
    expect([...stripImageMetadata(TINY_PNG, "image/png")!]).toEqual([...TINY_PNG]);
  });

  it("issue 9 #13: a PNG whose chunks run past the end, or without IEND, is refused", () => {
    expect(stripImageMetadata(TINY_PNG.slice(0, TINY_PNG.length - 6), "image/png")).toBeNull();
    expect(stripImageMetadata(concat(PNG_HEAD, PNG_IDAT), "image/png")).toBeNull();
  });
});

// GIF ------------------------------------------------------------------------------------------------

/** TINY_GIF: header (6) + screen descriptor (7) + colour table (6), then the image and the trailer. */
const GIF_HEAD = TINY_GIF.slice(0, 19);
const GIF_IMAGE = TINY_GIF.slice(19, TINY_GIF.length - 1);
const GIF_TRAILER = [0x3b];

/** An extension: 0x21, its label, then data sub-blocks (each ≤ 255 bytes) and the 0 terminator. */
function gifExtension(label: number, ...blocks: number[][]): number[] {
  return [0x21, label, ...blocks.flatMap((b) => [b.length, ...b]), 0];
}
const NETSCAPE_LOOP = gifExtension(0xff, ascii("NETSCAPE2.0"), [1, 0, 0]);
const GRAPHIC_CONTROL = gifExtension(0xf9, [0, 10, 0, 0]);

describe("GIF metadata (R-IMG-1, issue 9 #13)", () => {
  const long = ascii("Nikko ".repeat(60)); // over 255 bytes: two sub-blocks
  const tagged = concat(
    GIF_HEAD,
    gifExtension(0xfe, ascii("Comment: Nikko factory")),
    gifExtension(0xff, ascii("XMP DataXMP"), long.slice(0, 255), long.slice(255)),
    NETSCAPE_LOOP,
    GRAPHIC_CONTROL,
    GIF_IMAGE,
    gifExtension(0xfe, ascii("another comment after the image")),
    GIF_TRAILER,
    ascii("trailing data"),
  );

  it("R-IMG-1, issue 9 #13: comment extensions, application extensions other than NETSCAPE looping, and anything after the trailer are removed", () => {
    const stripped = stripImageMetadata(tagged, "image/gif")!;
    expect(stripped).not.toBeNull();
    for (const text of ["Comment", "comment", "XMP", "Nikko", "trailing"]) expect(contains(stripped, text), text).toBe(false);
  });

  it("R-IMG-1, issue 9 #13: the header, colour table, looping, graphic control and image blocks are kept byte for byte", () => {
    const stripped = stripImageMetadata(tagged, "image/gif")!;
    expect([...stripped]).toEqual([...concat(GIF_HEAD, NETSCAPE_LOOP, GRAPHIC_CONTROL, GIF_IMAGE, GIF_TRAILER)]);
    expect([...stripImageMetadata(TINY_GIF, "image/gif")!]).toEqual([...TINY_GIF]);
  });

  it("issue 9 #13: a GIF cut short, or with an unknown block, is refused", () => {
    expect(stripImageMetadata(TINY_GIF.slice(0, TINY_GIF.length - 3), "image/gif")).toBeNull();
    expect(stripImageMetadata(concat(GIF_HEAD, [0x99], GIF_IMAGE, GIF_TRAILER), "image/gif")).toBeNull();
  });
});

// JPEG -----------------------------------------------------------------------------------------------

function jpegSegment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

describe("JPEG metadata (R-IMG-1, issue 9 #13)", () => {
  it("R-IMG-1, issue 9 #13: COM segments and application segments other than JFIF, ICC and Adobe are removed with Exif, XMP and IRB", () => {
    // TINY_JPG: SOI (2) + APP0 JFIF (18), then the tables and the scan.
    const icc = jpegSegment(0xe2, ascii("ICC_PROFILE\0\x01\x01profile"));
    const adobe = jpegSegment(0xee, ascii("Adobe\0\x64\0\0\0\0\x01"));
    const tagged = concat(
      TINY_JPG.slice(0, 20),
      jpegSegment(0xfe, ascii("Nikko factory, 36.75N 139.60E")),
      jpegSegment(0xec, ascii("Ducky\0quality")),
      jpegSegment(0xe3, ascii("META camera serial")),
      icc,
      adobe,
      TINY_JPG.slice(20),
    );
    const stripped = stripImageMetadata(tagged, "image/jpeg")!;
    for (const text of ["Nikko", "Ducky", "serial"]) expect(contains(stripped, text), text).toBe(false);
    expect([...stripped]).toEqual([...concat(TINY_JPG.slice(0, 20), icc, adobe, TINY_JPG.slice(20))]);
    // Exif (APP1), XMP and the Photoshop IRB (APP13) go as before.
    expect([...stripImageMetadata(GPS_JPG, "image/jpeg")!]).toEqual([...TINY_JPG]);
  });

  it("BMP has no metadata blocks: its bytes are kept", () => {
    expect([...stripImageMetadata(TINY_BMP, "image/bmp")!]).toEqual([...TINY_BMP]);
  });
});

// Pixel limit ----------------------------------------------------------------------------------------

describe("declared size (R-IMG-1, issue 9 #13)", () => {
  it("R-IMG-1, issue 9 #13: more than 40 megapixels declared in the header is refused; exactly 40 is accepted", () => {
    expect(MAX_IMAGE_PIXELS).toBe(40_000_000);
    const at = imageDimensions(pngDeclaring(8000, 5000), "image/png")!;
    expect(at).toEqual({ width: 8000, height: 5000 });
    expect(exceedsPixelLimit(at)).toBe(false);
    const over = imageDimensions(pngDeclaring(8000, 5001), "image/png")!;
    expect(exceedsPixelLimit(over)).toBe(true);
    // A 2-byte-per-side format cannot hide it either: 65535 × 65535 in a GIF header.
    expect(exceedsPixelLimit({ width: 65535, height: 65535 })).toBe(true);
    // 2^32 - 1 per side in a PNG header (the product is not a 32-bit overflow).
    expect(exceedsPixelLimit(imageDimensions(pngDeclaring(0xffffffff, 0x10), "image/png")!)).toBe(true);
    expect(exceedsPixelLimit({ width: 1, height: 1 })).toBe(false);
  });

  it("R-IMG-1, issue 9 #13: the message says the size in pixels and what to do, in Japanese", () => {
    expect(tooManyPixelsMessage({ width: 10000, height: 8000 })).toBe(
      "画像の画素数が多すぎます（10000×8000ピクセル）。4000万画素以下（例：8000×5000ピクセル）の画像を選んでください。",
    );
  });
});
