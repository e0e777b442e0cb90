import type { RunningApp } from './app-process';
import type { AppName } from './test-env';

export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One operation of one app, as its own /docs-json describes it. */
export interface DocumentedOperation {
  readonly app: AppName;
  readonly baseUrl: string;
  readonly method: string;
  readonly path: string;
  readonly operation: Operation;
  readonly document: OpenApiDocument;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export async function documentOf(app: RunningApp): Promise<OpenApiDocument> {
  const response = await fetch(`${app.url}/docs-json`);
  if (!response.ok) throw new Error(`${app.name} /docs-json answered ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

export async function operationsOf(app: RunningApp): Promise<DocumentedOperation[]> {
  const document = await documentOf(app);
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({
      app: app.name,
      baseUrl: app.url,
      method: method.toUpperCase(),
      path,
      operation: item[method] as Operation,
      document,
    })),
  );
}

/** Follows a `$ref` into the document's components; other schemas come back as they are. */
export function resolved(document: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const name = current.$ref.split('/').pop() ?? '';
    current = document.components?.schemas?.[name] ?? {};
  }
  return current;
}

export const operationKey = (o: { method: string; path: string }) => `${o.method} ${o.path}`;
