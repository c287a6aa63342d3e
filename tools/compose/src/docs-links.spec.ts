import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { repoRoot } from '@courierdesk/platform-db';

// The repository must stand on its own: a fresh clone has nothing beside it, so every link in its
// Markdown must land on a file inside it. Web links (http, https, mailto) are not checked.

const ROOT = repoRoot();
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.data', '.nx', 'dist', 'coverage', 'tmp']);
const WEB = /^(https?|mailto):/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Every Markdown file of the repository, relative to the root, in a stable order. */
function markdownFiles(dir = ROOT): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory() && !SKIPPED_DIRS.has(name)) found.push(...markdownFiles(path));
    else if (stat.isFile() && name.endsWith('.md')) found.push(relative(ROOT, path));
  }
  return found;
}

/** The text outside fenced code blocks, with inline code spans blanked: links inside code are examples. */
function proseOf(markdown: string): string {
  let fence: string | null = null;
  const kept = markdown.split('\n').map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker[0] === fence[0])) {
      fence = fence === null ? marker : null;
      return '';
    }
    return fence === null ? line : '';
  });
  return kept.join('\n').replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
}

/** Targets of inline links and images `[text](target)` and of reference definitions `[id]: target`. */
function linkTargets(markdown: string): string[] {
  const prose = proseOf(markdown);
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const references = [...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
  return [...inline, ...references];
}

/** GitHub's anchor for a heading: its text lower-cased, punctuation dropped, spaces as hyphens. */
export function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/[*]/g, '');
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** The anchors a Markdown text offers: one per heading (repeats numbered as GitHub does) and explicit ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker[0] === fence[0])) fence = fence === null ? marker : null;
    if (fence !== null || marker) continue;
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  for (const m of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1]);
  return anchors;
}

/** What is wrong with the links of one Markdown text at `file` (relative to `root`); empty when nothing is. */
export function brokenLinks(root: string, file: string, markdown: string, read = (path: string) => readFileSync(path, 'utf8')): string[] {
  const problems: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (WEB.test(target)) continue;
    if (SCHEME.test(target)) {
      problems.push(`${target}: not a file of the repository`);
      continue;
    }
    const [rawPath, anchor] = target.split('#', 2) as [string, string | undefined];
    const path = decodeURIComponent(rawPath);
    if (path === '') {
      if (anchor && !anchorsOf(markdown).has(anchor)) problems.push(`${target}: no such heading in this file`);
      continue;
    }
    const absolute = path.startsWith('/') ? join(root, path) : resolve(root, dirname(file), path);
    const inside = relative(root, absolute);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      problems.push(`${target}: points outside the repository`);
      continue;
    }
    let isFile: boolean;
    try {
      isFile = statSync(absolute).isFile();
    } catch {
      problems.push(`${target}: no such file`);
      continue;
    }
    if (anchor && isFile && absolute.endsWith('.md') && !anchorsOf(read(absolute)).has(anchor)) {
      problems.push(`${target}: no heading #${anchor} in ${inside}`);
    }
  }
  return problems;
}

describe('links in the repository’s Markdown', () => {
  const files = markdownFiles();

  it('reads the documentation, not the dependencies', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'apps/tracking/README.md', 'bench/REPORT.md']));
    expect(files.filter((f) => /(^|\/)(node_modules|\.data|\.git)\//.test(f))).toEqual([]);
  });

  it.each(files)('%s: every relative link lands on a file inside the repository', (file) => {
    expect(brokenLinks(ROOT, file, readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it.each(files)('%s: does not send the reader to folders beside the repository', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/\.\.\/shared\/|\/work\/shared/);
  });
});

describe('the link check itself', () => {
  const check = (markdown: string, file = 'docs/guide.md') => brokenLinks(ROOT, file, markdown);

  it.each([
    ['a file beside the repository', '[design](../../shared/DESIGN.md)', 'points outside the repository'],
    ['a missing file', '[gone](architecture-v0.md)', 'no such file'],
    ['a missing heading', '[x](../README.md#no-such-heading-here)', 'no heading'],
    ['a missing heading of the same file', '## Keys\n\n[x](#indexes)', 'no such heading'],
    ['a file URL', '[x](file:///etc/passwd)', 'not a file of the repository'],
    ['a reference definition', '[x]: ../../outside.md', 'points outside the repository'],
  ])('reports %s', (_what, markdown, problem) => {
    expect(check(markdown)).toEqual([expect.stringContaining(problem)]);
  });

  it.each([
    ['a relative file', '[readme](../README.md)'],
    ['a folder', '[bench](../bench/)'],
    ['a root-relative file', '[lock](/package.json)'],
    ['a web link', '[apollo](https://www.apollographql.com/docs/)'],
    ['a link inside a code span', '`[design](../../shared/DESIGN.md)`'],
    ['a link inside a fenced block', '```md\n[design](../../shared/DESIGN.md)\n```'],
    ['a heading of the same file', '## Keys and indexes\n\nSee [keys](#keys-and-indexes).'],
  ])('accepts %s', (_what, markdown) => {
    expect(check(markdown)).toEqual([]);
  });

  it.each([
    ['Results of run 8 (code at `abd1c25`, 347 s)', 'results-of-run-8-code-at-abd1c25-347-s'],
    ['Node: ~105–115 ms CPU per 1,000 scans', 'node-105115-ms-cpu-per-1000-scans'],
    ['Commands (see the [REPORT](../REPORT.md#x))', 'commands-see-the-report'],
    ['网点 and 分拨中心', '网点-and-分拨中心'],
  ])('slugs the heading "%s" as GitHub does', (heading, slug) => {
    expect(headingSlug(heading)).toBe(slug);
  });
});
