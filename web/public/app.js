// The analyst view: heat and incident points under one filter (period, month slider, categories,
// hours, weekdays, bandwidth), charts from the stats endpoint, counts around a clicked spot, and
// PNG export. Callers not signed in as an analyst see the public heat layer only, and are told why.
import { api, addBeats, canSeePoints, createMap, escapeHtml, exportPng, loadingIndicator,
  maplibregl, monthName, addMonths, session, show, signInForm, testHooks, dataZone, zoned } from './common.js';
import { addHeat, setHeatQuery, showLegend } from './heat.js';
import { byMonth, hourWeekday } from './charts.js';

const $ = (id) => document.getElementById(id);
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
// Okabe–Ito: distinguishable with every common colour-vision deficiency.
// The last colour is for every less frequent category.
const CATEGORY_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#8c8c8c'];

const map = createMap('map', { signed: ['/tiles/incidents', '/tiles/heat'] });
const hooks = testHooks([map]);
loadingIndicator([map], $('loading'));

let who = { role: 'public' };
let months = [];          // "YYYY-MM" of the data, oldest first
let dataRange = null;     // {from, to} as YYYY-MM-DD
let zone = 'UTC';         // the data's clock: dates in the filter are its midnights
let categories = [];
let playing = null;

DAYS.forEach((d) => {
  $('weekdays').insertAdjacentHTML('beforeend',
    `<label><input type="checkbox" name="weekday" value="${d}" checked> ${d[0].toUpperCase()}${d.slice(1)}</label>`);
});

/**
 * A period input's value as a date (YYYY-MM-DD). Signed out, the inputs pick whole months: public
 * periods are whole months, so `to` is the (excluded) month after the last (docs/privacy.md).
 */
function dateOf(id) {
  const v = $(id).value;
  return v && $(id).type === 'month' ? `${v}-01` : v;
}

function setDate(id, ymd) {
  $(id).value = $(id).type === 'month' ? ymd.slice(0, 7) : ymd;
}

/** The filter as a query string: what every tile, legend and chart request carries. */
function filterQuery({ withBandwidth = true } = {}) {
  const q = new URLSearchParams();
  if (dateOf('from')) q.set('from', zoned(dateOf('from'), zone));
  if (dateOf('to')) q.set('to', zoned(dateOf('to'), zone));
  const chosen = [...document.querySelectorAll('input[name=category]:checked')].map((c) => c.value);
  if (categories.length && chosen.length && chosen.length < categories.length) q.set('category', chosen.join(','));
  const hf = $('hourFrom')?.value ?? '';
  const ht = $('hourTo')?.value ?? '';
  if (hf !== '' || ht !== '') {
    const a = hf === '' ? 0 : Number(hf);
    const b = ht === '' ? 23 : Number(ht);
    if (!(a === 0 && b === 23)) q.set('hours', a <= b ? `${a}-${b}` : `${a}-23,0-${b}`);
  }
  const days = [...document.querySelectorAll('input[name=weekday]:checked')].map((c) => c.value);
  if (days.length && days.length < 7) q.set('weekdays', days.join(','));
  if (withBandwidth) q.set('bandwidth', $('bandwidth').value);
  return q.toString();
}

function periodName() {
  const from = dateOf('from');
  const to = dateOf('to');
  if (!from && !to) return 'all dates';
  const m = months[Number($('month').value)];
  if (m && from === `${m}-01` && to === `${addMonths(m, 1)}-01`) return monthName(m);
  return `${from || '…'} to ${to || '…'} (end exclusive)`;
}

let legendLines = [];
let refreshing = 0;

/** Re-points every layer at the current filter and redraws legend and charts. */
async function refresh() {
  const run = ++refreshing;
  const heatQuery = filterQuery();
  setHeatQuery(map, heatQuery);
  if (map.getSource('incidents')) map.getSource('incidents').setUrl(`/tiles/incidents.json?${filterQuery({ withBandwidth: false })}`);
  try {
    legendLines = await showLegend($('legend'), heatQuery, periodName(), true);
    if (canSeePoints(who)) await charts(run);
  } catch (e) {
    show(e.message, true);
  }
}

