import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { DomainError, type FieldProblem } from '@circle/kernel';
import type { GeographyLayer } from '../domain/geography.events';
import { COMMUNITY_FEATURE, FEATURE_COLLECTION, ROAD_FEATURE } from './layer-schemas';

/** Past this many problems a file is refused without reading further: the first ones say enough. */
const MAX_PROBLEMS = 20;
const PROGRESS_EVERY = 5_000;

/** 422 naming each bad feature's field; nothing is stored when this is thrown. */
export class GeographyRejected extends DomainError {
  constructor(layer: GeographyLayer, fields: readonly FieldProblem[]) {
    const first = fields[0];
    super(
      'invalid',
      'geography_rejected',
      `the ${layer} file was refused, nothing was replaced: ${first ? `${first.field} ${first.problem}` : 'it is empty'}${fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''}`,
      fields,
    );
  }
}

const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: false });
const CHECKS: Record<GeographyLayer, ValidateFunction> = {
  communities: ajv.compile(COMMUNITY_FEATURE),
  roads: ajv.compile(ROAD_FEATURE),
};
const checkCollection = ajv.compile(FEATURE_COLLECTION);

/** `/properties/population` under feature 12 → `features[12].properties.population`. */
export function fieldOf(prefix: string, error: ErrorObject): string {
  const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
  const path = `${error.instancePath}${missing}`
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
  return prefix ? `${prefix}${path}` : path.replace(/^\./, '');
}

function problemOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'enum')
    return `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'const') return `must be ${String(error.params.allowedValue)}`;
  return error.message ?? 'is not valid';
}

/** Problems of one file, feature by feature, reporting progress on long files. */
export async function checkLayer(
  layer: GeographyLayer,
  body: unknown,
  progress: (checked: number, total: number) => void = () => undefined,
): Promise<void> {
  if (!checkCollection(body))
    throw new GeographyRejected(layer, problems('', checkCollection.errors ?? []));
  const features = (body as { features: unknown[] }).features;
  const found: FieldProblem[] = [];
  for (let i = 0; i < features.length && found.length < MAX_PROBLEMS; i++) {
    found.push(...featureProblems(layer, features[i], i));
    if ((i + 1) % PROGRESS_EVERY === 0) {
      progress(i + 1, features.length);
      // A big file must not hold up the app's other requests while it is read.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (found.length === 0) found.push(...duplicateIds(layer, features));
  if (found.length > 0) throw new GeographyRejected(layer, found.slice(0, MAX_PROBLEMS));
  progress(features.length, features.length);
}

function featureProblems(layer: GeographyLayer, feature: unknown, i: number): FieldProblem[] {
  const check = CHECKS[layer];
  const prefix = `features[${i}]`;
  if (!check(feature)) return problems(prefix, check.errors ?? []);
  const properties = (feature as { properties: { class?: string; speedKmh?: number } }).properties;
  if (layer === 'roads' && properties.class === undefined && properties.speedKmh === undefined)
    return [
      { field: `${prefix}.properties.class`, problem: 'is required unless speedKmh is given' },
    ];
  return [];
}

function problems(prefix: string, errors: readonly ErrorObject[]): FieldProblem[] {
  // oneOf over the geometry types repeats its branches' errors; the discriminator has said which.
  const seen = new Set<string>();
  return errors.flatMap((e) => {
    const field = fieldOf(prefix, e) || 'body';
    const problem = problemOf(e);
    const key = `${field} ${problem}`;
    if (seen.has(key) || e.keyword === 'oneOf') return [];
    seen.add(key);
    return [{ field, problem }];
  });
}

function duplicateIds(layer: GeographyLayer, features: readonly unknown[]): FieldProblem[] {
  if (layer !== 'communities') return [];
  const firstAt = new Map<string, number>();
  const found: FieldProblem[] = [];
  features.forEach((f, i) => {
    const id = (f as { properties: { communityId: string } }).properties.communityId;
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, i);
    else
      found.push({
        field: `features[${i}].properties.communityId`,
        problem: `repeats features[${first}]'s id ${id}`,
      });
  });
  return found;
}
