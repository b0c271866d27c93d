// A resident's first visit to the map on a phone network, in headless Debian Chromium at 390x844 with CDP network
// throttling (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up; no cache, a new context each run): the time from the start
// of the navigation until the markers are on the map, and until the first tap on the map is answered (its walk drawn;
// then the page's list says how many places are inside). The tap is made as soon as the map can be seen and repeated
// every 250 ms at another point until one is answered, as a person taps again. With several URLs the runs alternate
// (A B A B …), so both see the same machine. With WS=refuse, WebSockets are refused as some proxies do.
// Prints median and p95 per URL. Usage: node measure-phone.mjs RUNS URL [URL …]  (playwright-core from measure-phone.sh)
import { chromium } from 'playwright-core';

const [runsArg, ...urls] = process.argv.slice(2);
const runs = Number(runsArg ?? 10);
const refuse = process.env.WS === 'refuse';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

// In the page, from the start of navigation (performance.now()): when a marker, a drawn walk and the walk's list appear.
const observe = `(() => {
  window.__t = {};
  const seen = () => {
    const t = performance.now();
    if (!window.__t.markers && document.querySelector('.leaflet-marker-icon')) window.__t.markers = t;
    if (!window.__t.map && document.querySelector('.leaflet-container')) window.__t.map = t;
    if (!window.__t.walk && document.querySelector('[data-testid=map][data-area]')) window.__t.walk = t;
    if (!window.__t.list && document.querySelector('[data-testid=walk-summary]')) window.__t.list = t;
  };
  document.addEventListener('click', () => { window.__t.tap ??= performance.now(); }, true);
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function visit(url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  let sockets = 0;
  page.on('websocket', () => sockets++);
  if (refuse) await page.routeWebSocket(/./, (ws) => { sockets++; ws.close(); }); // a refused socket is still counted
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await page.addInitScript(observe);
  const navigation = page.goto(url, { waitUntil: 'commit', timeout: 60000 });
  await navigation;
  // Tap as soon as the map is there, on an empty spot of it (as a person taps the map, not a marker), and again every
  // 250 ms until a tap is answered.
  for (let k = 0; k < 600 && !(await page.evaluate(() => !!window.__t.map)); k++) await page.waitForTimeout(20);
  for (let k = 0; k < 40; k++) {
    if (await page.evaluate(() => !!window.__t.walk)) break;
    const spot = await page.evaluate((k) => {
      const map = document.querySelector('.leaflet-container');
      if (!map) return null; // no map (yet, or at all)
      const box = map.getBoundingClientRect();
      for (let i = 0; i < 60; i++) {
        const a = (k * 7 + i) * 2.4, r = 20 + i * 3;
        const x = box.left + box.width / 2 + Math.cos(a) * r, y = box.top + box.height * 0.4 + Math.sin(a) * r;
        const e = document.elementFromPoint(x, y);
        if (e?.closest('.leaflet-container') && !e.closest('.leaflet-marker-icon, .marker-cluster, .leaflet-control, .map-legend')) return [x, y];
      }
      return null;
    }, k);
    if (spot) await page.mouse.click(spot[0], spot[1]);
    await page.waitForTimeout(250);
  }
  // What never came (within about 20 s of tapping) is reported as not answered.
  await page.waitForFunction(() => window.__t.markers && window.__t.walk && window.__t.list, null, { timeout: 10000 }).catch(() => {});
  const t = await page.evaluate(() => window.__t);
  await context.close();
  return { ...t, sockets };
}

const results = Object.fromEntries(urls.map((u) => [u, []]));
for (let i = 0; i < runs; i++) {
  for (const url of urls) results[url].push(await visit(url));
}
await browser.close();

const pick = (values, q) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; };
for (const url of urls) {
  const r = results[url];
  const line = (name) => {
    const got = r.map((x) => x[name]).filter((v) => v !== undefined);
    const missing = r.length - got.length;
    if (got.length === 0) return `never (${missing} of ${r.length} visits)`;
    return `median ${Math.round(pick(got, 0.5))} ms, p95 ${Math.round(pick(got, 0.95))} ms` + (missing ? `; never in ${missing} of ${r.length} visits` : '');
  };
  console.log(`${url}${refuse ? ' (WebSockets refused)' : ''}, ${runs} cold visits at 390x844, 150 ms / 1.6 Mbit/s / 750 kbit/s:`);
  console.log(`  markers visible: ${line('markers')}`);
  console.log(`  first tap answered (walk drawn): ${line('walk')}`);
  console.log(`  the walk's list on the page: ${line('list')}`);
  console.log(`  (map made: ${line('map')}; first tap made: ${line('tap')})`);
  console.log(`  WebSockets asked for per visit: ${Math.max(...r.map((x) => x.sockets))} at most`);
}