async function charts(run) {
  const q = filterQuery({ withBandwidth: false });
  const [hw, byM] = await Promise.all([
    api(`/api/incidents/stats?by=hour_weekday&${q}`),
    // The month chart shows the whole period around the slider, so leave the dates out.
    api(`/api/incidents/stats?by=month&${q.replace(/(^|&)(from|to)=[^&]*/g, '')}`),
  ]);
  if (run !== refreshing) return;
  hourWeekday($('chartHours'), hw.counts);
  const m = months[Number($('month').value)];
  byMonth($('chartMonths'), byM.counts, $('monthLabel').value !== 'all' ? m : null);
  show(`Signed in as ${who.name} (${who.role}). ${hw.total.toLocaleString('en')} incidents with a known time match; ${periodName()}.`);
}

function setMonth(i) {
  const m = months[i];
  if (!m) return;
  $('month').value = i;
  $('monthLabel').value = monthName(m);
  setDate('from', `${m}-01`);
  setDate('to', `${addMonths(m, 1)}-01`);
}

function wholePeriod() {
  stopPlaying();
  $('monthLabel').value = 'all';
  setDate('from', dataRange ? dataRange.from : '');
  setDate('to', dataRange ? dataRange.to : '');
  refresh();
}

function stopPlaying() {
  clearInterval(playing);
  playing = null;
  $('play').textContent = '▶ Play months';
  $('play').setAttribute('aria-pressed', 'false');
}

// Plays the months in sequence, waiting for each month's tiles before moving on.
async function play() {
  if (playing) { stopPlaying(); return; }
  $('play').textContent = '⏸ Pause';
  $('play').setAttribute('aria-pressed', 'true');
  let i = $('monthLabel').value === 'all' ? 0 : Number($('month').value);
  const step = async () => {
    setMonth(i);
    await refresh();
    i = (i + 1) % months.length;
  };
  await step();
  playing = setInterval(step, 2000);
}

async function showNear(e) {
  if (!canSeePoints(who)) return;
  const radius = Number($('bandwidth').value);
  const q = filterQuery({ withBandwidth: false });
  try {
    const near = await api(`/api/incidents/near?lon=${e.lngLat.lng.toFixed(6)}&lat=${e.lngLat.lat.toFixed(6)}&radius=${radius}&${q}`);
    const rows = near.byCategory.slice(0, 8).map((c) => `<li>${escapeHtml(c.key)}: ${c.count}</li>`).join('');
    new maplibregl.Popup({ maxWidth: '18rem' }).setLngLat(e.lngLat)
      .setHTML(`<strong>${near.total.toLocaleString('en')} incidents</strong> within ${radius} m (${escapeHtml(periodName())})<ul>${rows}</ul>`)
      .addTo(map);
  } catch (err) {
    show(err.message, true);
  }
}

function addIncidentLayer() {
  map.addSource('incidents', { type: 'vector', url: `/tiles/incidents.json?${filterQuery({ withBandwidth: false })}` });
  const colour = ['match', ['get', 'category'],
    ...categories.slice(0, CATEGORY_COLOURS.length - 1).flatMap((c, i) => [c, CATEGORY_COLOURS[i]]),
    CATEGORY_COLOURS[CATEGORY_COLOURS.length - 1]];
  map.addLayer({ id: 'incident-clusters', type: 'circle', source: 'incidents', 'source-layer': 'incidents',
    filter: ['!', ['has', 'category']],
    layout: { visibility: $('points').checked ? 'visible' : 'none' },
    paint: { 'circle-color': '#1b2a3a', 'circle-opacity': 0.35, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5,
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 2, 10, 9, 40, 20] } });
  map.addLayer({ id: 'incident-points', type: 'circle', source: 'incidents', 'source-layer': 'incidents',
    filter: ['has', 'category'],
    layout: { visibility: $('points').checked ? 'visible' : 'none' },
    paint: { 'circle-color': colour, 'circle-radius': 3.5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.7 } });
}

