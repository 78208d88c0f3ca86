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

/**
 * The systems from the bottom up (docs/architecture.md): each may import those before it. The
 * kernel holds the words all of them speak; the lists (清单) drive recording and review; a
 * decision, where recording, review and publicity meet, sits above them all.
 */
const SYSTEMS = [
  'kernel',
  'organisation',
  'checklists',
  'recording',
  'legal-review',
  'publicity',
  'inspections',
  'supervision',
  'decisions',
] as const;

/** Where a system's code reaches up, and why; the test fails when one goes or a new one comes. */
const UPWARD_EXCEPTIONS: Record<string, string> = {
  'shared/checklists/domain/checklist-kinds.ts -> shared/recording/domain/documents.ts':
    'the review catalog names the materials a review needs by their document type',
  'shared/recording/use-cases/case-access.ts -> shared/inspections/store/random-draw-repository.ts':
    'an inspection case is registered from the random draw that chose it',
  'shared/recording/use-cases/case-documents.ts -> shared/publicity/domain/public-record.ts':
    'a document’s title is shown redacted as its publication would be',
  'shared/recording/use-cases/case-documents.ts -> shared/publicity/store/publication-repository.ts':
    'the service receipt of the decision readies its publication (PUB-10)',
  'shared/recording/use-cases/transition-case.ts -> shared/publicity/domain/publication.ts':
    'a case served or executed readies its decision’s publication (PUB-10)',
  'shared/recording/use-cases/transition-case.ts -> shared/publicity/store/publication-repository.ts':
    'a case served or executed readies its decision’s publication (PUB-10)',
};

/** The files of shared/ outside the systems and the edges: the runtime every function starts with. */
const RUNTIME = [
  'shared/clock.ts',
  'shared/concurrency.ts',
  'shared/config.ts',
  'shared/observability.ts',
  'shared/repositories.ts',
  'shared/zod-locale.ts',
];

const systemOf = (file: string) => SYSTEMS.find((system) => file.startsWith(`shared/${system}/`));
const DOMAIN = /^shared\/([a-z-]+\/domain\/|kernel\/[a-z-]+\.ts$)/;
const SYSTEM_CODE = new RegExp(`^shared/(${SYSTEMS.join('|')})/`);

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

  it('a domain (each system’s `domain/` and the kernel’s words) imports only domains: pure rules', () => {
    expect(violations(DOMAIN, /^(?!shared\/([a-z-]+\/domain\/|kernel\/[a-z-]+\.ts$))/)).toEqual([]);
  });

  it('renderers (shared/render: html, svg, qr, pdf, zip, xlsx) turn views into bytes: no store, no HTTP', () => {
    expect(violations(/^shared\/render\//, /^shared\/([a-z-]+\/store\/|http\/)/)).toEqual([]);
    expect(violations(SYSTEM_CODE, /^shared\/render\//)).toEqual([]);
  });

  it('the store and the use cases know nothing of HTTP; the store nothing of use cases', () => {
    expect(violations(SYSTEM_CODE, /^shared\/http\//)).toEqual([]);
    expect(violations(/^shared\/[a-z-]+\/store\//, /^shared\/[a-z-]+\/use-cases\//)).toEqual([]);
  });

  it('shared/ is the systems, the kernel, the edges (http, render, events, jobs) and the runtime', () => {
    const misplaced = [...graph.keys()].filter(
      (file) =>
        file.startsWith('shared/') &&
        !SYSTEMS.some((system) => file.startsWith(`shared/${system}/`)) &&
        !/^shared\/(http|render|events|jobs)\//.test(file) &&
        !RUNTIME.includes(file),
    );
    expect(misplaced).toEqual([]);
  });

  it('a system imports the kernel, itself and the systems below it, and nothing above but the named exceptions', () => {
    const upward = [...graph].flatMap(([file, targets]) => {
      const from = systemOf(file);
      if (from === undefined) return [];
      return targets
        .filter((target) => {
          const to = systemOf(target);
          return to !== undefined && SYSTEMS.indexOf(to) > SYSTEMS.indexOf(from);
        })
        .map((target) => `${file} -> ${target}`);
    });
    expect(upward.sort()).toEqual(Object.keys(UPWARD_EXCEPTIONS).sort());
  });

  it('has no import cycle, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
