import type { DocumentedOperation } from '../support/openapi';
import {
  isUnavailable,
  namedFields,
  problemsWith,
  type Answer,
  type FindingKind,
} from './answer-check';
import { CASE_KINDS, fuzzRequest, type CaseKind, type FuzzRequest } from './fuzz-cases';
import type { Random } from './random';
import type { KnownValues } from './schema-values';
import type { StoreWatch } from './store-watch';

export interface Finding {
  readonly kind: FindingKind;
  readonly request: string;
  readonly detail: string;
}

export interface FuzzSetup {
  readonly targets: readonly DocumentedOperation[];
  readonly knownFor: (target: DocumentedOperation) => KnownValues;
  readonly tokenFor: (target: DocumentedOperation, random: Random) => string;
  readonly store: StoreWatch;
  readonly random: Random;
  readonly kinds?: readonly CaseKind[];
}

export interface FuzzReport {
  requests: number;
  statuses: Record<string, number>;
  refusals: number;
  /** 503s while the shared PostgreSQL had no connection to give; see isUnavailable. */
  unavailable: number;
  findings: Finding[];
}

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

async function answerOf(request: FuzzRequest, requestId: string, token: string): Promise<Answer> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: { ...request.headers, authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: request.body,
    signal: AbortSignal.timeout(20_000),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const allow = response.headers.get('allow');
  // A live stream never ends: its status and headers are the answer.
  if (contentType.includes('event-stream')) {
    await response.body?.cancel();
    return { status: response.status, contentType, allow, body: undefined };
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text && contentType.includes('json') ? JSON.parse(text) : text;
  } catch {
    // Kept as text: the schema check then reports it.
  }
  return { status: response.status, contentType, allow, body };
}

// A template matches a concrete path when each `{param}` takes one segment and the rest agree.
function templateMatches(template: string, path: string): boolean {
  const a = template.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((part, i) => part.startsWith('{') || part === b[i]);
}

/** A method no documented route serves at this concrete path, for which 405 is the answer. */
function otherMethod(request: FuzzRequest, random: Random): FuzzRequest | undefined {
  const path = new URL(request.url).pathname;
  const taken = new Set<string>();
  for (const [template, item] of Object.entries(request.target.document.paths))
    if (templateMatches(template, path))
      Object.keys(item).forEach((m) => taken.add(m.toUpperCase()));
  const missing = ALL_METHODS.filter((m) => !taken.has(m));
  if (missing.length === 0) return undefined;
  const method = random.pick(missing);
  return method === 'GET'
    ? { ...request, method, body: undefined, headers: {} }
    : { ...request, method };
}

function expectationProblems(request: FuzzRequest, answer: Answer): [FindingKind, string][] {
  if (request.method !== request.target.method)
    return answer.status === 405 && answer.allow
      ? []
      : [['no 405', `${answer.status}, Allow ${answer.allow}`]];
  const problems = problemsWith(request.target, answer);
  const must = request.mustRefuse;
  if (must && (answer.status < 400 || answer.status >= 500))
    problems.push([
      'accepted what it must refuse',
      `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
    ]);
  if (must?.field && (answer.status === 400 || answer.status === 422)) {
    const named = namedFields(answer);
    if (!named.some((f) => f === must.field || f.startsWith(`${must.field}.`)))
      problems.push(['wrong field named', `broke ${must.field}, named ${named.join(', ')}`]);
  }
  return problems;
}

/** Sends `count` requests over every operation in turn, each of the next kind, and checks each answer. */
export async function fuzz(count: number, setup: FuzzSetup, label = 'fuzz'): Promise<FuzzReport> {
  const report: FuzzReport = {
    requests: 0,
    statuses: {},
    refusals: 0,
    unavailable: 0,
    findings: [],
  };
  // Ids of this run alone: the database keeps earlier runs' events under their ids.
  const run = Date.now().toString(36);
  const kinds = setup.kinds ?? CASE_KINDS;
  for (let n = 0; n < count; n++) {
    const index = n % setup.targets.length;
    const round = Math.floor(n / setup.targets.length);
    const target = setup.targets[index] as DocumentedOperation;
    // Each round moves every operation on to its next kind of request.
    const kind = kinds[(round + index) % kinds.length] as CaseKind;
    let request = fuzzRequest(kind, target, setup.knownFor(target), setup.random);
    if (kind === 'other-method') request = otherMethod(request, setup.random) ?? request;
    const requestId = `${label}-${setup.random.seed}-${run}-${n}`;
    await checkOne(request, requestId, setup, report);
  }
  return report;
}

async function checkOne(
  request: FuzzRequest,
  requestId: string,
  setup: FuzzSetup,
  report: FuzzReport,
) {
  const what = `${requestId} ${request.kind} ${request.method} ${request.url.replace(/^https?:\/\/[^/]+/, '')}`;
  report.requests++;
  let answer: Answer;
  try {
    answer = await answerOf(request, requestId, setup.tokenFor(request.target, setup.random));
  } catch (error) {
    report.findings.push({ kind: 'no answer', request: what, detail: String(error) });
    return;
  }
  report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
  if (isUnavailable(answer)) report.unavailable++;
  for (const [kind, detail] of expectationProblems(request, answer))
    report.findings.push({ kind, request: what, detail });
  if (answer.status >= 400 && answer.status < 500) {
    report.refusals++;
    const stored = await setup.store.appendedBy(requestId);
    if (stored > 0)
      report.findings.push({
        kind: 'stored from a refusal',
        request: what,
        detail: `${stored} events`,
      });
  }
}
