import type { Random } from './random';

/**
 * Text matching a regular expression of the kind request schemas use: literals, escapes (\d,
 * \w), classes with ranges, groups with alternatives and quantifiers. Anything else is left to
 * the caller (which then uses the schema's example).
 */
type Node =
  | { kind: 'chars'; chars: string[] }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

const DIGITS = [...'0123456789'];
const WORD = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'];

function escaped(c: string): string[] {
  if (c === 'd') return DIGITS;
  if (c === 'w') return WORD;
  if (c === 's') return [' '];
  return [c];
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++)
    out.push(String.fromCharCode(code));
  return out;
}

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  sequence(): Node[][] {
    const alternatives: Node[][] = [[]];
    while (this.at < this.source.length && this.source[this.at] !== ')') {
      const c = this.source[this.at++] as string;
      if (c === '|') alternatives.push([]);
      else if (c === '^' || c === '$') continue;
      else alternatives[alternatives.length - 1]?.push(this.quantified(this.atom(c)));
    }
    return alternatives;
  }

  private atom(c: string): Node {
    if (c === '\\') return { kind: 'chars', chars: escaped(this.source[this.at++] ?? '') };
    if (c === '[') return { kind: 'chars', chars: this.charClass() };
    if (c === '(') {
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      const alternatives = this.sequence();
      this.at++;
      return { kind: 'group', alternatives };
    }
    if (c === '.') return { kind: 'chars', chars: WORD };
    return { kind: 'chars', chars: [c] };
  }

  private charClass(): string[] {
    if (this.source[this.at] === '^') throw new Error('negated classes are not generated');
    const chars: string[] = [];
    while (this.source[this.at] !== ']') {
      let c = this.source[this.at++] as string;
      if (c === '\\') {
        chars.push(...escaped(this.source[this.at++] ?? ''));
        continue;
      }
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']') {
        const to = this.source[this.at + 1] as string;
        this.at += 2;
        chars.push(...range(c, to));
        c = '';
      }
      if (c) chars.push(c);
    }
    this.at++;
    return chars;
  }

  private quantified(node: Node): Node {
    const c = this.source[this.at];
    if (c === '?') return this.skip({ kind: 'repeat', node, min: 0, max: 1 });
    if (c === '*') return this.skip({ kind: 'repeat', node, min: 0, max: 3 });
    if (c === '+') return this.skip({ kind: 'repeat', node, min: 1, max: 3 });
    const bounds = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
    if (!bounds) return node;
    this.at += bounds[0].length;
    const min = Number(bounds[1]);
    const max = bounds[2] ? (bounds[3] ? Number(bounds[3]) : min + 3) : min;
    return { kind: 'repeat', node, min, max };
  }

  private skip(node: Node): Node {
    this.at++;
    return node;
  }
}

function emit(node: Node, random: Random): string {
  if (node.kind === 'chars') return random.pick(node.chars);
  if (node.kind === 'group')
    return random
      .pick(node.alternatives)
      .map((n) => emit(n, random))
      .join('');
  const times = random.int(node.min, Math.min(node.max, node.min + 12));
  return Array.from({ length: times }, () => emit(node.node, random)).join('');
}

export function textMatching(pattern: string, random: Random): string | undefined {
  try {
    const alternatives = new Parser(pattern).sequence();
    const text = random
      .pick(alternatives)
      .map((node) => emit(node, random))
      .join('');
    return new RegExp(pattern).test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
