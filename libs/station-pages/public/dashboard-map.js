// The district map as inline SVG, drawn from GeoJSON: no tiles, nothing fetched from outside.
(() => {
  const NS = 'http://www.w3.org/2000/svg';
  const WIDTH = 1000;
  // The map takes the district's own shape, within these bounds of height to width.
  const MIN_HEIGHT = 620;
  const MAX_HEIGHT = 860;
  const PAD = 36;
  // Minutes bands of the shading, the circle's 15 minutes in the middle of the scale.
  const BANDS = [
    { to: 5, colour: '#0b7a5f' },
    { to: 10, colour: '#3fa17f' },
    { to: 15, colour: '#8fcfae' },
    { to: 30, colour: '#f2c25c' },
    { to: Infinity, colour: '#d9694a' },
  ];
  const NO_ROAD = '#b8bfc8';
  const UNKNOWN = '#e4e8ee';

  function element(name, attributes = {}, parent) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  /** Every position of a geometry, whatever its type, for the bounds. */
  function positions(geometry) {
    if (!geometry) return [];
    const flat = (c) => (typeof c[0] === 'number' ? [c] : c.flatMap(flat));
    return flat(geometry.coordinates);
  }

  /**
   * An equirectangular view, east–west scaled by the cosine of the middle latitude: over a
   * district of a few tens of kilometres it is as true as any projection the eye can tell.
   */
  function projection(points) {
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const [west, east] = [Math.min(...lons), Math.max(...lons)];
    const [south, north] = [Math.min(...lats), Math.max(...lats)];
    const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
    const spanX = Math.max((east - west) * k, 1e-6);
    const spanY = Math.max(north - south, 1e-6);
    const height = Math.round(
      Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, (WIDTH * spanY) / spanX + 2 * PAD)),
    );
    const scale = Math.min((WIDTH - 2 * PAD) / spanX, (height - 2 * PAD) / spanY);
    const offsetX = (WIDTH - spanX * scale) / 2;
    const offsetY = (height - spanY * scale) / 2;
    const at = ([lon, lat]) => [
      +(offsetX + (lon - west) * k * scale).toFixed(1),
      +(offsetY + (north - lat) * scale).toFixed(1),
    ];
    return { at, height };
  }

  function pathOf(rings, at) {
    return rings
      .map((ring) => `M${ring.map((p) => at(p).join(',')).join('L')}`)
      .join('')
      .concat('Z');
  }

  function lineOf(line, at) {
    return `M${line.map((p) => at(p).join(',')).join('L')}`;
  }

  function drawCommunity(feature, at, layer) {
    const g = feature.geometry;
    const id = feature.properties && feature.properties.communityId;
    const attributes = { class: 'community', 'data-community': id, fill: UNKNOWN };
    let shape;
    if (g.type === 'Point') {
      const [x, y] = at(g.coordinates);
      // Area follows population, so a large village reads larger than a hamlet.
      const r = Math.max(5, Math.min(22, Math.sqrt(feature.properties.population || 0) / 3));
      shape = element('circle', { ...attributes, cx: x, cy: y, r }, layer);
    } else if (g.type === 'Polygon') {
      shape = element('path', { ...attributes, d: pathOf(g.coordinates, at) }, layer);
    } else if (g.type === 'MultiPolygon') {
      const d = g.coordinates.map((polygon) => pathOf(polygon, at)).join('');
      shape = element('path', { ...attributes, d }, layer);
    }
    if (shape) {
      const title = element('title', {}, shape);
      title.textContent = feature.properties.name || id;
    }
  }

  function drawRoad(feature, at, layer) {
    const g = feature.geometry;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    const roadClass = (feature.properties && feature.properties.class) || 'local';
    for (const line of lines)
      element('path', { class: `road road-${roadClass}`, d: lineOf(line, at) }, layer);
  }

  function drawStation(station, at, layer) {
    const [x, y] = at([station.location.lon, station.location.lat]);
    const g = element(
      'g',
      {
        class: `station kind-${station.kind}`,
        'data-station': station.stationId,
        'data-kind': station.kind,
      },
      layer,
    );
    const r = station.kind === 'village' ? 8 : 12;
    const shape =
      station.kind === 'hospital'
        ? element('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, rx: 2 }, g)
        : element('circle', { cx: x, cy: y, r }, g);
    shape.setAttribute('class', 'marker');
    // Hospitals often stand beside a township station: their names go above, the others' beside.
    const [lx, ly] = station.kind === 'hospital' ? [x + r + 2, y - r - 4] : [x + r + 5, y + 6];
    const label = element('text', { x: lx, y: ly, class: 'station-label' }, g);
    label.textContent = station.name;
    element('title', {}, g).textContent = station.name;
    return { g, label, right: lx, left: x - r - 5 };
  }

  /** A name that would run off the map's right edge goes to the marker's left instead. */
  function placeLabel({ label, right, left }) {
    label.setAttribute('x', right);
    label.removeAttribute('text-anchor');
    // Zero while the map is hidden: the name stays where it is until it is drawn again.
    if (right + label.getComputedTextLength() > WIDTH - 4) {
      label.setAttribute('x', left);
      label.setAttribute('text-anchor', 'end');
    }
  }

  function bandColour(minutes) {
    if (minutes === null) return NO_ROAD;
    if (minutes === undefined) return UNKNOWN;
    return BANDS.find((band) => minutes <= band.to).colour;
  }

  /**
   * Draws communities, roads and stations into the svg and returns what changes later:
   * the shading by minutes, the stations' state, and their names in the reader's language.
   */
  function draw(svg, { stations, communities, roads }) {
    svg.replaceChildren();
    const points = [
      ...stations.map((s) => [s.location.lon, s.location.lat]),
      ...(communities ? communities.features.flatMap((f) => positions(f.geometry)) : []),
      ...(roads ? roads.features.flatMap((f) => positions(f.geometry)) : []),
    ];
    const { at, height } = projection(points);
    svg.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
    svg.style.aspectRatio = `${WIDTH} / ${height}`;
    element('rect', { class: 'map-ground', width: WIDTH, height }, svg);
    const communityLayer = element('g', { class: 'communities' }, svg);
    const roadLayer = element('g', { class: 'roads' }, svg);
    const stationLayer = element('g', { class: 'stations' }, svg);
    for (const f of communities ? communities.features : []) drawCommunity(f, at, communityLayer);
    for (const f of roads ? roads.features : []) drawRoad(f, at, roadLayer);
    const drawn = new Map(stations.map((s) => [s.stationId, drawStation(s, at, stationLayer)]));
    return {
      shade(minutesById) {
        for (const shape of communityLayer.children)
          shape.setAttribute('fill', bandColour(minutesById[shape.dataset.community]));
      },
      markStations(stateById) {
        for (const [stationId, { g }] of drawn)
          g.setAttribute(
            'class',
            `station kind-${g.dataset.kind || ''} is-${stateById[stationId] || 'none'}`,
          );
      },
      nameStations(nameOf) {
        for (const [stationId, station] of drawn) {
          station.label.textContent = nameOf(stationId);
          station.g.querySelector('title').textContent = nameOf(stationId);
          placeLabel(station);
        }
      },
    };
  }

  /** The legend's bands, in minutes, for the page to label in its language. */
  function legend() {
    let from = 0;
    return BANDS.map((band) => {
      const entry = { from, to: band.to === Infinity ? null : band.to, colour: band.colour };
      from = band.to;
      return entry;
    }).concat([{ noRoad: true, colour: NO_ROAD }]);
  }

  window.CircleMap = { draw, legend, bandColour };
})();
