// The resident pages' script (loaded as a module at the end of each server-rendered page, before Blazor starts).
// - Maps: every [data-map] frame (Components/Map/MapFrame.razor) gets a Leaflet map from js/map.js, made as soon as the
//   page is parsed, and follows the frame's state after each enhanced navigation (the frame is data-permanent, so its
//   map stays while its attributes change). A tap on an interactive map draws the walk from there at once (the same URL
//   the server will name) and moves the page to the tap's address, where the server lists what is inside.
// - Forms with data-autosubmit (GET): a change goes to the form's address at once, written canonically (no empty or
//   default values, a repeated name joined with commas), replacing the history entry.
// - Links with data-replace replace the history entry instead of adding one ("close", "clear", "show all").
// - Offline: a service worker (../sw.js) keeps what the resident read; the banner shows while the network is gone; a form
//   is not "sent" offline (its draft stays, js/drafts.js).
// Navigation goes through Blazor's enhanced navigation (fetch + DOM merge, no WebSocket) once blazor.web.js has
// started, else (not loaded, blocked) as a plain page load. Nothing here needs a connection to the server beyond HTTP.
import { createMap, devicePosition } from './map.js';

const mounted = new Map(); // frame element → { key, host, map, shown }
let started = false;
let pending = null;

function markScript() {
  // The server's HTML has no such class, and an enhanced navigation resets <html>'s attributes: set it again each time.
  document.documentElement.classList.add('lsm-script');
}

/** Goes to an address of this site: enhanced navigation once Blazor has started, else a plain load (after a short wait). */
function navigate(href, replace) {
  const url = new URL(href, document.baseURI).toString();
  if (started && window.Blazor?.navigateTo) {
    window.Blazor.navigateTo(url, { replaceHistoryEntry: !!replace });
    return;
  }
  pending = { url, replace };
  setTimeout(() => {
    if (pending?.url !== url) return;
    pending = null;
    if (replace) location.replace(url); else location.assign(url);
  }, 3000);
}

function onStarted() {
  started = true;
  if (pending) {
    const { url, replace } = pending;
    pending = null;
    navigate(url, replace);
  }
}
document.addEventListener('lsm:started', onStarted);
if (document.lsmStarted) onStarted();

// ── Maps ────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A point as the address writes it (Features/Map/MapState.Format: 7 decimals, no trailing zeros). */
const coordinate = (x) => String(Number(x.toFixed(7)));

/** A query value as the server writes it (MapState.Escape: RFC 3986, but a comma and a colon as they are). */
const encodeValue = (value) => encodeURIComponent(value)
  .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  .replace(/%2C/g, ',').replace(/%3A/g, ':');
const queryString = (entries) => (entries.length ? `?${entries.map(([k, v]) => `${encodeValue(k)}=${encodeValue(v)}`).join('&')}` : '');

/** This page's address with some parameters set (in place) or removed (null). */
function withParameters(changes) {
  const entries = [...new URLSearchParams(location.search)];
  for (const [name, value] of Object.entries(changes)) {
    const at = entries.findIndex(([k]) => k === name);
    if (value === null || value === undefined) { if (at >= 0) entries.splice(at, 1); }
    else if (at >= 0) entries[at] = [name, value];
    else entries.push([name, value]);
  }
  return location.pathname + queryString(entries);
}

function walkFrom(c, lat, lng) {
  if (!c.state.walkTemplate) return;
  const [la, ln] = [coordinate(lat), coordinate(lng)];
  const url = c.state.walkTemplate.replace('{lat}', la).replace('{lng}', ln);
  c.shown.overlay = url;
  c.shown.reference = `${Number(la)},${Number(ln)}`;
  c.map.setOverlay(url, Number(la), Number(ln)).catch(() => { /* offline: the page says so */ });
  navigate(withParameters({ lat: la, lng: ln, coord: null }), false);
}

function mount(frame) {
  let state;
  try { state = JSON.parse(frame.dataset.map); } catch { return; }
  let c = mounted.get(frame);
  if (c && c.key !== state.key) {
    c.map.dispose();
    c.host.remove();
    c = null;
  }
  if (!c) {
    const host = document.createElement('div');
    host.className = 'leaflet-host';
    // Inline, so the map fills its frame even when it is made in the moment an enhanced navigation swaps stylesheets.
    host.style.cssText = 'position:absolute;inset:0';
    host.setAttribute('role', 'region');
    host.dataset.testid = 'map';
    frame.prepend(host);
    c = { key: state.key, host, shown: {}, state };
    const callbacks = {
      OnMapClicked: (lat, lng) => walkFrom(c, lat, lng),
      OnMarkerClicked: (id) => { if (c.state.walkTemplate) navigate(withParameters({ station: id }), false); },
    };
    c.map = createMap(host, state.settings, state.settings.interactive ? callbacks : null);
    mounted.set(frame, c);
  }
  c.state = state;
  c.host.setAttribute('aria-label', state.ariaLabel);
  apply(c);
}

function apply(c) {
  const { state, shown, map } = c;
  if (shown.stations !== state.stations) {
    shown.stations = state.stations;
    c.data = state.stations ? map.setData(state.stations).catch(() => 0) : Promise.resolve(0);
    // A station asked for in the address (?station=, e.g. by the host app) is shown once the markers are drawn; a tapped
    // marker is already in view, and its details open in the panel.
    const focus = state.focus;
    if (focus) c.data.then(() => { if (c.state.focus === focus) map.focusStation(focus); });
  }
  const reference = state.reference ? `${state.reference[0]},${state.reference[1]}` : null;
  if (shown.overlay !== (state.overlay ?? null) || shown.reference !== reference) {
    shown.overlay = state.overlay ?? null;
    shown.reference = reference;
    map.setOverlay(state.overlay ?? null, state.reference?.[0] ?? null, state.reference?.[1] ?? null).catch(() => null);
  }
}

