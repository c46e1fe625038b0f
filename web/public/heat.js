// The heat layer (public, aggregated): hotbeat's own PNG tiles on one absolute scale, with a
// legend in real units from /api/heat/legend, and the beat outlines from /api/beats.

export const heatSource = { type: 'raster', url: '/tiles/heat.json', tileSize: 256 };
export const heatLayer = { id: 'heat', type: 'raster', source: 'heat',
  paint: { 'raster-opacity': 0.85, 'raster-resampling': 'nearest' } };

export async function addBeats(map) {
  const res = await fetch('/api/beats?simplify=5');
  if (!res.ok) return;
  map.addSource('beats', { type: 'geojson', data: await res.json() });
  map.addLayer({ id: 'beats', type: 'line', source: 'beats',
    paint: { 'line-color': '#1b2a3a', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
}

const format = (v) => v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1);

export async function showLegend(element) {
  const res = await fetch('/api/heat/legend');
  if (!res.ok) return;
  const legend = await res.json();
  if (!legend.peak) {
    element.textContent = 'No incidents for this selection.';
    return;
  }
  const rows = legend.classes.map((c) =>
    `<li><span style="background:${c.colour};opacity:${c.opacity}"></span>${format(c.from)}+</li>`);
  element.innerHTML = `<strong>Density</strong><br><small>${legend.units}, ` +
    `${legend.bandwidthMetres} m ${legend.kernel} kernel</small><ul>${rows.join('')}</ul>`;
}
