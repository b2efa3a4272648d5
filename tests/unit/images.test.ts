/**
 * Image bytes (R-IMG-1): the format from the content, the dimensions from the header, and the JPEG's
 * location metadata removed with every other byte kept. Fixtures: tests/fixtures/images (generate.py).
 */
import { describe, expect, it } from "vitest";
import { formatMegabytes, imageDimensions, jpegSegments, sniffImageType, stripJpegMetadata, tooLargeMessage, type ImageType } from "../../app/lib/images";
import { GPS_JPG, TINY_BMP, TINY_GIF, TINY_JPG, TINY_PNG } from "../fixtures/images";

function indexOf(haystack: Uint8Array, needle: string | number[]): number {
  const n = typeof needle === "string" ? [...new TextEncoder().encode(needle)] : needle;
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
}

describe("sniffImageType (R-IMG-1)", () => {
  it.each<[string, Uint8Array, ImageType]>([
    ["JPEG", TINY_JPG, "image/jpeg"],
    ["JPEG with Exif", GPS_JPG, "image/jpeg"],
    ["PNG", TINY_PNG, "image/png"],
    ["GIF", TINY_GIF, "image/gif"],
    ["BMP", TINY_BMP, "image/bmp"],
  ])("R-IMG-1: recognises %s by its bytes", (_name, bytes, type) => {
    expect(sniffImageType(bytes)).toBe(type);
  });

  it("R-IMG-1: GIF87a is a GIF too", () => {
    const gif87 = TINY_GIF.slice();
    gif87.set(new TextEncoder().encode("GIF87a"), 0);
    expect(sniffImageType(gif87)).toBe("image/gif");
  });

  it("R-IMG-1: anything else is not an image, whatever it claims to be", () => {
    const enc = new TextEncoder();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(enc.encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(enc.encode("%PDF-1.7\n"))).toBeNull();
    expect(sniffImageType(enc.encode("BM but not a bitmap at all"))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(TINY_PNG.slice(0, 7))).toBeNull();
    // WebP, TIFF: real images, but not among the four.
    expect(sniffImageType(enc.encode("RIFF\0\0\0\0WEBPVP8 "))).toBeNull();
    expect(sniffImageType(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBeNull();
  });
});

describe("imageDimensions (R-IMG-1)", () => {
  it.each<[string, Uint8Array, ImageType, number, number]>([
    ["JPEG", TINY_JPG, "image/jpeg", 16, 8],
    ["PNG", TINY_PNG, "image/png", 3, 2],
    ["GIF", TINY_GIF, "image/gif", 2, 1],
    ["BMP", TINY_BMP, "image/bmp", 2, 1],
  ])("reads the width and height of a %s", (_name, bytes, type, width, height) => {
    expect(imageDimensions(bytes, type)).toEqual({ width, height });
  });

  it("a top-down BMP (negative height) has a positive height", () => {
    const bmp = TINY_BMP.slice();
    new DataView(bmp.buffer).setInt32(22, -1, true);
    expect(imageDimensions(bmp, "image/bmp")).toEqual({ width: 2, height: 1 });
  });

  it("a truncated header has no dimensions", () => {
    expect(imageDimensions(TINY_PNG.slice(0, 20), "image/png")).toBeNull();
    expect(imageDimensions(TINY_JPG.slice(0, 40), "image/jpeg")).toBeNull();
  });
});

describe("stripJpegMetadata (R-IMG-1)", () => {
  it("R-IMG-1: removes the Exif segment with its GPS IFD, the XMP packet and the Photoshop IRB", () => {
    expect(indexOf(GPS_JPG, "Exif\0\0")).toBeGreaterThan(0);
    expect(indexOf(GPS_JPG, "GPSLatitude")).toBeGreaterThan(0);
    expect(indexOf(GPS_JPG, "Photoshop 3.0")).toBeGreaterThan(0);
    const stripped = stripJpegMetadata(GPS_JPG)!;
    expect(stripped).not.toBeNull();
    expect(indexOf(stripped, "Exif")).toBe(-1);
    expect(indexOf(stripped, "GPS")).toBe(-1);
    expect(indexOf(stripped, "http://ns.adobe.com/xap/1.0/")).toBe(-1);
    expect(indexOf(stripped, "Photoshop 3.0")).toBe(-1);
    expect(indexOf(stripped, "Nikko")).toBe(-1);
    expect(indexOf(stripped, [0xff, 0xe1])).toBe(-1);
    expect(indexOf(stripped, [0xff, 0xed])).toBe(-1);
  });

  it("R-IMG-1: every other byte is kept: the result is exactly the same picture without the metadata", () => {
    const stripped = stripJpegMetadata(GPS_JPG)!;
    // The fixture is TINY_JPG with the three metadata segments inserted after JFIF.
    expect([...stripped]).toEqual([...TINY_JPG]);
    expect([...stripped.slice(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...stripped.slice(-2)]).toEqual([0xff, 0xd9]);
    expect(imageDimensions(stripped, "image/jpeg")).toEqual({ width: 16, height: 8 });
  });

  it("R-IMG-1: a JPEG without metadata comes back byte for byte", () => {
    expect([...stripJpegMetadata(TINY_JPG)!]).toEqual([...TINY_JPG]);
  });

  it("R-IMG-1: metadata after the first scan (progressive JPEG) is found too; stuffed bytes and restart markers stay in the scan", () => {
    const segments = jpegSegments(TINY_JPG)!;
    const sos = segments.find((s) => s.marker === 0xda)!;
    const header = TINY_JPG.slice(0, sos.start);
    const scanHeader = TINY_JPG.slice(sos.start, sos.start + 10);
    const entropy = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56];
    const exif = [0xff, 0xe1, 0x00, 0x0a, ...new TextEncoder().encode("Exif\0\0GPS")].slice(0, 12);
    const second = [...scanHeader, 0x0f];
    const jpeg = new Uint8Array([...header, ...scanHeader, ...entropy, ...exif, ...second, 0xff, 0xd9]);
    const stripped = stripJpegMetadata(jpeg)!;
    expect([...stripped]).toEqual([...header, ...scanHeader, ...entropy, ...second, 0xff, 0xd9]);
  });

  it("a malformed JPEG (cut short, or a length past the end) is refused", () => {
    expect(stripJpegMetadata(TINY_JPG.slice(0, TINY_JPG.length - 2))).toBeNull();
    const bad = TINY_JPG.slice();
    bad[4] = 0xff; // the APP0 length now runs past the end
    expect(stripJpegMetadata(bad)).toBeNull();
    expect(stripJpegMetadata(TINY_PNG)).toBeNull();
  });
});

describe("size messages (R-IMG-1)", () => {
  it("R-IMG-1: the size is shown in MB to one decimal, and a file just over the limit never reads 2.0MB", () => {
    expect(formatMegabytes(Math.round(2.1 * 1024 * 1024))).toBe("2.1MB");
    expect(formatMegabytes(3.46 * 1024 * 1024)).toBe("3.5MB");
    expect(tooLargeMessage(Math.round(2.1 * 1024 * 1024))).toBe("ファイルサイズが2MBを超えています（2.1MB）。2MB以下の画像を選んでください。");
    expect(tooLargeMessage(2 * 1024 * 1024 + 1)).toContain("（2.1MB）");
  });
});
