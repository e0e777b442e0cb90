import type { DistrictGeography, ModeGeography } from './district-geography';
import type { TravelMode } from './travel-modes';
import { roundMinutes } from './travel-minutes';

export interface SiteProposal {
  readonly rank: number;
  /** The road node the station would stand at. */
  readonly node: number;
  readonly lon: number;
  readonly lat: number;
  /** Residents it brings within the limit who were beyond it before (and before the ranks above). */
  readonly gain: number;
  readonly communities: readonly string[];
  /** Covered population once this site and those ranked above it open. */
  readonly coveredPopulation: number;
}

export interface SitingQuestion {
  readonly mode: TravelMode;
  readonly limit: number;
  readonly k: number;
  /** Minutes per community to today's nearest capable station (Infinity: none). */
  readonly minutes: ArrayLike<number>;
  /** Nodes a station may stand at; by default every community's node and every crossroads. */
  readonly candidates?: Int32Array;
}

interface Candidate {
  readonly node: number;
  gain: number;
  round: number;
}

/**
 * Greedy siting: the site that brings the most uncovered residents within the limit, then the
 * next given the first, and so on. A site's gain can only shrink as others open (coverage is
 * submodular), so a gain worked out this round that still tops the others' older figures wins
 * without recomputing them (lazy greedy); the first choice is optimal, the k-th within
 * 1 − 1/e of the best k together.
 */
export function proposeSites(geography: DistrictGeography, q: SitingQuestion): SiteProposal[] {
  const m = geography.mode(q.mode);
  const atNode = communitiesAtNodes(m, geography.network.nodeCount);
  const beyond = Array.from(geography.communities, (_, i) => (q.minutes[i] ?? Infinity) > q.limit);
  let covered = geography.communities.reduce((s, c, i) => s + (beyond[i] ? 0 : c.population), 0);
  const gainOf = (node: number) => reachBy(geography, m, atNode, beyond, node, q.limit);
  const candidates = [...(q.candidates ?? defaultCandidates(geography, m))].map(
    (node): Candidate => ({ node, gain: gainOf(node).gain, round: 0 }),
  );
  const proposals: SiteProposal[] = [];
  for (let round = 1; round <= q.k; round++) {
    const best = nextBest(candidates, round, gainOf);
    if (!best) break;
    const reach = gainOf(best.node);
    for (const i of reach.communities) beyond[i] = false;
    covered += reach.gain;
    best.gain = 0;
    proposals.push({
      rank: round,
      node: best.node,
      lon: geography.network.lon[best.node],
      lat: geography.network.lat[best.node],
      gain: reach.gain,
      communities: reach.communities.map((i) => geography.communities[i].communityId),
      coveredPopulation: covered,
    });
  }
  return proposals;
}

function nextBest(
  candidates: Candidate[],
  round: number,
  gainOf: (node: number) => { gain: number },
): Candidate | undefined {
  for (;;) {
    let best: Candidate | undefined;
    for (const c of candidates)
      if (
        c.gain > 0 &&
        (!best || c.gain > best.gain || (c.gain === best.gain && c.node < best.node))
      )
        best = c;
    if (!best || best.round === round) return best;
    best.gain = gainOf(best.node).gain;
    best.round = round;
  }
}

/** The uncovered communities a station at `node` would bring within the limit. */
function reachBy(
  geography: DistrictGeography,
  m: ModeGeography,
  atNode: { first: Int32Array; list: Int32Array },
  beyond: boolean[],
  node: number,
  limit: number,
): { gain: number; communities: number[] } {
  m.search.run(m.edgeMinutes, { nodes: Int32Array.of(node), minutes: Float64Array.of(0) }, limit);
  let gain = 0;
  const communities: number[] = [];
  for (const reached of m.search.reachedNodes())
    for (let j = atNode.first[reached]; j < atNode.first[reached + 1]; j++) {
      const i = atNode.list[j];
      const minutes = roundMinutes(m.search.minutes[reached] + m.communityAccessMinutes[i]);
      if (!beyond[i] || minutes > limit) continue;
      gain += geography.communities[i].population;
      communities.push(i);
    }
  return { gain, communities: communities.sort((a, b) => a - b) };
}

/** Communities grouped by the node they join the network at (compressed rows). */
function communitiesAtNodes(m: ModeGeography, nodeCount: number) {
  const first = new Int32Array(nodeCount + 1);
  for (const node of m.communityNode) if (node >= 0) first[node + 1]++;
  for (let n = 0; n < nodeCount; n++) first[n + 1] += first[n];
  const next = first.slice(0, nodeCount);
  const list = new Int32Array(first[nodeCount]);
  m.communityNode.forEach((node, i) => {
    if (node >= 0) list[next[node]++] = i;
  });
  return { first, list };
}

function defaultCandidates(geography: DistrictGeography, m: ModeGeography): Int32Array {
  const { firstEdge, nodeCount } = geography.network;
  const nodes = new Set<number>();
  for (const node of m.communityNode) if (node >= 0) nodes.add(node);
  for (let n = 0; n < nodeCount; n++) if (firstEdge[n + 1] - firstEdge[n] >= 3) nodes.add(n);
  return Int32Array.from([...nodes].sort((a, b) => a - b));
}
