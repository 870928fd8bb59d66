// Draws images/icon.png (128x128): an orange shield with a white check mark on a dark rounded square.
// The PNG is committed; run `node scripts/make-icon.mjs` again only to change the drawing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // per axis, for anti-aliased edges

const BACKGROUND = [35, 47, 62]; // dark slate
const SHIELD = [255, 153, 0]; // orange
const CHECK = [255, 255, 255];

function insideRoundedSquare(x, y) {
  const r = 24;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// A shield: straight top with rounded corners, sides that curve in to a point at the bottom.
function insideShield(x, y) {
  const top = 22,
    bottom = 110,
    halfWidth = 38,
    mid = SIZE / 2;
  if (y < top || y > bottom) return false;
  const t = (y - top) / (bottom - top);
  const half = t < 0.45 ? halfWidth : halfWidth * Math.sqrt(Math.max(0, 1 - ((t - 0.45) / 0.55) ** 2));
  if (Math.abs(x - mid) > half) return false;
  // Round the two top corners.
  const r = 8;
  const cornerY = top + r;
  const cornerX = mid + Math.sign(x - mid) * (halfWidth - r);
  if (y < cornerY && Math.abs(x - mid) > halfWidth - r) return (x - cornerX) ** 2 + (y - cornerY) ** 2 <= r * r;
  return true;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideCheck(x, y) {
  const a = [44, 64],
    b = [58, 79],
    c = [85, 48];
  return Math.min(distanceToSegment(x, y, a, b), distanceToSegment(x, y, b, c)) <= 6;
}

function colorAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  if (insideCheck(x, y) && insideShield(x, y)) return CHECK;
  if (insideShield(x, y)) return SHIELD;
  return BACKGROUND;
}

const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const row = y * (1 + SIZE * 4);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0,
      g = 0,
      b = 0,
      covered = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const color = colorAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!color) continue;
        r += color[0];
        g += color[1];
        b += color[2];
        covered++;
      }
    }
    const offset = row + 1 + x * 4;
    if (covered) {
      raw[offset] = Math.round(r / covered);
      raw[offset + 1] = Math.round(g / covered);
      raw[offset + 2] = Math.round(b / covered);
    }
    raw[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);

const out = new URL('../images/icon.png', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote images/icon.png (${png.length} bytes)`);
