// What every view shares: the signed-in session (an HttpOnly cookie the page never sees, plus the
// session's CSRF token for requests that change data), API calls with readable errors, the map
// with hotbeat's own street basemap and attributions, the loading indicator, PNG export and the
// hooks the browser tests wait on. No token ever goes into a URL or into storage.
import * as maplibregl from '/vendor/maplibre-gl/maplibre-gl.mjs';
import { streetLayers, streetSource } from './streets.js';

export { maplibregl };

// The session's CSRF token, from GET /api/session; sent with every request that changes data.
let csrfToken = null;

/** An API failure with a sentence a person can act on. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

export const SERVER_DOWN = 'The hotbeat server cannot be reached. Is it running? '
  + 'The map will work again once it is back; reload the page.';

/**
 * Fetches JSON (or, with as: 'blob'/'text', the body) and turns failures into ApiErrors. With
 * auth: false the request carries no session cookie (public data, the same for everyone).
 */
export async function api(path, { method = 'GET', body, as = 'json', auth = true } = {}) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res;
  try {
    res = await fetch(path, { method, headers, credentials: auth ? 'same-origin' : 'omit',
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(SERVER_DOWN, 0);
  }
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    const fields = (problem.errors || []).map((e) => `${e.field || e.name || ''} ${e.message || e.detail || ''}`.trim());
    let message = problem.detail || problem.title || `${res.status} ${res.statusText}`;
    if (res.status === 401 && !problem.detail) message = 'You are not signed in, or your session has ended: sign in again.';
    if (res.status === 503) message = 'The hotbeat server is up but its database is not; try again in a moment.';
    if (res.status >= 500 && res.status !== 503) message = `The server failed (${problem.detail || res.status}).`;
    throw new ApiError(fields.length ? `${message}: ${fields.join('; ')}` : message, res.status);
  }
  if (as === 'blob') return res.blob();
  if (as === 'text') return res.text();
  return res.json();
}

/** Who the caller is: {authenticated, name, role}; keeps the session's CSRF token. */
export async function session() {
  const s = await api('/api/session');
  csrfToken = s.csrfToken || null;
  const link = document.getElementById('signin');
  const out = document.getElementById('signout');
  if (link && out) {
    link.hidden = s.authenticated;
    out.hidden = !s.authenticated;
  }
  return s;
}

export const canSeePoints = (s) => s.role === 'analyst' || s.role === 'admin';
export const canPlanPatrols = (s) => ['patrol', 'analyst', 'admin'].includes(s.role);

/** Writes a message into the page's status line (role="status", read out by screen readers). */
export function show(message, isError = false) {
  const status = document.getElementById('status');
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/**
 * A map over the street basemap. Tiles under the paths in `signed` carry the session cookie (the
 * analyst's heat is finer than the public one); nothing else does, so a public map looks the same
 * to everyone.
 */
export function createMap(container, { signed = [], ...options } = {}) {
  const map = new maplibregl.Map({
    container,
    style: { version: 8, sources: { streets: streetSource }, layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } },
      ...streetLayers] },
    center: [-87.6298, 41.8781],
    zoom: 13,
    attributionControl: { compact: false },
    // Lets the canvas be read back for PNG export after it is drawn.
    canvasContextAttributes: { preserveDrawingBuffer: true },
    transformRequest: (url) => ({ url,
      credentials: signed.some((p) => new URL(url, location.href).pathname.startsWith(p)) ? 'same-origin' : 'omit' }),
    ...options,
  });
  if (options.interactive !== false) map.addControl(new maplibregl.NavigationControl(), 'top-right');
  return map;
}

/** Shows `element` while any of `maps` has been loading tiles for more than 0.3 s; tile errors too. */
export function loadingIndicator(maps, element) {
  // Polled rather than driven by events: a source that swaps its TileJSON starts its tiles later
  // than its first 'dataloading' event, and a poll of a few flags is cheap.
  const busy = () => maps.some((m) => !m.areTilesLoaded() || !m.isStyleLoaded());
  let since = null;
  setInterval(() => {
    if (!busy()) {
      since = null;
      element.hidden = true;
    } else if (since === null) {
      since = performance.now();
    } else if (performance.now() - since > 300) {
      element.hidden = false;
    }
  }, 100);
  maps.forEach((m) => {
    m.on('idle', () => {
      since = null;
      element.hidden = true;
    });
    m.on('error', (e) => {
      const status = e.error && e.error.status;
      if (status === 0 || (e.error && /Failed to fetch|NetworkError/.test(e.error.message))) show(SERVER_DOWN, true);
    });
  });
}

