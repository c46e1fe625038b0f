// The community-meeting view: public data only (no token, no point-level endpoint): incident
// counts in hexagons (fewer than the public minimum shown only as "fewer than N") or the heat map, for one beat or
// the whole area, this period beside the previous one, in large type for a projector, and a
// one-click PNG for slides.
import { addMonths, api, createMap, dataZone, escapeHtml, exportPng, fitTo, loadingIndicator,
  maplibregl, monthName, show, testHooks, zoned } from './common.js';

const $ = (id) => document.getElementById(id);
// ColorBrewer YlOrRd, 5 classes: readable with colour-vision deficiencies and in greyscale.
const RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const SMALL = '#c8c8c8';
// The heat bandwidth and hexagon sizes come from /api/sources (settings), set in start().
let settings;

const now = createMap('mapNow', { attributionControl: { compact: false } });
const before = createMap('mapBefore', { attributionControl: { compact: false } });
const maps = [now, before];
const hooks = testHooks(maps);
loadingIndicator(maps, $('loading'));

// Moving one map moves the other, so the two periods stay side by side on the same streets.
let syncing = false;
maps.forEach((m, i) => m.on('move', () => {
  if (syncing) return;
  syncing = true;
  maps[1 - i].jumpTo({ center: m.getCenter(), zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() });
  syncing = false;
}));

let beats = null;
let credit = '';        // the incident publishers, from the data
let zone = 'UTC';       // the data's clock
let lastMonth = null;   // "YYYY-MM": the latest month with data
let legendLines = [];

/** The two periods: {now: {from, to, name}, before: {...}} of `months` months ending at the data's last month. */
function periods() {
  const n = Number($('period').value);
  const start = addMonths(lastMonth, 1 - n);
  const end = addMonths(lastMonth, 1);
  const name = (a, b) => (n === 1 ? monthName(a) : `${monthName(a)} to ${monthName(addMonths(b, -1))}`);
  // Months start at midnight on the data's clock; encoded, since an offset may carry a '+'.
  const at = (ym) => encodeURIComponent(zoned(`${ym}-01`, zone));
  return {
    now: { from: at(start), to: at(end), name: name(start, end) },
    before: { from: at(addMonths(start, -n)), to: at(start), name: name(addMonths(start, -n), start) },
  };
}

function areaQuery() {
  return $('area').value ? `&beat=${encodeURIComponent($('area').value)}` : '';
}

function areaName() {
  const code = $('area').value;
  if (!code) return 'the whole area';
  const f = beats.features.find((b) => b.properties.code === code);
  return `beat ${code}${f && f.properties.name && f.properties.name !== code ? ` (${f.properties.name})` : ''}`;
}

function clearLayers(m) {
  ['hex-fill', 'hex-line', 'heat'].forEach((id) => m.getLayer(id) && m.removeLayer(id));
  ['hex', 'heat'].forEach((id) => m.getSource(id) && m.removeSource(id));
}

/**
 * Hexagon colour classes shared by both maps, so the same colour means the same count: steps
 * growing by a constant factor from the public minimum to the busier period's peak, as counts are skewed.
 */
function classes(peak) {
  const k = settings.publicMinCount;
  const ratio = Math.max(peak, 8 * k) / k;
  const from = RAMP.map((_, i) => Math.round(k * ratio ** (i / RAMP.length)));
  for (let i = 1; i < from.length; i++) from[i] = Math.max(from[i], from[i - 1] + 1);
  return RAMP.map((colour, i) => ({ colour, from: from[i] }));
}

async function drawHexagons(p, run) {
  const size = $('area').value ? settings.beatHexagonMetres : settings.hexagonMetres;
  const [a, b] = await Promise.all([p.now, p.before].map((x) =>
    api(`/api/public/hexagons?from=${x.from}&to=${x.to}&size=${size}${areaQuery()}`, { auth: false })));
  if (run !== drawing) return null;   // a newer choice has been drawn meanwhile
  const cls = classes(Math.max(a.peak, b.peak));
  const colour = ['case', ['==', ['get', 'count'], null], SMALL,
    ['step', ['to-number', ['get', 'count']], cls[0].colour, ...cls.slice(1).flatMap((c) => [c.from, c.colour])]];
  [[now, a], [before, b]].forEach(([m, data]) => {
    m.addSource('hex', { type: 'geojson', data, attribution: credit });
    m.addLayer({ id: 'hex-fill', type: 'fill', source: 'hex', paint: { 'fill-color': colour, 'fill-opacity': 0.8 } }, 'beats');
    m.addLayer({ id: 'hex-line', type: 'line', source: 'hex', paint: { 'line-color': '#ffffff', 'line-width': 0.6 } }, 'beats');
  });
  const swatches = [`<li><span class="swatch" style="background:${SMALL}"></span>fewer than ${settings.publicMinCount}</li>`,
    ...cls.map((c, i) => `<li><span class="swatch" style="background:${c.colour}"></span>${c.from}${i === cls.length - 1 ? '+' : `–${cls[i + 1].from - 1}`}</li>`)];
  $('legend').innerHTML = `<p><strong>Incidents reported in each hexagon</strong> (about ${size * 2} m across):</p>`
    + `<ul aria-label="fewer incidents to more incidents"><li>Fewer incidents</li>${swatches.join('')}<li>More incidents</li></ul>`
    + `<p class="note">Grey: fewer than ${settings.publicMinCount}, not shown exactly to protect privacy. ${escapeHtml(p.now.name)} (left) beside ${escapeHtml(p.before.name)} (right), same colours on both.</p>`;
  legendLines = [`Incidents reported in each hexagon (about ${size * 2} m across), ${p.now.name} (left) and ${p.before.name} (right): `
    + `grey = fewer than ${settings.publicMinCount} (not shown exactly); then ${cls.map((c) => `${c.from}+`).join(', ')}; darker = more incidents.`];
  const shown = (d) => d.features.filter((f) => f.properties.count !== null).reduce((s, f) => s + f.properties.count, 0);
  return `${p.now.name}: ${shown(a).toLocaleString('en')} incidents in hexagons of ${settings.publicMinCount} or more; ${p.before.name}: ${shown(b).toLocaleString('en')}.`;
}

