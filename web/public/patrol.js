// The patrol view: choose a beat, a shift, units and dwell time; POST /api/patrol-plans; draw each
// unit's route in its colour with numbered stops and times; GPX and a printable summary. Needs a
// patrol, analyst or admin account.
import { addBeats, api, canPlanPatrols, createMap, escapeHtml, fitTo, loadingIndicator,
  maplibregl, session, show, signInForm, testHooks, dataZone, zoned } from './common.js';

const $ = (id) => document.getElementById(id);
const map = createMap('map');
const hooks = testHooks([map]);
loadingIndicator([map], $('loading'));

let beats = null;
let start = null;          // [lon, lat] where units start and end
let startMarker = null;
let stopMarkers = [];
let plan = null;
let zone = 'UTC';          // the data's clock

function unitRows() {
  const n = Math.max(1, Math.min(6, Number($('unitCount').value) || 1));
  const old = [...document.querySelectorAll('.unit')].map((row) => ({
    name: row.querySelector('input').value, mode: row.querySelector('select').value }));
  $('units').innerHTML = Array.from({ length: n }, (_, i) => {
    const u = old[i] || { name: `Unit ${i + 1}`, mode: i % 2 ? 'foot' : 'car' };
    return `<div class="unit row"><label>Name <input value="${escapeHtml(u.name)}" size="8" aria-label="Unit ${i + 1} name"></label>`
      + `<label>Travels by <select aria-label="Unit ${i + 1} travel mode"><option value="car"${u.mode === 'car' ? ' selected' : ''}>car</option>`
      + `<option value="foot"${u.mode === 'foot' ? ' selected' : ''}>foot</option></select></label></div>`;
  }).join('');
}

/** Wall-clock arithmetic on "YYYY-MM-DDTHH:MM": `hours` later on the same clock. */
function addHours(local, hours) {
  return new Date(Date.parse(`${local}:00Z`) + hours * 3_600_000).toISOString().slice(0, 16);
}

function beatCentre(code) {
  const f = beats.features.find((b) => b.properties.code === code);
  const bounds = new maplibregl.LngLatBounds();
  const extend = (c) => (typeof c[0] === 'number' ? bounds.extend(c) : c.forEach(extend));
  extend(f.geometry.coordinates);
  const c = bounds.getCenter();
  return [Number(c.lng.toFixed(6)), Number(c.lat.toFixed(6))];
}

function setStart(lonLat, text) {
  start = lonLat;
  $('startText').textContent = text || `${lonLat[0].toFixed(5)}, ${lonLat[1].toFixed(5)}`;
  if (!startMarker) {
    const el = document.createElement('div');
    el.className = 'start-marker';
    el.title = 'Where units start and end';
    startMarker = new maplibregl.Marker({ element: el });
  }
  startMarker.setLngLat(lonLat).addTo(map);
}

function clearPlan() {
  stopMarkers.forEach((m) => m.remove());
  stopMarkers = [];
  const style = map.getStyle();
  style.layers.filter((l) => l.id.startsWith('route-')).forEach((l) => map.removeLayer(l.id));
  Object.keys(style.sources).filter((s) => s.startsWith('route-')).forEach((s) => map.removeSource(s));
}

const time = (iso) => iso.slice(11, 16);

