/**
 * Demo 画像情報 (R-IMG): small PNG pictures drawn here (no binary files in the repository), stored in the local R2
 * bucket and registered for the demo establishments — approved ones (shown on a demo posting), one waiting for
 * review, one rejected with a reason. Fictional.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import type { D1Target } from "./d1.ts";
import { ROOT, wrangler } from "./run.ts";

export interface DemoImage {
  id: string;
  establishmentId: string;
  caption: string;
  status: "approved" | "pending" | "rejected";
  rejectReason?: string;
  /** Two colours of the drawn picture (sky and ground), RGB. */
  colours: [[number, number, number], [number, number, number]];
}

export const DEMO_IMAGES: DemoImage[] = [
  {
    id: "demo-img-yuba-gaikan",
    establishmentId: "demo-est-nikko-yuba",
    caption: "工房の外観（本町通り沿い）",
    status: "approved",
    colours: [
      [120, 170, 220],
      [150, 110, 70],
    ],
  },
  {
    id: "demo-img-yuba-seizo",
    establishmentId: "demo-est-nikko-yuba",
    caption: "湯波を引き上げる作業の様子",
    status: "approved",
    colours: [
      [240, 230, 200],
      [200, 170, 110],
    ],
  },
  {
    id: "demo-img-yuba-tenpo",
    establishmentId: "demo-est-nikko-yuba",
    caption: "直営店の店内",
    status: "pending",
    colours: [
      [230, 220, 210],
      [120, 80, 60],
    ],
  },
  {
    id: "demo-img-hotel-lobby",
    establishmentId: "demo-est-kinugawa-hotel",
    caption: "ロビーから見た鬼怒川の渓谷",
    status: "approved",
    colours: [
      [150, 200, 230],
      [60, 120, 70],
    ],
  },
  {
    id: "demo-img-hotel-staff",
    establishmentId: "demo-est-kinugawa-hotel",
    caption: "フロントスタッフの集合写真",
    status: "rejected",
    rejectReason: "従業員の顔がはっきり写っています。掲載について本人の同意が確認できる画像に差し替えてください。",
    colours: [
      [210, 200, 190],
      [90, 60, 50],
    ],
  },
];

export function imageKey(image: DemoImage): string {
  return `establishments/${image.establishmentId}/images/${image.id}`;
}

/** A 240 × 160 PNG: a sky above a ground line, drawn row by row. */
export function demoPng(image: DemoImage): Uint8Array {
  const width = 240;
  const height = 160;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const ground = y > 100 + Math.round(12 * Math.sin(x / 30));
      const [r, g, b] = image.colours[ground ? 1 : 0];
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

/** Puts the pictures into the local R2 bucket (the rows come with the SQL seed). */
export function putDemoImages(target: D1Target): void {
  if (target.remote) throw new Error("demo images are never put into the remote bucket");
  const dir = join(ROOT, ".wrangler", "tmp-images");
  mkdirSync(dir, { recursive: true });
  for (const image of DEMO_IMAGES) {
    const file = join(dir, `${image.id}.png`);
    writeFileSync(file, demoPng(image));
    wrangler([
      "r2",
      "object",
      "put",
      `kyujinsha-mypage-images/${imageKey(image)}`,
      "--file",
      file,
      "--content-type",
      "image/png",
      "--local",
      ...(target.persistTo ? ["--persist-to", target.persistTo] : []),
    ]);
  }
}
