// Builds the Node's built-in IP-to-country table (src/Masq.Node/Neighborhood/Countries/ip-country.bin.br)
// from the DB-IP Lite country CSVs shipped by the npm package @ip-location-db/dbip-country, and the English
// country names from the npm package countries-list. Run through generate.sh, which installs both packages
// (pinned versions) into a temporary folder and passes its node_modules here.
//
// usage: node generate.mjs <node_modules dir> <output file>
//
// File format (version 1); integers little-endian; "varint" is unsigned LEB128:
//   "MIPC" magic (4 bytes), u8 version = 1, u32 length of the decompressed payload   (not compressed)
//   the payload, Brotli-compressed:
//     u8 sourceLength, sourceLength ASCII bytes      where the data came from (package name@version)
//     u8 countryCount (K)                             then K entries sorted by code:
//         2 ASCII bytes code, u8 nameLength, nameLength UTF-8 bytes English name
//     IPv4: u32 entryCount (N)
//           N varints: start of entry i minus start of entry i-1 (entry 0: its start, always 0)
//           N bytes: country index of entry i (0 = no country; k = the k-th country above, 1-based)
//     IPv6: u32 entryCount (N)
//           N pairs of varints: (high 64 bits of start i) minus (high 64 bits of start i-1), low 64 bits of start i
//           N bytes: country index of entry i, as for IPv4
// Entries tile the whole address space: entry i covers [start i, start i+1 - 1]; the last one runs to the top.
// Gaps in the source become entries with index 0; neighbouring entries of the same index are merged.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [, , modulesDir, outFile] = process.argv;
if (!modulesDir || !outFile) {
  console.error('usage: node generate.mjs <node_modules dir> <output file>');
  process.exit(2);
}

const dbipDir = path.join(modulesDir, '@ip-location-db', 'dbip-country');
const dbipVersion = JSON.parse(fs.readFileSync(path.join(dbipDir, 'package.json'), 'utf8')).version;
const countries = JSON.parse(
  fs.readFileSync(path.join(modulesDir, 'countries-list', 'countries.min.json'), 'utf8'));

const codes = Object.keys(countries).sort();
if (codes.length > 255) throw new Error(`too many countries: ${codes.length}`);
const indexOf = new Map(codes.map((code, i) => [code, i + 1]));

function readRanges(file) {
  const ranges = [];
  for (const line of fs.readFileSync(path.join(dbipDir, file), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const [start, end, code] = line.trim().split(',');
    const index = indexOf.get(code);
    if (index === undefined) throw new Error(`${file}: country ${code} has no name in countries-list`);
    ranges.push({ start: BigInt(start), end: BigInt(end), index });
  }
  return ranges;
}

function tile(ranges, max) {
  const entries = [];
  const push = (start, index) => {
    if (entries.length > 0 && entries[entries.length - 1].index === index) return;
    entries.push({ start, index });
  };
  let next = 0n;
  for (const r of ranges) {
    if (r.start < next || r.end < r.start) throw new Error(`ranges overlap or are unsorted at ${r.start}`);
    if (r.start > next) push(next, 0);
    push(r.start, r.index);
    next = r.end + 1n;
  }
  if (next <= max) push(next, 0);
  return entries;
}

const chunks = [];
const u8 = (v) => chunks.push(Buffer.from([v]));
const u32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); chunks.push(b); };
const varint = (v) => {
  const bytes = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0n);
  chunks.push(Buffer.from(bytes));
};

const source = `@ip-location-db/dbip-country@${dbipVersion}`;
u8(source.length);
chunks.push(Buffer.from(source, 'ascii'));
u8(codes.length);
for (const code of codes) {
  const name = Buffer.from(countries[code].name, 'utf8');
  if (name.length > 255) throw new Error(`name of ${code} too long`);
  chunks.push(Buffer.from(code, 'ascii'));
  u8(name.length);
  chunks.push(name);
}

const stats = [];
const families = [
  ['dbip-country-ipv4-num.csv', (1n << 32n) - 1n, (entries) => {
    let previous = 0n;
    for (const e of entries) {
      varint(e.start - previous);
      previous = e.start;
    }
  }],
  ['dbip-country-ipv6-num.csv', (1n << 128n) - 1n, (entries) => {
    const low = (1n << 64n) - 1n;
    let previousHigh = 0n;
    for (const e of entries) {
      const high = e.start >> 64n;
      varint(high - previousHigh);
      varint(e.start & low);
      previousHigh = high;
    }
  }],
];
for (const [file, max, writeStarts] of families) {
  const entries = tile(readRanges(file), max);
  u32(entries.length);
  writeStarts(entries);
  chunks.push(Buffer.from(entries.map((e) => e.index)));
  stats.push(`${file}: ${entries.length} entries`);
}

const payload = Buffer.concat(chunks);
const compressed = zlib.brotliCompressSync(payload, {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: payload.length,
  },
});
const header = Buffer.alloc(9);
header.write('MIPC', 0, 'ascii');
header.writeUInt8(1, 4);
header.writeUInt32LE(payload.length, 5);
fs.writeFileSync(outFile, Buffer.concat([header, compressed]));
console.log(`${source}; ${codes.length} country names; ${stats.join('; ')}`);
console.log(`payload ${payload.length} bytes, file ${header.length + compressed.length} bytes -> ${outFile}`);