async function loadCategories() {
  const stats = await api('/api/incidents/stats?by=category');
  // Most frequent first, so the distinct colours go to the categories that fill the map.
  categories = stats.counts.filter((c) => c.key).sort((a, b) => b.count - a.count).map((c) => c.key);
  $('categories').innerHTML = categories.map((c, i) => {
    const colour = CATEGORY_COLOURS[Math.min(i, CATEGORY_COLOURS.length - 1)];
    return `<label><input type="checkbox" name="category" value="${escapeHtml(c)}" checked>`
      + `<span class="swatch dot" style="background:${colour}"></span>${escapeHtml(c)}</label>`;
  }).join('');
}

async function start() {
  try {
    who = await session();
  } catch (e) {
    show(e.message, true);
    return false;
  }
  const sources = await api('/api/sources', { auth: false }).catch(() => ({ sources: [] }));
  zone = dataZone(sources);
  if (!who.authenticated || who.role === 'public') {
    // Public periods are whole months, with no hour or weekday filters (docs/privacy.md): the
    // inputs are removed, not hidden, so no request can carry them.
    document.body.classList.add('signed-out');
    $('timeBox').remove();
    for (const id of ['from', 'to']) $(id).type = 'month';
  }
  if (sources.sources.length) {
    const first = sources.sources.map((s) => s.firstMonth).sort()[0];
    const last = sources.sources.map((s) => s.lastMonth).sort().slice(-1)[0];
    for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
    dataRange = { from: `${first}-01`, to: `${addMonths(last, 1)}-01` };
    $('month').max = String(months.length - 1);
    setDate('from', dataRange.from);
    setDate('to', dataRange.to);
  }
  if (sources.settings) {   // the server's defaults and public floors, never hard-coded here
    $('bandwidth').value = String(sources.settings.heatBandwidthMetres);
    $('bandwidthLabel').value = `${sources.settings.heatBandwidthMetres} m`;
  }
  if (!canSeePoints(who) && sources.settings) {
    $('bandwidth').min = String(sources.settings.publicMinBandwidthMetres);
    document.body.classList.add('public');
  }
  if (!who.authenticated) {
    show(`${who.note ? `${who.note} ` : ''}Public view: the heat map only. Sign in with an analyst account to see incidents, category filters and charts.`);
  } else if (!canSeePoints(who)) {
    show(`Signed in as ${who.name} (${who.role}). The ${who.role} role cannot see single incidents: points, category filters and charts need an analyst or admin account. The heat map works for everyone.`);
  } else {
    show(`Signed in as ${who.name} (${who.role}).`);
    await loadCategories();
  }
  return true;
}

map.on('load', async () => {
  const ok = await start();
  addHeat(map, filterQuery(), Number($('opacity').value) / 100);
  try {
    await addBeats(map, await api('/api/beats?simplify=5', { auth: false }));
  } catch (e) {
    show(e.message, true);
  }
  if (ok && canSeePoints(who)) addIncidentLayer();
  if (ok) await refresh();
  hooks.ready = true;
});

map.on('click', showNear);

let debounce;
$('filters').addEventListener('change', (e) => {
  if (['opacity', 'points', 'month'].includes(e.target.id)) return;
  if (e.target.id === 'from' || e.target.id === 'to') $('monthLabel').value = 'custom';
  clearTimeout(debounce);
  debounce = setTimeout(refresh, 150);
});
$('month').addEventListener('input', () => { stopPlaying(); setMonth(Number($('month').value)); });
$('month').addEventListener('change', () => refresh());
$('play').addEventListener('click', play);
$('whole').addEventListener('click', wholePeriod);
$('bandwidth').addEventListener('input', () => { $('bandwidthLabel').value = `${$('bandwidth').value} m`; });
$('opacity').addEventListener('input', () => {
  $('opacityLabel').value = `${$('opacity').value} %`;
  map.setPaintProperty('heat', 'raster-opacity', Number($('opacity').value) / 100);
});
$('points').addEventListener('change', () => {
  const v = $('points').checked ? 'visible' : 'none';
  ['incident-clusters', 'incident-points'].forEach((id) => map.getLayer(id) && map.setLayoutProperty(id, 'visibility', v));
});
$('export').addEventListener('click', () => {
  exportPng([{ map }], { title: `hotbeat: incidents, ${periodName()}`, legend: legendLines, file: 'hotbeat-analyst.png' });
});
signInForm();
