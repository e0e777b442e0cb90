import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandAnswer, CommandContext } from '@circle/event-store';
import type {
  CommunityProperties,
  FeatureCollection,
  RoadProperties,
} from '../domain/geojson-layers';
import {
  GEOGRAPHY_LAYERS,
  GeographyImported,
  GeographyLayer,
  geographyStreamId,
} from '../domain/geography.events';
import { COVERAGE_SETTINGS, CoverageSettings } from '../coverage.config';
import { LayerStore, currentGeography, type ImportedGeography } from '../geography/geography-store';
import { EMPTY_LAYER, geographyIdOf, layerHash } from '../geography/layer-hash';
import { GEOGRAPHY_DEPS, GeographyDeps } from '../geography/geography.tokens';
import { checkLayer } from './layer-check';
import { communitiesSummary, isSynthetic, roadsSummary } from './layer-summary';

export interface ImportAnswer {
  readonly region: string;
  readonly geographyId: string;
  readonly layer: GeographyLayer;
  /** False when the file was the layer already in force: nothing was recorded. */
  readonly replaced: boolean;
  readonly communities: ImportedGeography['communities'];
  readonly roads: ImportedGeography['roads'];
  readonly synthetic: boolean;
}

const SUMMARY = {
  communities: (hash: string, body: unknown) =>
    communitiesSummary(hash, body as FeatureCollection<CommunityProperties>),
  roads: (hash: string, body: unknown) =>
    roadsSummary(hash, body as FeatureCollection<RoadProperties>),
} as const;

/**
 * Imports one layer: checked feature by feature first (a bad file replaces nothing), stored
 * under its hash, then recorded as `coverage.GeographyImported` with the other layer carried
 * over. The coverage projection recomputes when the event reaches it.
 */
@Injectable()
export class ImportGeographyHandler {
  private readonly logger = new Logger('GeographyImport');

  private readonly layers: LayerStore;

  constructor(
    @Inject(GEOGRAPHY_DEPS) private readonly deps: GeographyDeps,
    @Inject(COVERAGE_SETTINGS) private readonly settings: CoverageSettings,
  ) {
    this.layers = new LayerStore(deps.sql);
  }

  async importLayer(
    layer: GeographyLayer,
    body: unknown,
    context: CommandContext,
    source: string,
  ): Promise<CommandAnswer<ImportAnswer>> {
    return this.importLayers({ [layer]: body }, context, source, layer);
  }

  /** Both layers at once (the demo seed) or one; recorded as one event either way. */
  async importLayers(
    bodies: Partial<Record<GeographyLayer, unknown>>,
    context: CommandContext,
    source: string,
    answered: GeographyLayer = 'communities',
  ): Promise<CommandAnswer<ImportAnswer>> {
    const given = GEOGRAPHY_LAYERS.filter((layer) => bodies[layer] !== undefined);
    const summaries: Partial<ImportedGeography> = {};
    for (const layer of given) {
      const started = Date.now();
      const body = bodies[layer];
      await checkLayer(layer, body, (done, total) => this.progress(layer, done, total, started));
      Object.assign(summaries, { [layer]: SUMMARY[layer](layerHash(body), body) });
    }
    // Only once every file passed: a bad roads file sent with good communities stores neither.
    for (const layer of given) {
      const summary = summaries[layer];
      if (summary) await this.layers.save(layer, summary.hash, summary.features, bodies[layer]);
    }
    const { version, geography } = await currentGeography(this.deps.store, this.settings.region);
    const changed = given.filter((layer) => geography?.[layer].hash !== summaries[layer]?.hash);
    if (geography && changed.length === 0)
      return { status: 200, body: answerOf(answered, { ...geography, replaced: [] }) };
    const synthetic = given.some((l) => isSynthetic(bodies[l] as { features: unknown[] }));
    const next = await this.nextGeography(summaries, changed, synthetic, geography, source);
    return this.record(next, version, context, answered);
  }

  private async nextGeography(
    given: Partial<ImportedGeography>,
    changed: readonly GeographyLayer[],
    synthetic: boolean,
    before: ImportedGeography | undefined,
    source: string,
  ): Promise<ImportedGeography> {
    const empty = layerHash(EMPTY_LAYER);
    for (const layer of GEOGRAPHY_LAYERS)
      if (!given[layer] && !before) await this.layers.save(layer, empty, 0, EMPTY_LAYER);
    const communities = given.communities ??
      before?.communities ?? { hash: empty, features: 0, population: 0 };
    const roads = given.roads ?? before?.roads ?? { hash: empty, features: 0, km: 0 };
    return {
      region: this.settings.region,
      geographyId: geographyIdOf(communities.hash, roads.hash),
      communities,
      roads,
      replaced: changed,
      // The whole geography is synthetic while either layer is: a map drawn from it says so.
      synthetic: synthetic || (before?.synthetic ?? false),
      source,
    };
  }

  private async record(
    data: ImportedGeography,
    version: number,
    context: CommandContext,
    layer: GeographyLayer,
  ): Promise<CommandAnswer<ImportAnswer>> {
    const event: GeographyImported = { type: 'coverage.GeographyImported', data };
    const response = { status: 200, body: answerOf(layer, data) };
    const metadata = { correlationId: context.correlationId, actor: context.principal.username };
    const stream = geographyStreamId(this.settings.region);
    const events = [{ ...event, schemaVersion: 1 }];
    if (!context.idempotency) {
      await this.deps.store.append(stream, version, events, metadata);
      return response;
    }
    const result = await this.deps.store.append(stream, version, events, metadata, {
      idempotency: context.idempotency,
      response,
    });
    return result.replayed ? (result.answer as CommandAnswer<ImportAnswer>) : response;
  }

  private progress(layer: GeographyLayer, checked: number, total: number, started: number): void {
    if (total < 5_000) return;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    this.logger.log(`importing ${layer}: ${checked} of ${total} features checked (${seconds} s)`);
  }
}

function answerOf(layer: GeographyLayer, g: ImportedGeography): ImportAnswer {
  return {
    region: g.region,
    geographyId: g.geographyId,
    layer,
    replaced: g.replaced.includes(layer),
    communities: g.communities,
    roads: g.roads,
    synthetic: g.synthetic,
  };
}