async function drawHeat(p) {
  [[now, p.now], [before, p.before]].forEach(([m, x]) => {
    m.addSource('heat', { type: 'raster', url: `/tiles/heat.json?from=${x.from}&to=${x.to}&bandwidth=${settings.communityHeatBandwidthMetres}${areaQuery()}`, tileSize: 256 });
    m.addLayer({ id: 'heat', type: 'raster', source: 'heat', paint: { 'raster-opacity': 0.85 } }, 'beats');
  });
  $('legend').innerHTML = `<p><strong>Where incidents were reported:</strong></p><ul><li>Fewer incidents</li>`
    + RAMP.map((c) => `<li><span class="swatch" style="background:${c}"></span></li>`).join('')
    + `<li>More incidents</li></ul><p class="note">${escapeHtml(p.now.name)} (left) beside ${escapeHtml(p.before.name)} (right). Each map is shaded on its own scale; the hexagon counts compare the two exactly.</p>`;
  legendLines = [`Where incidents were reported, ${p.now.name} (left) and ${p.before.name} (right): lighter = fewer incidents, darker = more incidents; each map on its own scale.`];
  return '';
}

let drawing = 0;

async function draw() {
  const run = ++drawing;
  const p = periods();
  $('nowTitle').textContent = `This period: ${p.now.name}`;
  $('beforeTitle').textContent = `Previous period: ${p.before.name}`;
  $('title').textContent = `Reported incidents in ${areaName()}`;
  maps.forEach(clearLayers);
  const code = $('area').value;
  const outline = code ? { type: 'FeatureCollection', features: beats.features.filter((b) => b.properties.code === code) } : beats;
  maps.forEach((m) => m.getSource('beats').setData(outline));
  fitTo(now, outline, 20);
  try {
    const summary = $('mode').value === 'heat' ? await drawHeat(p) : await drawHexagons(p, run);
    if (run === drawing) show(summary || `${p.now.name} beside ${p.before.name}.`);
  } catch (e) {
    show(e.message, true);
  }
}

async function start() {
  try {
    const [sources, beatData] = await Promise.all([api('/api/sources', { auth: false }), api('/api/beats?simplify=5', { auth: false })]);
    beats = beatData;
    credit = sources.attribution;
    settings = sources.settings;
    zone = dataZone(sources);
    if (!sources.sources.length) {
      show('No incidents have been loaded yet.', true);
      return;
    }
    lastMonth = sources.sources.map((s) => s.lastMonth).sort().slice(-1)[0];
    beats.features.map((f) => f.properties.code).sort().forEach((code) =>
      $('area').insertAdjacentHTML('beforeend', `<option value="${escapeHtml(code)}">Beat ${escapeHtml(code)}</option>`));
    maps.forEach((m) => {
      m.addSource('beats', { type: 'geojson', data: beats });
      m.addLayer({ id: 'beats', type: 'line', source: 'beats', paint: { 'line-color': '#1b2a3a', 'line-width': 2.5 } });
    });
    await draw();
  } catch (e) {
    show(e.message, true);
  }
}

Promise.all(maps.map((m) => new Promise((r) => m.on('load', r)))).then(async () => {
  await start();
  hooks.ready = true;
});

// A click says what a hexagon holds, in words: never a count below the public minimum.
maps.forEach((m) => m.on('click', 'hex-fill', (e) => {
  const c = e.features[0].properties.count;
  new maplibregl.Popup().setLngLat(e.lngLat)
    .setHTML(`<strong>${c === undefined || c === null || c === 'null' ? `fewer than ${settings.publicMinCount} incidents` : `${c} incidents`}</strong>`)
    .addTo(m);
}));

$('choices').addEventListener('change', draw);
$('export').addEventListener('click', () => {
  const p = periods();
  exportPng([{ map: now, caption: `This period: ${p.now.name}` }, { map: before, caption: `Previous period: ${p.before.name}` }],
    { title: `Reported incidents in ${areaName()}`, legend: legendLines, file: 'hotbeat-community.png' });
});
