// The skeleton's map: signs in with a token, shows who you are and, for analysts, the incidents
// of the current view. The full analyst, patrol and community views build on this page.
import * as maplibregl from '/vendor/maplibre-gl/maplibre-gl.mjs';
import { streetLayers, streetSource } from './streets.js';
import { addBeats, heatLayer, heatSource, showLegend } from './heat.js';

const TOKEN_KEY = 'hotbeat.token';
const status = document.getElementById('status');

// A token handed over in the link (#token=…) is kept for this tab only and removed from the URL.
const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
if (fromLink) {
  sessionStorage.setItem(TOKEN_KEY, fromLink);
  history.replaceState(null, '', location.pathname + location.search);
}

function token() { return sessionStorage.getItem(TOKEN_KEY); }

async function api(path) {
  const headers = token() ? { Authorization: `Bearer ${token()}` } : {};
  let res;
  try {
    res = await fetch(path, { headers });
  } catch (e) {
    throw new Error('The hotbeat server cannot be reached. Is it running?');
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail || `${res.status} ${res.statusText}`);
  return body;
}

function show(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources: { streets: streetSource, heat: heatSource }, layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } },
    ...streetLayers, heatLayer] },
  center: [-87.6298, 41.8781],
  zoom: 13,
  attributionControl: { compact: false, customAttribution:
    '© OpenStreetMap contributors (ODbL) · crime and beat data: City of Chicago Data Portal' },
});
map.addControl(new maplibregl.NavigationControl(), 'top-right');

async function refresh() {
  let session;
  try {
    session = await api('/api/session');
  } catch (e) {
    show(e.message, true);
    return;
  }
  if (!session.authenticated) {
    show('Public view: sign in with a token to see incidents.');
    return;
  }
  show(`Signed in as ${session.name} (${session.role}).`);
  if (session.role !== 'analyst' && session.role !== 'admin') return;
  const b = map.getBounds();
  try {
    const data = await api(`/api/incidents?limit=10000&bbox=${b.getWest()},${b.getSouth()},${b.getEast()},${b.getNorth()}`);
    const source = map.getSource('incidents');
    if (source) {
      source.setData(data);
    } else {
      map.addSource('incidents', { type: 'geojson', data });
      map.addLayer({ id: 'incidents', type: 'circle', source: 'incidents',
        paint: { 'circle-radius': 3, 'circle-color': '#b2182b', 'circle-opacity': 0.6 } });
    }
    show(`Signed in as ${session.name} (${session.role}): ${data.numberReturned} incidents in view.`);
  } catch (e) {
    show(e.message, true);
  }
}

document.getElementById('signin').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const value = document.getElementById('token').value.trim();
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  document.getElementById('token').value = '';
  refresh();
});
document.getElementById('signout').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  if (map.getLayer('incidents')) { map.removeLayer('incidents'); map.removeSource('incidents'); }
  refresh();
});
// For tests and the console: the map, and a promise of the next moment everything is drawn.
window.hotbeat = { map, ready: false,
  idle: () => new Promise((resolve) => { map.once('idle', () => resolve(true)); map.triggerRepaint(); }) };
map.on('load', async () => {
  await addBeats(map, maplibregl);
  window.hotbeat.ready = true;
  showLegend(document.getElementById('legend'));
  refresh();
});
map.on('moveend', () => { if (map.isStyleLoaded()) refresh(); });