function sync() {
  markScript();
  for (const frame of document.querySelectorAll('[data-map]')) mount(frame);
  for (const [frame, c] of mounted) {
    if (!frame.isConnected) {
      c.map.dispose();
      mounted.delete(frame);
    }
  }
}

// ── Forms and links ─────────────────────────────────────────────────────────────────────────────────────────────────

/** The form's address: no empty or default values, a repeated name joined with commas, data-requires honoured. */
export function formAddress(form) {
  const values = new Map();
  const data = new FormData(form);
  const checked = (name, value) => data.getAll(name).includes(value);
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button') continue;
    if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
    const value = (el.value ?? '').trim();
    if (value === '') continue;
    if (el.type === 'checkbox' || el.type === 'radio' ? el.hasAttribute('data-default') : el.dataset.default === value) continue;
    const requires = el.dataset.requires?.split('=');
    if (requires && !checked(requires[0], requires[1])) continue;
    // A control that only says how to read another ("leave now or at a time") is not part of the address.
    if (el.hasAttribute('data-form-only')) continue;
    values.set(el.name, values.has(el.name) ? `${values.get(el.name)},${value}` : value);
  }
  // In the order the server writes them (data-order), so one state has one address.
  const order = (form.dataset.order ?? '').split(' ');
  const rank = (name) => (order.includes(name) ? order.indexOf(name) : order.length);
  const action = new URL(form.getAttribute('action') || location.pathname, document.baseURI);
  return action.pathname + queryString([...values].sort((a, b) => rank(a[0]) - rank(b[0])));
}

document.addEventListener('change', (e) => {
  const el = e.target;
  if (!(el instanceof HTMLElement) || el.type === 'search' || el.type === 'text') return;
  const form = el.form;
  if (form?.hasAttribute('data-autosubmit')) form.requestSubmit();
});

document.addEventListener('submit', (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-autosubmit') || form.method !== 'get') return;
  e.preventDefault();
  navigate(formAddress(form), true);
}, true);

document.addEventListener('click', (e) => {
  if (!(e.target instanceof Element) || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = e.target.closest('a[data-replace]');
  if (link) {
    e.preventDefault();
    e.stopPropagation();
    navigate(link.href, true);
    return;
  }
  const focus = e.target.closest('[data-focus]');
  if (focus) {
    const c = [...mounted.values()].find((m) => m.state.walkTemplate);
    c?.map.focusStation(focus.dataset.focus);
    return;
  }
  const here = e.target.closest('[data-locate-here]');
  if (here) {
    // /help: "use my location" fills the form's point and sends it (the typed place, if any, is not needed then).
    const form = here.closest('form');
    devicePosition().then((p) => {
      if (!p) { form.querySelector('[data-locate-failed]')?.removeAttribute('hidden'); return; }
      for (const [name, value] of [['lat', p.latitude], ['lng', p.longitude]]) {
        const input = form.querySelector(`[data-${name}]`);
        input.value = value.toFixed(7);
        input.disabled = false;
      }
      form.querySelector('[name=where]').disabled = true;
      form.requestSubmit();
    });
    return;
  }
  if (e.target.closest('[data-locate]')) {
    const c = [...mounted.values()].find((m) => m.state.walkTemplate);
    if (!c) return;
    c.map.locate().then((p) => {
      if (p) walkFrom(c, p.latitude, p.longitude);
      else document.querySelector('[data-locate-failed]')?.removeAttribute('hidden');
    });
  }
}, true);

// ── Offline ────────────────────────────────────────────────────────────────────────────────────────────────────────

let bannerByEvent = false;
function showOffline(offline) {
  const banner = document.querySelector('[data-offline-banner]');
  if (!banner) return;
  if (offline && banner.hidden) { banner.hidden = false; bannerByEvent = true; }
  else if (!offline && bannerByEvent) { banner.hidden = true; bannerByEvent = false; }
}
window.addEventListener('offline', () => showOffline(true));
window.addEventListener('online', () => showOffline(false));

// A form that would post while there is no network: not sent, and said so (its draft stays in this browser).
document.addEventListener('submit', (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || form.method !== 'post' || navigator.onLine) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  form.querySelector('[data-offline-unsent]')?.removeAttribute('hidden');
}, true);

async function keepForOffline() {
  if (!('serviceWorker' in navigator)) return;
  try {
    await navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: new URL('.', document.baseURI).pathname });
    const ready = await navigator.serviceWorker.ready;
    // What this first visit loaded before the worker ran: this page, its scripts, styles and map data.
    const urls = [location.href, ...performance.getEntriesByType('resource').map((r) => r.name)];
    navigator.serviceWorker.addEventListener('message', (e) => {
      if (e.data?.type === 'kept') document.documentElement.dataset.offlineReady = 'true';
    });
    ready.active?.postMessage({ type: 'keep', urls });
  } catch { /* no service worker (e.g. a webview without one): online only */ }
}

// ── Start ──────────────────────────────────────────────────────────────────────────────────────────────────────────

// Another page (not another address of this one): its heading takes the focus, as after a full load a screen reader
// starts at the top; a filter or a tap keeps the focus where the resident is.
let path = location.pathname;
document.addEventListener('lsm:enhancedload', () => {
  sync();
  if (!navigator.onLine) showOffline(true);
  if (location.pathname !== path) {
    const heading = document.querySelector('main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
  path = location.pathname;
});
sync();
if (!navigator.onLine) showOffline(true);
keepForOffline();
