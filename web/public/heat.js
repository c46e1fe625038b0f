// The heat layer (public, aggregated): hotbeat's own PNG tiles on one absolute scale per filter,
// with a legend in real units (incidents per km² for the period) from /api/heat/legend.
import { api, escapeHtml } from './common.js';

export function addHeat(map, query, opacity = 0.85, beforeId) {
  map.addSource('heat', { type: 'raster', url: `/tiles/heat.json?${query}`, tileSize: 256 });
  map.addLayer({ id: 'heat', type: 'raster', source: 'heat',
    paint: { 'raster-opacity': opacity, 'raster-resampling': 'nearest' } }, beforeId);
}

/** Points the heat layer at a new filter: new tile URLs, so the browser fetches new tiles. */
export function setHeatQuery(map, query) {
  map.getSource('heat').setUrl(`/tiles/heat.json?${query}`);
}

const format = (v) => (v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1));

/**
 * Draws the legend for `query` into `element`; returns the legend as lines of text. `auth`: ask
 * as the signed-in caller, as the map's tiles do (the public gets the kernel density only).
 */
export async function showLegend(element, query, period, auth = false) {
  const legend = await api(`/api/heat/legend?${query}`, { auth });
  if (legend.tooFewToShow) {
    // The public answer for 0 and for a few incidents alike (docs/privacy.md).
    element.innerHTML = `<strong>Density</strong><p>${escapeHtml(legend.note)}</p>`;
    return [legend.note];
  }
  if (!legend.peak) {
    element.innerHTML = '<strong>Density</strong><p>No incidents match this selection.</p>';
    return ['No incidents match this selection.'];
  }
  const rows = legend.classes.map((c) =>
    `<li><span class="swatch" style="background:${c.colour};opacity:${c.opacity}"></span>${format(c.from)}+</li>`);
  // The analysts' default blends each cell's own count into the kernel density (docs/hotspots.md).
  const method = legend.countShare > 0
    ? `${Math.round(legend.countShare * 100)} % counts in ${legend.countCellMetres} m cells + `
      + `${Math.round((1 - legend.countShare) * 100)} % ${legend.bandwidthMetres} m ${legend.kernel} kernel`
    : `${legend.bandwidthMetres} m ${legend.kernel} kernel`;
  element.innerHTML = `<strong>Density</strong><br><small>${escapeHtml(legend.units)}`
    + `${period ? ` (${escapeHtml(period)})` : ''}, ${escapeHtml(method)}; `
    + `peak ${format(legend.peak)}</small><ul>${rows.join('')}</ul>`;
  return [`Density, ${legend.units}${period ? ` (${period})` : ''}, ${method}: `
    + legend.classes.map((c) => `${format(c.from)}+`).join(', ')];
}
