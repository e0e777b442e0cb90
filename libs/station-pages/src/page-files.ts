import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { RESIDENT_CATEGORIES } from '@circle/policy';
import { BUSINESS_CATALOG, DEMO_DISTRICT } from '@circle/stations';

export interface PageFile {
  readonly type: string;
  readonly body: Buffer;
  /** Strong validator of the body, so a browser's copy is reused until a deploy changes it. */
  readonly etag: string;
}

function pageFile(type: string, body: Buffer): PageFile {
  return { type, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The build compiles TypeScript only, so the static files stay beside the sources:
 * libs/station-pages/public, reached from src/ when run by Jest and from dist/ when compiled.
 */
function publicDir(): string {
  const candidates = [
    path.resolve(__dirname, '..', 'public'),
    path.resolve(__dirname, '..', '..', '..', '..', 'libs', 'station-pages', 'public'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'console.html')));
  if (!found) throw new Error(`station pages not found in ${candidates.join(' or ')}`);
  return found;
}

/**
 * Names the pages show: business items, the district's stations as transfer targets, and the
 * resident categories a bill or claim may name (their words are in the dictionaries).
 */
function catalog(): Buffer {
  const businesses = BUSINESS_CATALOG.map(({ code, name, nameEn }) => ({ code, name, nameEn }));
  const stations = DEMO_DISTRICT.map(({ stationId, name, nameEn }) => ({
    stationId,
    name,
    nameEn,
  }));
  return Buffer.from(JSON.stringify({ businesses, stations, categories: RESIDENT_CATEGORIES }));
}

const INCLUDE = /<!--\s*include ([\w.-]+\.part\.html)\s*-->/g;

/**
 * A page is stitched from its parts once at start (`<!-- include name.part.html -->`, parts may
 * include parts), so each business screen keeps its own small file and the browser still gets
 * one page: there is no build step to do it.
 */
export function withParts(
  html: string,
  read: (part: string) => string,
  seen: string[] = [],
): string {
  return html.replace(INCLUDE, (_, part: string) => {
    if (seen.includes(part))
      throw new Error(`${part} includes itself: ${[...seen, part].join(' → ')}`);
    return withParts(read(part), read, [...seen, part]);
  });
}

/** Read once at start: a handful of small files, served from memory with an ETag. */
export function loadPageFiles(): Map<string, PageFile> {
  const dir = publicDir();
  const files = new Map<string, PageFile>();
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    // Parts exist only inside the pages that include them.
    if (!type || name.endsWith('.part.html')) continue;
    const body =
      type === TYPES['.html']
        ? Buffer.from(withParts(read(name), read))
        : readFileSync(path.join(dir, name));
    files.set(name, pageFile(type, body));
  }
  files.set(
    'alpine.min.js',
    pageFile(TYPES['.js'] as string, readFileSync(require.resolve('alpinejs/dist/cdn.min.js'))),
  );
  // The dashboard's chart library, kept from npm like Alpine.
  for (const name of ['uPlot.iife.min.js', 'uPlot.min.css'])
    files.set(
      name,
      pageFile(
        TYPES[path.extname(name)] as string,
        readFileSync(require.resolve(`uplot/dist/${name}`)),
      ),
    );
  // The console reads an employer's CSV roll with it, kept from npm like Alpine.
  files.set(
    'papaparse.min.js',
    pageFile(TYPES['.js'] as string, readFileSync(require.resolve('papaparse/papaparse.min.js'))),
  );
  files.set('catalog.json', pageFile(TYPES['.json'] as string, catalog()));
  return files;
}
