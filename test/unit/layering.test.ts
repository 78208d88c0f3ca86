import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source module of the platform (tests aside) and the project modules it imports. */
function importGraph(): Map<string, string[]> {
  const files = ['shared', 'functions', 'events', 'infra', 'local'].flatMap((root) =>
    (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(root, file)),
  );
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const targets = [...source.matchAll(/(?:from|import\()\s*'#([a-z]+\/[^']+)'/g)].map(
      (match) => match[1] ?? '',
    );
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components of more than one module, or a module importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, indices.get(next) ?? 0));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

describe('the arrows of the layout (docs/architecture.md)', () => {
  const graph = importGraph();
  const violations = (from: RegExp, forbidden: RegExp) =>
    [...graph].flatMap(([file, targets]) =>
      from.test(file)
        ? targets.filter((target) => forbidden.test(target)).map((target) => `${file} -> ${target}`)
        : [],
    );

  it('shared code never imports a handler, the route table or the runtime', () => {
    expect(violations(/^shared\//, /^(functions|infra)\//)).toEqual([]);
  });

  it('the domain imports only the domain, dates and errors', () => {
    expect(violations(/^shared\/domain\//, /^(?!shared\/(domain\/|dates\.ts$|errors\.ts$))/)).toEqual([]);
  });

  it('renderers (shared/render: html, svg, qr, pdf, zip, xlsx) turn views into bytes: no store, no HTTP', () => {
    expect(violations(/^shared\/render\//, /^shared\/(store|http)\//)).toEqual([]);
    expect(violations(/^shared\/(domain|store|use-cases)\//, /^shared\/render\//)).toEqual([]);
  });

  it('the store and the use cases know nothing of HTTP; the store nothing of use cases', () => {
    expect(violations(/^shared\/(store|use-cases|domain)\//, /^shared\/http\//)).toEqual([]);
    expect(violations(/^shared\/store\//, /^shared\/use-cases\//)).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