/** Beat outlines (public) on `map`; returns the GeoJSON and fits the map to it. */
export async function addBeats(map, beats) {
  map.addSource('beats', { type: 'geojson', data: beats });
  map.addLayer({ id: 'beats', type: 'line', source: 'beats',
    paint: { 'line-color': '#1b2a3a', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
  fitTo(map, beats);
}

export function fitTo(map, geojson, padding = 30) {
  const bounds = new maplibregl.LngLatBounds();
  const extend = (c) => (typeof c[0] === 'number' ? bounds.extend(c) : c.forEach(extend));
  (geojson.features || [geojson]).forEach((f) => f.geometry && extend(f.geometry.coordinates));
  if (!bounds.isEmpty()) map.fitBounds(bounds, { padding, duration: 0 });
}

/**
 * Saves what is on screen as a PNG: each map's canvas side by side with its caption, a title
 * line, the legend text and the attributions, so a slide credits its sources.
 */
export function exportPng(panels, { title, legend = [], file = 'hotbeat-map.png' }) {
  const scale = window.devicePixelRatio || 1;
  const canvases = panels.map((p) => p.map.getCanvas());
  const width = canvases.reduce((w, c) => w + c.width, 0);
  const height = Math.max(...canvases.map((c) => c.height));
  const head = 48 * scale;
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${14 * scale}px system-ui, sans-serif`;
  const credits = [...new Set(panels.flatMap((p) => attributions(p.map)))].join(' · ');
  const lines = [...legend, credits].flatMap((l) => wrap(measure, l, width - 24 * scale));
  const foot = (24 + 20 * lines.length) * scale;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height + head + foot;
  const g = out.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.fillStyle = '#1b2a3a';
  g.font = `bold ${22 * scale}px system-ui, sans-serif`;
  g.fillText(title, 12 * scale, 32 * scale);
  let x = 0;
  panels.forEach((p, i) => {
    g.drawImage(canvases[i], x, head);
    if (p.caption) {
      g.font = `bold ${16 * scale}px system-ui, sans-serif`;
      g.fillStyle = 'rgba(255,255,255,.85)';
      g.fillRect(x, head, g.measureText(p.caption).width + 20 * scale, 28 * scale);
      g.fillStyle = '#1b2a3a';
      g.fillText(p.caption, x + 10 * scale, head + 20 * scale);
    }
    x += canvases[i].width;
  });
  g.font = `${14 * scale}px system-ui, sans-serif`;
  lines.forEach((line, i) => g.fillText(line, 12 * scale, height + head + (20 + 20 * i) * scale));
  const a = document.createElement('a');
  a.download = file;
  a.href = out.toDataURL('image/png');
  document.body.appendChild(a);
  a.click();
  a.remove();
  return a.href;
}

/** Splits `text` into lines no wider than `width` on canvas context `g`. */
function wrap(g, text, width) {
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && g.measureText(next).width > width) {
      out.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) out.push(line);
  return out;
}

/** The attribution texts of the map's sources, as the attribution control shows them. */
export function attributions(map) {
  const out = [];
  for (const id of Object.keys(map.getStyle().sources)) {
    const s = map.getSource(id);
    const text = s && s.attribution;
    if (text) out.push(text.replace(/<[^>]*>/g, ''));
  }
  return out;
}

/** For tests and the console: the maps, and a promise of the next moment all are drawn. */
export function testHooks(maps) {
  window.hotbeat = {
    map: maps[0], maps, ready: false,
    idle: () => Promise.all(maps.map((m) => new Promise((resolve) => {
      m.once('idle', () => resolve(true));
      m.triggerRepaint();
    }))).then(() => true),
  };
  return window.hotbeat;
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** "2017-06" → "June 2017". */
export const monthName = (ym) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** Month arithmetic on "YYYY-MM". */
export function addMonths(ym, n) {
  const d = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The header's account links: "Sign in" goes to /signin and back; "Sign out" ends the session. */
export function signInForm() {
  const link = document.getElementById('signin');
  link.href = `/signin?next=${encodeURIComponent(location.pathname)}`;
  document.getElementById('signout').addEventListener('click', async () => {
    await api('/api/session', { method: 'DELETE', as: 'text' }).catch(() => {});
    location.reload();
  });
}

/** The data's clock: the first agency's IANA time zone ('UTC' when unknown). */
export const dataZone = (sources) => (sources.sources && sources.sources[0] && sources.sources[0].timeZone) || 'UTC';

/** Minutes east of UTC on `tz`'s clock at the instant `utcMillis`. */
function offsetMinutes(tz, utcMillis) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(utcMillis)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - utcMillis) / 60000);
}

/**
 * "2017-06-01" or "2017-06-01T20:00" read on `tz`'s clock → ISO-8601 with that clock's offset, so
 * a month or a shift starts at the agency's midnight or hour, not the browser's or UTC's.
 */
export function zoned(local, tz) {
  const t = local.length === 10 ? `${local}T00:00:00` : (local.length === 16 ? `${local}:00` : local);
  const naive = Date.parse(`${t}Z`);
  let off = offsetMinutes(tz, naive);
  off = offsetMinutes(tz, naive - off * 60000);   // again, for days when the clocks change
  const a = Math.abs(off);
  return `${t}${off >= 0 ? '+' : '-'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
