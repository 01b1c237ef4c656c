// Videos for Chromium's fake camera (`--use-file-for-fake-video-capture`), drawn here from real
// codes: a QR of a label's address, an EAN-13 of a product. Y4M is the raw format Chromium reads:
// a text header, then per frame the grey (Y) plane and two half-size colour planes, left neutral.
import { writeFileSync } from "node:fs";
import QRCode from "qrcode";

export const W = 640;
export const H = 480;
const DARK = 24;
const LIGHT = 232;

type Frame = Uint8Array; // W × H grey levels

function blank(): Frame {
  return new Uint8Array(W * H).fill(LIGHT);
}

function box(f: Frame, x: number, y: number, w: number, h: number, v: number) {
  for (let j = y; j < y + h; j++) f.fill(v, j * W + x, j * W + x + w);
}

/** A QR code of `text`, centred, with its quiet zone, as a phone held over a sticker sees it. */
export function qrFrame(text: string): Frame {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const px = Math.floor((Math.min(W, H) * 0.85) / (n + 8));
  const x0 = Math.floor((W - n * px) / 2);
  const y0 = Math.floor((H - n * px) / 2);
  const f = blank();
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) box(f, x0 + c * px, y0 + r * px, px, px, DARK);
  return f;
}

const L = ["0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011"];
const G = ["0100111", "0110011", "0011011", "0100001", "0011101", "0111001", "0000101", "0010001", "0001001", "0010111"];
const R = ["1110010", "1100110", "1101100", "1000010", "1011100", "1001110", "1010000", "1000100", "1001000", "1110100"];
const PARITY = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"];

/** The check digit that completes 12 digits into an EAN-13. */
export function ean13Check(twelve: string): string {
  const sum = [...twelve].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

/** The 95 modules (1 = bar) of an EAN-13. */
export function ean13Modules(digits: string): string {
  if (!/^\d{13}$/.test(digits) || ean13Check(digits.slice(0, 12)) !== digits[12]) throw new Error(`not an EAN-13: ${digits}`);
  const d = [...digits].map(Number);
  let m = "101";
  for (let i = 0; i < 6; i++) m += (PARITY[d[0]][i] === "L" ? L : G)[d[i + 1]];
  m += "01010";
  for (let i = 7; i < 13; i++) m += R[d[i]];
  return m + "101";
}

/** An EAN-13 barcode, centred, bars 4 pixels per module. */
export function eanFrame(digits: string): Frame {
  const modules = ean13Modules(digits);
  const px = 4;
  const x0 = Math.floor((W - modules.length * px) / 2);
  const f = blank();
  [...modules].forEach((bit, i) => {
    if (bit === "1") box(f, x0 + i * px, 100, px, 280, DARK);
  });
  return f;
}

/** Writes `frames` (each shown `repeat` times, at 10 frames a second) as a Y4M file. */
export function writeY4m(path: string, frames: Frame[], repeat = 10) {
  const chroma = new Uint8Array((W / 2) * (H / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
  const parts: Uint8Array[] = [header];
  for (const f of frames)
    for (let i = 0; i < repeat; i++) parts.push(Buffer.from("FRAME\n"), f, chroma, chroma);
  writeFileSync(path, Buffer.concat(parts));
}
