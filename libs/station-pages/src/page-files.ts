import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
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

/** Names the pages show: business items, and the district's stations as transfer targets. */
function catalog(): Buffer {
  const businesses = BUSINESS_CATALOG.map(({ code, name, nameEn }) => ({ code, name, nameEn }));
  const stations = DEMO_DISTRICT.map(({ stationId, name, nameEn }) => ({
    stationId,
    name,
    nameEn,
  }));
  return Buffer.from(JSON.stringify({ businesses, stations }));
}

/** Read once at start: a handful of small files, served from memory with an ETag. */
export function loadPageFiles(): Map<string, PageFile> {
  const dir = publicDir();
  const files = new Map<string, PageFile>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type) files.set(name, pageFile(type, readFileSync(path.join(dir, name))));
  }
  files.set(
    'alpine.min.js',
    pageFile(TYPES['.js'] as string, readFileSync(require.resolve('alpinejs/dist/cdn.min.js'))),
  );
  files.set('catalog.json', pageFile(TYPES['.json'] as string, catalog()));
  return files;
}
