import { startTestGateway, type TestGateway } from '../testing/test-gateway';
import { GRAPHIQL_ASSET_PATHS } from './graphiql';

/** `default-src 'none'; script-src 'self'` → { 'default-src': ["'none'"], 'script-src': ["'self'"] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('the IDE page', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t?.stop());

  it.each(['/', ...GRAPHIQL_ASSET_PATHS])('%s refuses framing, sniffing and referrers', async (path) => {
    const res = await fetch(`${t.origin}${path}`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('runs only its own scripts and styles: no inline code, no eval, no other origin', async () => {
    const res = await fetch(`${t.origin}/`);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(Object.values(csp).flat().filter((s) => /unsafe|\*|https?:/.test(s))).toEqual([]);

    // With that policy an inline <script>/<style>, a style= or on…= attribute would be refused.
    const page = await res.text();
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/ src="\.\/graphiql\/[\w.-]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(page).not.toMatch(/<style|\sstyle=|\son\w+=|javascript:/i);
    const links = [...page.matchAll(/<link\b[^>]*rel="([^"]+)"[^>]*href="([^"]+)"/g)].map(([, rel, href]) => [rel, href]);
    // The icon is an empty data: URL (img-src allows data:), so no browser asks for /favicon.ico.
    expect(links).toEqual([['icon', 'data:,'], ['stylesheet', './graphiql/graphiql.css'], ['stylesheet', './graphiql/app.css']]);
  });

  it("loads nothing from its stylesheets that the policy refuses (GraphiQL's fonts and icons are data: URLs)", async () => {
    const csp = directives((await fetch(`${t.origin}/`)).headers.get('content-security-policy') ?? '');
    expect(csp['font-src']).toContain('data:');
    expect(csp['img-src']).toContain('data:');
    const css = await (await fetch(`${t.origin}/graphiql/graphiql.css`)).text();
    const urls = [...css.matchAll(/url\(\s*['"]?([^'")\s]+)/g)].map(([, url]) => url);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !/^data:(font|image)\//.test(url))).toEqual([]);
    expect(css).not.toMatch(/@import/);
  });
});
