// The analyst's small charts, drawn as SVG from /api/incidents/stats: incidents by hour of day ×
// weekday (a grid) and by month (bars). Colours: a sequential blue ramp, readable in greyscale and
// for colour-blind viewers.
import { escapeHtml } from './common.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const BLUES = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'];

const shade = (v, max) => (max ? BLUES[Math.min(BLUES.length - 1, Math.ceil((v / max) * (BLUES.length - 1)))] : BLUES[0]);

/** counts: [{key: "1-00", count}] (ISO weekday-hour, the agency's local clock). */
export function hourWeekday(element, counts) {
  const grid = new Map(counts.map((c) => [c.key, c.count]));
  const max = Math.max(0, ...counts.map((c) => c.count));
  const cw = 11;
  const ch = 14;
  let cells = '';
  for (let d = 1; d <= 7; d++) {
    cells += `<text x="0" y="${20 + d * ch - 3}" class="axis">${DAYS[d - 1]}</text>`;
    for (let h = 0; h < 24; h++) {
      const v = grid.get(`${d}-${String(h).padStart(2, '0')}`) || 0;
      cells += `<rect x="${30 + h * cw}" y="${8 + d * ch - ch + 4}" width="${cw - 1}" height="${ch - 1}" fill="${shade(v, max)}">`
        + `<title>${DAYS[d - 1]} ${h}:00–${h}:59: ${v}</title></rect>`;
    }
  }
  for (let h = 0; h < 24; h += 6) cells += `<text x="${30 + h * cw}" y="${20 + 8 * ch}" class="axis">${h}h</text>`;
  element.innerHTML = `<figure><figcaption>By hour and weekday (peak ${max})</figcaption>`
    + `<svg viewBox="0 0 300 ${30 + 8 * ch}" role="img" aria-label="Incidents by hour of day and weekday">${cells}</svg></figure>`;
}

/** counts: [{key: "2017-06", count}]; `current` highlights one month. */
export function byMonth(element, counts, current) {
  const max = Math.max(0, ...counts.map((c) => c.count));
  const w = counts.length ? 280 / counts.length : 0;
  const bars = counts.map((c, i) => {
    const h = max ? (c.count / max) * 80 : 0;
    return `<rect x="${10 + i * w}" y="${90 - h}" width="${Math.max(1, w - 1)}" height="${h}" `
      + `fill="${c.key === current ? '#d55e00' : '#4292c6'}"><title>${escapeHtml(c.key)}: ${c.count}</title></rect>`;
  }).join('');
  const first = counts.length ? counts[0].key : '';
  const last = counts.length ? counts[counts.length - 1].key : '';
  element.innerHTML = `<figure><figcaption>By month (peak ${max})</figcaption>`
    + `<svg viewBox="0 0 300 110" role="img" aria-label="Incidents by month">${bars}`
    + `<text x="10" y="105" class="axis">${first}</text><text x="290" y="105" class="axis" text-anchor="end">${last}</text></svg></figure>`;
}
