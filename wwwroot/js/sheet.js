// The bottom sheet of the map page on phones: the station list and details slide over the map in three heights
// (peek, half, full). Tap or press the handle to step through them, or drag it. Plain DOM and event delegation. An
// enhanced navigation merges the server's HTML into the page, which puts the sheet back to "peek": the height the
// resident chose is put back in the same task (nothing is painted in between). On wide screens the sheet is an
// ordinary side panel and the handle is hidden.
import { isPhone } from './layout.js';

const states = ['peek', 'half', 'full'];

let chosen = null; // the state the resident last chose on this page

function set(sheet, state) {
  chosen = state;
  sheet.dataset.sheet = state;
  sheet.style.height = '';
  const handle = sheet.querySelector('[data-sheet-toggle]');
  if (handle) handle.setAttribute('aria-expanded', state === 'peek' ? 'false' : 'true');
  if (state === 'peek') sheet.scrollTop = 0;
}

function next(state) {
  return states[(states.indexOf(state) + 1) % states.length];
}

let drag = null;
let dragged = false;

document.addEventListener('click', (e) => {
  const handle = e.target.closest?.('[data-sheet-toggle]');
  if (!handle) return;
  const sheet = handle.closest('[data-sheet]');
  if (!sheet) return;
  if (dragged) { dragged = false; return; }
  set(sheet, next(sheet.dataset.sheet));
});

document.addEventListener('pointerdown', (e) => {
  const handle = e.target.closest?.('[data-sheet-toggle]');
  if (!handle || !isPhone()) return;
  const sheet = handle.closest('[data-sheet]');
  drag = { sheet, y: e.clientY, height: sheet.getBoundingClientRect().height, max: sheet.parentElement.getBoundingClientRect().height };
  dragged = false;
});

document.addEventListener('pointermove', (e) => {
  if (!drag) return;
  const dy = e.clientY - drag.y;
  if (!dragged && Math.abs(dy) < 8) return;
  dragged = true;
  drag.sheet.classList.add('dragging');
  drag.sheet.style.height = `${Math.max(48, Math.min(drag.max, drag.height - dy))}px`;
});

document.addEventListener('pointerup', () => {
  if (!drag) return;
  const { sheet, max } = drag;
  drag = null;
  sheet.classList.remove('dragging');
  if (!dragged) return;
  const height = sheet.getBoundingClientRect().height;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const heights = { peek: 10 * rem, half: 0.55 * max, full: max };
  const nearest = states.reduce((a, b) => (Math.abs(heights[b] - height) < Math.abs(heights[a] - height) ? b : a));
  set(sheet, nearest);
});

// Typing in the search box or tabbing into the list at peek height raises the sheet so the results can be seen.
document.addEventListener('focusin', (e) => {
  // Only controls a person moved to: the page's own focus on its heading after navigation does not count.
  if (!e.target.matches?.('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')) return;
  // Only focus the browser shows (the keyboard, or a text field): a link or button pressed by a finger is focused on the
  // press, and raising the sheet then would move it away before the release, losing the tap.
  if (!e.target.matches(':focus-visible')) return;
  const sheet = e.target.closest('[data-sheet="peek"]');
  if (sheet && isPhone() && !e.target.closest('[data-sheet-toggle]')) set(sheet, 'half');
});

// A tapped marker (see map.js) shows its details at the top of the sheet.
document.addEventListener('lsm:marker', (e) => {
  const page = e.target.closest?.('.map-page');
  const sheet = page?.querySelector('[data-sheet]');
  if (!sheet || !isPhone()) return;
  if (sheet.dataset.sheet === 'peek') set(sheet, 'half');
  sheet.scrollTop = 0;
});

// "Show on map" from the list: lower the sheet so the marker can be seen.
document.addEventListener('lsm:focus', (e) => {
  const sheet = e.target.closest?.('.map-page')?.querySelector('[data-sheet]');
  if (sheet && isPhone()) set(sheet, 'peek');
});

// A new address of the same page (a tap, a filter): the sheet stays where it was; another page starts at "peek".
let path = location.pathname;
document.addEventListener('lsm:enhancedload', () => {
  const sheet = document.querySelector('[data-sheet]');
  if (location.pathname !== path) chosen = null;
  path = location.pathname;
  if (sheet && chosen && sheet.dataset.sheet !== chosen) {
    const scroll = sheet.scrollTop;
    set(sheet, chosen);
    sheet.scrollTop = scroll;
  }
});
