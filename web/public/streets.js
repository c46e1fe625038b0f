// The street basemap: hotbeat's own vector tiles (GET /tiles/streets.json, from
// `hotbeat import streets`), drawn under everything else, so the map needs no outside tile server.
// Lines only: labels would need a glyph server, which a closed network does not have.

export const streetSource = { type: 'vector', url: '/tiles/streets.json' };

const PATHS = ['footway', 'path', 'steps', 'cycleway', 'pedestrian', 'corridor', 'platform',
  'bridleway', 'track'];
const MINOR = ['residential', 'unclassified', 'living_street', 'service', 'road', 'busway', 'other'];
const MAJOR = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary'];

function byClass(classes) {
  return ['in', ['get', 'class'], ['literal', classes]];
}

function width(atZoom12, atZoom18) {
  return ['interpolate', ['exponential', 1.5], ['zoom'], 12, atZoom12, 18, atZoom18];
}

export const streetLayers = [
  { id: 'streets-paths', type: 'line', source: 'streets', 'source-layer': 'streets',
    filter: byClass(PATHS), minzoom: 15,
    paint: { 'line-color': '#b9b3a8', 'line-width': 1, 'line-dasharray': [2, 1.5] } },
  { id: 'streets-casing', type: 'line', source: 'streets', 'source-layer': 'streets',
    filter: byClass([...MINOR, ...MAJOR]), layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#c4c8ce', 'line-width': width(1.5, 11) } },
  { id: 'streets-minor', type: 'line', source: 'streets', 'source-layer': 'streets',
    filter: byClass(MINOR), layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': width(0.5, 9) } },
  { id: 'streets-major', type: 'line', source: 'streets', 'source-layer': 'streets',
    filter: byClass(MAJOR), layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ['match', ['get', 'class'], ['motorway', 'trunk'], '#f2b872', '#f7dfa0'],
      'line-width': width(1.2, 14) } },
];
