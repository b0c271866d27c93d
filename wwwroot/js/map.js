// The app's one Leaflet module. Each createMap() call returns an object that owns its map; nothing is kept
// in module or window globals (a page can hold several maps, and they must not share state). It is driven by
// js/resident.js on the server-rendered resident pages and by Components/Map/MapInterop.cs on the staff pages.
// Leaflet and leaflet.markercluster are loaded as classic scripts (from npm, copied to wwwroot/lib) and used via L.
import { isPhone } from './layout.js';

// WGS-84 ↔ GCJ-02, the standard formulas (Krasovsky a = 6378245.0, ee = 0.00669342162296594323), as in
// LegalServiceMap.Core.Geo.ChinaCoordinates. Used only when the tiles are in GCJ-02 (e.g. Amap): data stays WGS-84.
const A = 6378245.0;
const EE = 0.00669342162296594323;
const inChina = (lat, lng) => lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
function delta(lat, lng) {
  const x = lng - 105.0, y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  dLat += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
  dLat += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  dLng += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
  dLng += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
  const radLat = lat / 180.0 * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
  dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
  return [dLat, dLng];
}
export function wgsToGcj(lat, lng) {
  if (!inChina(lat, lng)) return [lat, lng];
  const [dLat, dLng] = delta(lat, lng);
  return [lat + dLat, lng + dLng];
}
export function gcjToWgs(lat, lng) {
  if (!inChina(lat, lng)) return [lat, lng];
  let wLat = lat, wLng = lng;
  for (let i = 0; i < 30; i++) {
    const [gLat, gLng] = wgsToGcj(wLat, wLng);
    const eLat = gLat - lat, eLng = gLng - lng;
    wLat -= eLat;
    wLng -= eLng;
    if (Math.abs(eLat) < 1e-9 && Math.abs(eLng) < 1e-9) break;
  }
  return [wLat, wLng];
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function markerIcon(L, props, glyphs) {
  const approximate = !!props.approximate;
  const html = el('span', 'lsm-marker-glyph', glyphs?.[props.type] ?? '•');
  html.setAttribute('aria-hidden', 'true');
  return L.divIcon({
    className: `lsm-marker lsm-type-${props.type}${approximate ? ' lsm-approx' : ''}`,
    html: html.outerHTML,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
  });
}

// Popups are built from DOM nodes with textContent: station text is data and is never parsed as HTML.
function popupContent(props, texts) {
  const root = el('div', 'lsm-popup');
  root.append(el('strong', 'lsm-popup-name', props.name));
  root.append(el('div', 'lsm-popup-type', props.typeName));
  if (props.address) root.append(el('div', 'lsm-popup-address', props.address));
  if (props.approximate) root.append(el('div', 'lsm-popup-flag', texts.approximate));
  if (!props.verified) root.append(el('div', 'lsm-popup-flag', texts.unverified));
  if (props.phone) {
    const tel = el('a', 'lsm-popup-tel', `${texts.call} ${props.phone}`);
    tel.href = `tel:${props.phone.replace(/[^0-9+]/g, '')}`;
    root.append(tel);
  }
  const link = el('a', 'lsm-popup-link', texts.details);
  link.href = props.url;
  root.append(link);
  return root;
}

// settings: Components/Map/MapSettings.cs. callbacks: a .NET object reference (its [JSInvokable] methods) or a plain object
// with the same methods (OnMapClicked(lat, lng), OnMoveEnded(lat, lng), OnMarkerClicked(id), PinMoved(lat, lng)); or null.
export function createMap(element, settings, callbacks) {
  if (!element?.isConnected) return null; // the page was left before the map could be made
  const L = window.L;
  // Data is WGS-84. With GCJ-02 tiles, everything drawn is shifted to GCJ-02 and clicks are shifted back.
  const gcj = settings.tileCoordinateSystem === 'gcj02';
  const show = (lat, lng) => (gcj ? wgsToGcj(lat, lng) : [lat, lng]);
  const read = (latlng) => (gcj ? gcjToWgs(latlng.lat, latlng.lng) : [latlng.lat, latlng.lng]);
  const map = L.map(element, {
    center: show(settings.latitude, settings.longitude),
    zoom: settings.zoom,
    maxZoom: settings.maxZoom,
    minZoom: 3,
    zoomControl: settings.interactive,
    dragging: settings.interactive,
    scrollWheelZoom: settings.interactive,
    doubleClickZoom: settings.interactive,
    touchZoom: settings.interactive,
    keyboard: settings.interactive,
  });
  // The base map (Setup/MapOptions.cs: none, OpenStreetMap, Tianditu with its label layer, Amap, or custom tiles).
  const tiles = settings.tiles ?? [];
  tiles.forEach((t, i) => L.tileLayer(t.url, {
    subdomains: t.subdomains || 'abc',
    maxNativeZoom: t.maxNativeZoom,
    maxZoom: settings.maxZoom,
    attribution: i === 0 ? settings.attribution : undefined,
  }).addTo(map));
  if (tiles.length === 0) map.attributionControl.addAttribution(settings.attribution);

  const layer = settings.cluster && L.markerClusterGroup
    ? L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true })
    : L.featureGroup();
  layer.addTo(map);

  // Leaflet measures its container once; a container that changes size (a phone turned, a page's layout settling) is
  // measured again.
  const resize = new ResizeObserver(() => map.invalidateSize({ animate: false }));
  resize.observe(element);

  const markers = new Map();
  let reference = null;
  let area = null;
  let areaRequest = null;
  let pin = null;
  let pending = null;
  let disposed = false;
  let focusing = 0; // counts "show on map" requests and marker taps (see focusStation)

  // Markers inside the current walk stay as they are; the others fade (null: no walk, all as they are).
  let inside = null;
  function markInside(ids) {
    inside = ids;
    let count = 0;
    for (const [id, marker] of markers) {
      const within = !ids || ids.has(id);
      if (ids && within) count++;
      marker.setOpacity(within ? 1 : 0.4);
    }
    if (ids) element.dataset.insideCount = String(count); else delete element.dataset.insideCount;
  }

  const call = (method, ...args) => {
    if (!callbacks || disposed) return;
    if (typeof callbacks.invokeMethodAsync === 'function') callbacks.invokeMethodAsync(method, ...args).catch(() => { /* circuit gone */ });
    else callbacks[method]?.(...args);
  };
  if (callbacks) {
    map.on('click', (e) => call('OnMapClicked', ...read(e.latlng)));
    map.on('moveend', () => call('OnMoveEnded', ...read(map.getCenter())));
  }

  async function setData(url) {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    let data;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/geo+json, application/json' } });
      if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
      data = await response.json();
    } catch (e) {
      if (e.name === 'AbortError') return -1; // superseded by a newer request
      throw e;
    }
    if (disposed || controller.signal.aborted) return 0;
    const features = data.type === 'Feature' ? [data] : (data.features ?? []);
    const created = [];
    layer.clearLayers();
    markers.clear();
    for (const f of features) {
      if (!f.geometry || f.geometry.type !== 'Point') continue;
      const [lng, lat] = f.geometry.coordinates;
      const props = f.properties;
      const title = props.approximate ? `${props.name} (${settings.texts.approximate})` : props.name;
      const marker = L.marker(show(lat, lng), { icon: markerIcon(L, props, settings.glyphs), title, alt: title, keyboard: true, riseOnHover: true });
      marker.bindPopup(() => popupContent(props, settings.texts));
      marker.on('click', () => {
        focusing += 1; // a popup still to open for an earlier "show on map" stays closed
        // On a phone the details open in the bottom sheet (sheet.js), not in a popup over the small map.
        if (isPhone()) {
          marker.closePopup();
          element.dispatchEvent(new CustomEvent('lsm:marker', { bubbles: true, detail: props.id }));
        }
        call('OnMarkerClicked', props.id);
      });
      markers.set(props.id, marker);
      created.push(marker);
    }
    layer.addLayers ? layer.addLayers(created) : created.forEach((m) => layer.addLayer(m));
    element.dataset.markerCount = String(created.length);
    markInside(inside);
    if (!settings.interactive && created.length === 1) {
      map.setView(created[0].getLatLng(), settings.zoom);
    }
    return created.length;
  }

  return {
    setData,
    // Draws what lies over the markers, in one call: the point a walk starts from (lat/lng, or null) and the layer of a
    // GeoJSON URL (or null): a walking area from /api/isochrone, whose station features tell the markers inside the walk
    // from those outside; a walking route (style "route"); uncovered parts of the district (style "gap").
    // Returns the method of the layer drawn ("network", "circle"…), or null.
    async setOverlay(url, lat, lng) {
      reference?.remove();
      reference = null;
      if (lat !== null && lng !== null && lat !== undefined && lng !== undefined) {
        reference = L.circleMarker(show(lat, lng), { radius: 8, color: '#0b3d91', weight: 3, fillColor: '#ffffff', fillOpacity: 1 })
          .bindTooltip(settings.texts.reference)
          .addTo(map);
      }
      areaRequest?.abort();
      area?.remove();
      area = null;
      markInside(null);
      if (!url) {
        delete element.dataset.area;
        delete element.dataset.areaUrl;
        return null;
      }
      const controller = new AbortController();
      areaRequest = controller;
      try {
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/geo+json, application/json' } });
        if (!response.ok) return null;
        const data = await response.json();
        if (disposed || controller.signal.aborted) return null;
        const approximate = !!data.approximate;
        const gap = data.style === 'gap'; // uncovered parts of the district: red, hatched by its dashes
        const route = data.style === 'route'; // a walking route: a thick line, dashed when estimated
        area = L.geoJSON(data.features.filter((f) => f.properties?.kind === (route ? 'route' : 'area')), {
          interactive: false,
          coordsToLatLng: (c) => L.latLng(...show(c[1], c[0])),
          style: route
            ? { color: '#b3261e', weight: 5, opacity: 0.85, dashArray: approximate ? '10 8' : null }
            : {
              color: gap ? '#b3261e' : approximate ? '#7a4a00' : '#0b3d91',
              weight: gap ? 1 : 2,
              dashArray: approximate ? '6 6' : null,
              fillColor: gap ? '#e5484d' : approximate ? '#f2b84b' : '#3d7be0',
              fillOpacity: gap ? 0.3 : 0.18,
            },
        }).addTo(map);
        if (!area.getLayers().length) return data.method;
        area.bringToBack();
        if (!gap && !route) {
          markInside(new Set(data.features.filter((f) => f.properties?.kind === 'station').map((f) => f.properties.id)));
        }
        element.dataset.area = data.method;
        element.dataset.areaUrl = url;
        if (settings.interactive) map.fitBounds(area.getBounds(), { padding: [20, 20], maxZoom: 16, animate: false });
        return data.method;
      } catch (e) {
        if (e.name === 'AbortError') return null;
        throw e;
      }
    },
    // The device's position (WGS-84, as browsers report it), or null when refused or unavailable.
    locate() {
      return devicePosition();
    },
    // A pin staff can drag to correct a station's position; its new position (WGS-84) is reported on drop.
    setPin(lat, lng, draggable) {
      if (lat === null || lng === null || lat === undefined || lng === undefined) {
        pin?.remove();
        pin = null;
        return;
      }
      if (!pin) {
        pin = L.marker(show(lat, lng), { draggable: !!draggable, keyboard: true, title: settings.texts.pin ?? '', autoPan: true }).addTo(map);
        pin.on('dragend', () => call('PinMoved', ...read(pin.getLatLng())));
      } else {
        pin.setLatLng(show(lat, lng));
      }
      map.setView(show(lat, lng), Math.max(map.getZoom(), 16), { animate: false });
    },
    focusStation(id) {
      const marker = markers.get(id);
      if (!marker) return;
      element.dataset.focused = id; // which station the map last showed (tests wait for it)
      element.dispatchEvent(new CustomEvent('lsm:focus', { bubbles: true, detail: id })); // a phone's sheet drops to show the map
      // The popup opens once the cluster has zoomed apart, unless a marker was tapped (or another station shown) since.
      const token = ++focusing;
      const open = () => { if (!disposed && token === focusing) marker.openPopup(); };
      if (layer.zoomToShowLayer) layer.zoomToShowLayer(marker, open);
      else { map.setView(marker.getLatLng(), Math.max(map.getZoom(), 16)); open(); }
    },
    dispose() {
      disposed = true;
      resize.disconnect();
      pending?.abort();
      areaRequest?.abort();
      pin?.off();
      map.off();
      map.remove();
      markers.clear();
    },
  };
}

/** The device's position (WGS-84, as browsers report it), or null when refused or unavailable. */
export function devicePosition() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) { resolve(null); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  });
}
