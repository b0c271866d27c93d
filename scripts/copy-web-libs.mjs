// Copies the dist files of the npm front-end libraries into wwwroot/lib (git-ignored).
// Runs as npm's postinstall step, so `npm ci` leaves wwwroot/lib ready for the .NET build.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'wwwroot', 'lib');

const copies = [
  ['node_modules/leaflet/dist/leaflet.js', 'leaflet/leaflet.js'],
  ['node_modules/leaflet/dist/leaflet.css', 'leaflet/leaflet.css'],
  ['node_modules/leaflet/dist/images', 'leaflet/images'],
  ['node_modules/leaflet/LICENSE', 'leaflet/LICENSE'],
  ['node_modules/leaflet.markercluster/dist/leaflet.markercluster.js', 'leaflet.markercluster/leaflet.markercluster.js'],
  ['node_modules/leaflet.markercluster/dist/MarkerCluster.css', 'leaflet.markercluster/MarkerCluster.css'],
  ['node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css', 'leaflet.markercluster/MarkerCluster.Default.css'],
  ['node_modules/leaflet.markercluster/MIT-LICENCE.txt', 'leaflet.markercluster/MIT-LICENCE.txt'],
];

rmSync(lib, { recursive: true, force: true });
for (const [from, to] of copies) {
  const target = join(lib, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(root, from), target, { recursive: true });
}
console.log(`copied ${copies.length} front-end library paths into wwwroot/lib`);

// A character → pinyin table (toneless, most common reading) for English road names, from pinyin-pro.
// Written to data/generated/ (git-ignored) and read by the geocoder; place-name readings are corrected in code.
const require = createRequire(import.meta.url);
const { pinyin } = require('pinyin-pro');
const lines = [];
for (let code = 0x4e00; code <= 0x9fa5; code++) {
  const ch = String.fromCharCode(code);
  const py = pinyin(ch, { toneType: 'none', type: 'array' })[0];
  if (py && /^[a-zü]+$/.test(py)) lines.push(`${ch}\t${py.replace('ü', 'v')}`);
}
mkdirSync(join(root, 'data', 'generated'), { recursive: true });
writeFileSync(join(root, 'data', 'generated', 'pinyin.tsv'), lines.join('\n') + '\n');
console.log(`wrote ${lines.length} pinyin readings into data/generated/pinyin.tsv`);
