#!/usr/bin/env node
// Writes the demo district's synthetic geography (libs/coverage/geography/taibai-lake/*.geojson).
// Everything here is made up around the demo stations' synthetic coordinates: a road lattice with
// arterials through the hall and the towns, a lake the roads go round, and communities whose
// insured residents add up to seed 000's 91,700. Deterministic: the same files on every run.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const OUT = path.join(__dirname, '..', 'libs', 'coverage', 'geography', 'taibai-lake');
const INSURED = 91_700; // seed 000: insured residents of Taibai Lake New District, 2022
const NOTE = 'SYNTHETIC demo data: made-up roads and communities, not a real map of Taibai Lake.';

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(2022);
const round6 = (x) => Math.round(x * 1e6) / 1e6;

const LAT0 = 35.285,
  LON0 = 116.545,
  STEP = 0.005,
  ROWS = 25,
  COLS = 33;
const latOf = (r) => round6(LAT0 + r * STEP);
const lonOf = (c) => round6(LON0 + c * STEP);
// The lake: an ellipse south-west of the hall that no road crosses.
const inLake = (lat, lon) => ((lat - 35.318) / 0.012) ** 2 + ((lon - 116.595) / 0.018) ** 2 < 1;

const PRIMARY_ROWS = new Set([20]); // through the hall and hosp-1
const PRIMARY_COLS = new Set([13]); // north-south through the hall
const SECONDARY_ROWS = new Set([6, 15]);
const SECONDARY_COLS = new Set([8, 22, 29]);
function classOf(index, primary, secondary) {
  if (primary.has(index)) return 'primary';
  if (secondary.has(index)) return 'secondary';
  if (index % 4 === 0) return 'tertiary';
  return index % 2 === 0 ? 'residential' : 'track';
}

/** One LineString per unbroken run of lattice points outside the lake. */
function runs(points) {
  const lines = [];
  let current = [];
  for (const p of points) {
    if (inLake(p[1], p[0])) {
      if (current.length > 1) lines.push(current);
      current = [];
    } else current.push(p);
  }
  if (current.length > 1) lines.push(current);
  return lines;
}

function roads() {
  const features = [];
  const add = (coords, cls, name) =>
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: coords },
      properties: { class: cls, name, synthetic: true },
    });
  for (let r = 0; r < ROWS; r++) {
    const cls = classOf(r, PRIMARY_ROWS, SECONDARY_ROWS);
    // Tracks run only part of the way: fields and ditches leave gaps, so trips bend.
    const row = Array.from({ length: COLS }, (_, c) => [lonOf(c), latOf(r)]);
    for (const line of runs(row)) add(line, cls, `E-W road ${r + 1} (synthetic)`);
  }
  for (let c = 0; c < COLS; c++) {
    const cls = classOf(c, PRIMARY_COLS, SECONDARY_COLS);
    const col = Array.from({ length: ROWS }, (_, r) => [lonOf(c), latOf(r)]);
    for (const line of runs(col)) {
      if (cls === 'track' && rnd() < 0.35)
        add(line.slice(0, Math.ceil(line.length / 2)), cls, `N-S track ${c + 1} (synthetic)`);
      else add(line, cls, `N-S road ${c + 1} (synthetic)`);
    }
  }
  // The lakeside road, a ring round the water.
  const ring = Array.from({ length: 37 }, (_, i) => {
    const a = (i / 36) * 2 * Math.PI;
    return [round6(116.595 + 0.0205 * Math.cos(a)), round6(35.318 + 0.0142 * Math.sin(a))];
  });
  add(ring, 'tertiary', 'Lakeside road (synthetic)');
  return features;
}

// Urban communities cluster round the hall and the towns; villages spread over the rest.
const CENTRES = [
  { lat: 35.383, lon: 116.612, n: 14, spread: 0.012, weight: 3.0, kind: 'urban' },
  { lat: 35.361, lon: 116.585, n: 10, spread: 0.01, weight: 2.2, kind: 'urban' },
  { lat: 35.318, lon: 116.655, n: 9, spread: 0.01, weight: 2.0, kind: 'urban' },
];

function communities() {
  const places = [];
  for (const c of CENTRES)
    for (let i = 0; i < c.n; i++)
      places.push({
        lat: c.lat + (rnd() - 0.5) * 2 * c.spread,
        lon: c.lon + (rnd() - 0.5) * 2 * c.spread,
        weight: c.weight * (0.6 + rnd()),
        kind: c.kind,
      });
  while (places.length < 64) {
    const lat = 35.29 + rnd() * 0.11,
      lon = 116.55 + rnd() * 0.15;
    if (inLake(lat, lon)) continue;
    places.push({ lat, lon, weight: 0.5 + rnd() * 0.9, kind: 'village' });
  }
  const total = places.reduce((s, p) => s + p.weight, 0);
  const people = places.map((p) => Math.round((p.weight / total) * INSURED));
  people[0] += INSURED - people.reduce((s, x) => s + x, 0);
  return places.map((p, i) => feature(p, i, people[i]));
}

function feature(p, i, population) {
  const n = String(i + 1).padStart(2, '0');
  const lat = round6(p.lat),
    lon = round6(p.lon);
  const half = 0.0015;
  const geometry =
    p.kind === 'urban'
      ? {
          type: 'Polygon',
          coordinates: [
            [
              [lon - half, lat - half],
              [lon + half, lat - half],
              [lon + half, lat + half],
              [lon - half, lat + half],
              [lon - half, lat - half],
            ].map(([x, y]) => [round6(x), round6(y)]),
          ],
        }
      : { type: 'Point', coordinates: [lon, lat] };
  const name = p.kind === 'urban' ? `太白湖第${n}社区（虚构）` : `太白湖第${n}村（虚构）`;
  const nameEn = p.kind === 'urban' ? `Community ${n} (synthetic)` : `Village ${n} (synthetic)`;
  return {
    type: 'Feature',
    geometry,
    properties: { communityId: `tl-${n}`, name, nameEn, population, synthetic: true },
  };
}

function collection(name, features) {
  return { type: 'FeatureCollection', name, synthetic: true, note: NOTE, features };
}

fs.mkdirSync(OUT, { recursive: true });
const c = communities();
fs.writeFileSync(
  path.join(OUT, 'communities.geojson'),
  JSON.stringify(collection('taibai-lake-communities', c)) + '\n',
);
fs.writeFileSync(
  path.join(OUT, 'roads.geojson'),
  JSON.stringify(collection('taibai-lake-roads', roads())) + '\n',
);
console.log(
  `${c.length} communities, ${c.reduce((s, f) => s + f.properties.population, 0)} insured`,
);
