// Draws Roundtable's icon (a round table with six people around it) as resources/icon.png, 1024 px,
// with no dependencies: the same shapes as resources/icon.svg, rasterised with 4×4 supersampling
// and written as a PNG by hand (zlib + CRC-32). Run: node resources/make-icon.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 1024
const S = SIZE / 512 // the SVG is drawn on a 512 grid
const BACKGROUND = [0, 94, 184] // #005eb8
const TABLE = [255, 255, 255]
const PERSON = [255, 184, 28] // #ffb81c

const seats = Array.from({ length: 6 }, (_, i) => {
  const angle = (Math.PI * 2 * i) / 6 - Math.PI / 2
  return [256 + 160 * Math.cos(angle), 256 + 160 * Math.sin(angle)]
})

/** Colour at a point on the 512 grid, or null (transparent). */
function shade(x, y) {
  // Rounded square 32..480 with corner radius 96.
  const r = 96
  const cx = Math.min(Math.max(x, 32 + r), 480 - r)
  const cy = Math.min(Math.max(y, 32 + r), 480 - r)
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null
  for (const [sx, sy] of seats) if ((x - sx) ** 2 + (y - sy) ** 2 <= 44 * 44) return PERSON
  if ((x - 256) ** 2 + (y - 256) ** 2 <= 104 * 104) return TABLE
  return BACKGROUND
}

const N = 4
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0 // filter: none
  for (let px = 0; px < SIZE; px++) {
    let [r, g, b, a] = [0, 0, 0, 0]
    for (let sy = 0; sy < N; sy++) {
      for (let sx = 0; sx < N; sx++) {
        const colour = shade((px + (sx + 0.5) / N) / S, (py + (sy + 0.5) / N) / S)
        if (!colour) continue
        r += colour[0]
        g += colour[1]
        b += colour[2]
        a++
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4
    raw[o] = a ? Math.round(r / a) : 0
    raw[o + 1] = a ? Math.round(g / a) : 0
    raw[o + 2] = a ? Math.round(b / a) : 0
    raw[o + 3] = Math.round((255 * a) / (N * N))
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('./icon.png', import.meta.url), png)
console.log(`resources/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`)