function drawPlan(p) {
  clearPlan();
  p.units.forEach((u, i) => {
    map.addSource(`route-${i}`, { type: 'geojson', data: { type: 'Feature', geometry: u.route, properties: {} } });
    map.addLayer({ id: `route-casing-${i}`, type: 'line', source: `route-${i}`,
      layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 7 } });
    map.addLayer({ id: `route-${i}`, type: 'line', source: `route-${i}`,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': u.colour, 'line-width': 4, 'line-dasharray': u.mode === 'foot' ? [2, 1] : [1, 0] } });
    // Revisits share a place: one marker per place, numbered with every visit ("1, 4, 7").
    const places = new Map();
    u.stops.forEach((s) => {
      const key = s.position.join(',');
      if (!places.has(key)) places.set(key, []);
      places.get(key).push(s);
    });
    places.forEach((stops) => {
      const el = document.createElement('div');
      el.className = 'stop-marker';
      el.style.background = u.colour;
      el.textContent = stops.map((s) => s.seq).join(', ');
      el.title = `${u.name}: ${stops.map((s) => `stop ${s.seq} ${time(s.arrive)}–${time(s.leave)}`).join('; ')}`;
      stopMarkers.push(new maplibregl.Marker({ element: el }).setLngLat(stops[0].position).addTo(map));
    });
  });
  const t = p.totals;
  const units = p.units.map((u) => `<section class="unit-plan"><h3><span class="swatch" style="background:${u.colour}"></span>`
    + `${escapeHtml(u.name)} (${escapeHtml(u.mode)}): ${u.stops.length} stops, ${u.km.toFixed(1)} km, back ${escapeHtml(time(u.back || p.shift.end))}</h3>`
    + `<ol>${u.stops.map((s) => `<li>${time(s.arrive)}–${time(s.leave)} · ${escapeHtml(s.street || `hotspot ${s.hotspot}`)}${s.visit > 1 ? ` (visit ${s.visit})` : ''}</li>`).join('')}</ol></section>`).join('');
  $('result').innerHTML = `<h2>Plan for ${escapeHtml(p.area.label || p.area.beat || 'the area')}</h2>`
    + `<p>${t.stops} stops covering ${(t.riskShare * 100).toFixed(0)} % of the area's risk; ${t.driveMinutes.toFixed(0)} min driving or walking, ${t.dwellMinutes.toFixed(0)} min at stops.</p>`
    + (p.notes || []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')
    + `<div class="row"><button type="button" id="gpx">Download GPX</button><button type="button" id="print">Printable summary</button></div>${units}`;
  $('gpx').addEventListener('click', downloadGpx);
  $('print').addEventListener('click', openSummary);
  const all = { type: 'FeatureCollection', features: p.units.map((u) => ({ type: 'Feature', geometry: u.route })).filter((f) => f.geometry && f.geometry.coordinates.length) };
  if (all.features.length) fitTo(map, all, 40);
}

// The plan's files are fetched (with the session cookie), then handed to the browser as files.
async function downloadGpx() {
  try {
    const blob = await api(`/api/patrol-plans/${plan.id}.gpx`, { as: 'blob' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `patrol-plan-${plan.id}.gpx`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } catch (e) {
    show(e.message, true);
  }
}

async function openSummary() {
  try {
    const html = await api(`/api/patrol-plans/${plan.id}.html`, { as: 'text' });
    window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank');
  } catch (e) {
    show(e.message, true);
  }
}

async function submit(ev) {
  ev.preventDefault();
  const shiftStart = $('shiftStart').value;
  const body = {
    area: { beat: $('beat').value },
    // The shift is read on the data's clock (the agency's time zone), whatever the browser's.
    shift: { start: zoned(shiftStart, zone), end: zoned(addHours(shiftStart, Number($('shiftHours').value)), zone) },
    units: [...document.querySelectorAll('.unit')].map((row) => ({
      name: row.querySelector('input').value.trim(), mode: row.querySelector('select').value, start })),
    dwellMinutes: Number($('dwell').value),
  };
  if (Number($('maxStops').value) > 0) body.maxStops = Number($('maxStops').value);
  if ($('seed').value !== '') body.seed = Number($('seed').value);
  $('submit').disabled = true;
  show('Planning… (risk surface, hotspots, routes)');
  try {
    plan = await api('/api/patrol-plans', { method: 'POST', body });
    hooks.plan = plan;
    drawPlan(plan);
    show(`Plan ${plan.id.slice(0, 8)}: ${plan.totals.stops} stops for ${plan.units.length} units.`);
  } catch (e) {
    show(e.status === 404 && /patrol-plans/.test(e.message) ? 'This server has no patrol planner yet.' : e.message, true);
  } finally {
    $('submit').disabled = false;
  }
}

async function init() {
  let who;
  try {
    who = await session();
    beats = await api('/api/beats?simplify=5', { auth: false });
  } catch (e) {
    show(e.message, true);
    return;
  }
  await addBeats(map, beats);
  beats.features.map((f) => f.properties.code).sort().forEach((code) =>
    $('beat').insertAdjacentHTML('beforeend', `<option value="${escapeHtml(code)}">Beat ${escapeHtml(code)}</option>`));
  const sources = await api('/api/sources', { auth: false }).catch(() => ({ sources: [] }));
  const last = sources.sources.map((s) => s.lastMonth).sort().slice(-1)[0];
  zone = dataZone(sources);
  $('shiftStart').value = `${last || new Date().toISOString().slice(0, 7)}-15T20:00`;
  unitRows();
  setStart(beatCentre($('beat').value), "the beat's centre");
  if (!who.authenticated) {
    show(`${who.note ? `${who.note} ` : ''}Sign in with a patrol, analyst or admin account to plan patrols.`);
    $('submit').disabled = true;
  } else if (!canPlanPatrols(who)) {
    show(`The ${who.role} role cannot plan patrols.`, true);
    $('submit').disabled = true;
  } else {
    await applyDefaults();
    show(`Signed in as ${who.name} (${who.role}). Choose a beat, a shift and units, then “Plan patrols”.`);
  }
}

// The form's defaults and bounds are the server's (hotbeat serve --patrol-dwell-minutes, …), not
// numbers of its own; the values in patrol.html only stand until they arrive.
async function applyDefaults() {
  try {
    const d = await api('/api/patrol-plans/defaults');
    $('dwell').value = d.dwellMinutes;
    $('shiftHours').max = d.maxShiftHours;
    $('unitCount').max = Math.min(Number($('unitCount').max), d.maxUnits);
  } catch (e) {
    // An older server without the route: the page's own values stand.
  }
}

map.on('load', async () => {
  await init();
  hooks.ready = true;
});
map.on('click', (e) => setStart([Number(e.lngLat.lng.toFixed(6)), Number(e.lngLat.lat.toFixed(6))]));
$('beat').addEventListener('change', () => {
  setStart(beatCentre($('beat').value), "the beat's centre");
  fitTo(map, { type: 'FeatureCollection', features: beats.features.filter((b) => b.properties.code === $('beat').value) }, 40);
});
$('unitCount').addEventListener('change', unitRows);
$('plan').addEventListener('submit', submit);
signInForm();
