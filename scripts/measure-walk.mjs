// Click-to-area time on the map page, in headless Debian Chromium: from a click on the map to the new walking area
// drawn by the map module (the click has gone to the circuit, the page has computed the walk and told the map).
// Prints median and p95.
// Usage: node scripts/measure-walk.mjs BASE_URL CLICKS  (playwright-core is installed by measure-walk.sh)
import { chromium } from 'playwright-core';

const [base, clicksArg] = process.argv.slice(2);
const clicks = Number(clicksArg ?? 20);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  // Start inside the imported street network (the south-east corner of Jing'an), so every click walks on streets.
  await page.goto(`${base}/?lat=31.2304&lng=121.4737`);
  const map = page.locator('[data-testid=map]');
  await page.waitForFunction(() => document.querySelector('[data-testid=map]')?.dataset.area === 'network', null, { timeout: 30000 });
  const box = await map.boundingBox();
  const times = [];
  for (let i = 0; i < clicks; i++) {
    const before = await map.getAttribute('data-area-url');
    // Points on a spiral around the centre, 40-120 px out, so each click is a new origin on the network; a point on a
    // marker or cluster is skipped (clicking it opens the station instead).
    let x, y;
    for (let k = i; ; k += 7) {
      const angle = (k * 137.5 * Math.PI) / 180, radius = 40 + (k % 5) * 20;
      x = box.x + box.width / 2 + Math.cos(angle) * radius;
      y = box.y + box.height / 2 + Math.sin(angle) * radius;
      const free = await page.evaluate(([px, py]) => !document.elementFromPoint(px, py)?.closest('.leaflet-marker-icon, .leaflet-interactive, .marker-cluster'), [x, y]);
      if (free) break;
    }
    // Timed inside the page: from the click event to the moment the map module marks the new area as drawn.
    await page.evaluate(([prev]) => {
      const m = document.querySelector('[data-testid=map]');
      window.__walk = new Promise((resolve) => {
        let start = null;
        document.addEventListener('click', () => { start ??= performance.now(); }, { capture: true, once: true });
        new MutationObserver((_, observer) => {
          if (m.dataset.areaUrl && m.dataset.areaUrl !== prev && m.dataset.area) { observer.disconnect(); resolve(performance.now() - start); }
        }).observe(m, { attributes: true });
      });
    }, [before]);
    await page.mouse.click(x, y);
    times.push(Math.round(await page.evaluate(() => window.__walk)));
    // The map re-fits to the area; put the view back so the next click lands on the same part of the network.
    await page.goto(`${base}/?lat=31.2304&lng=121.4737`);
    await page.waitForFunction(() => document.querySelector('[data-testid=map]')?.dataset.area === 'network', null, { timeout: 30000 });
  }
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  console.log(`click to walking area (network, ${clicks} clicks, 1366x768): median ${pick(0.5)} ms, p95 ${pick(0.95)} ms, min ${times[0]} ms, max ${times.at(-1)} ms`);
} finally {
  await browser.close();
}
