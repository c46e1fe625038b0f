// The heat layer (public, aggregated): hotbeat's own PNG tiles on one absolute scale, with a
// legend in real units from /api/heat/legend, and the beat outlines from /api/beats.

export const heatSource = { type: 'raster', url: '/tiles/heat.json', tileSize: 256 };
export const heatLayer = { id: 'heat', type: 'raster', source: 'heat',
  paint: { 'raster-opacity': 0.85, 'raster-resampling': 'nearest' } };

export async function addBeats(map, maplibregl) {
  const res = await fetch('/api/beats?simplify=5');
  if (!res.ok) return;
  const beats = await res.json();
  map.addSource('beats', { type: 'geojson', data: beats });
  // Open on the data, whichever city it is.
  const bounds = new maplibregl.LngLatBounds();
  const extend = (c) => (typeof c[0] === 'number' ? bounds.extend(c) : c.forEach(extend));
  beats.features.forEach((f) => extend(f.geometry.coordinates));
  if (!bounds.isEmpty()) map.fitBounds(bounds, { padding: 30, duration: 0 });
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
