// The front end in a real browser against a real talkgraph server: search, tool and talk pages,
// facets, the graph view, phone width, keyboard use, error states, and GraphiQL itself.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureChromium,
  launchBrowser,
  OUTPUT,
  type Site,
  SOURCE_BASE_URL,
  serveSite,
  startTalkgraph,
  type Talkgraph,
} from './harness';

const browserPath = ensureChromium();
if ('reason' in browserPath) console.warn(`Skipping the browser tests: ${browserPath.reason}`);

/** A grey 1×1 PNG standing in for YouTube thumbnails: tests never leave 127.0.0.1. */
const GREY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN8/58BAwAI/AL+hc2rNAAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf('reason' in browserPath)('the web front end in chromium', () => {
  let talkgraph: Talkgraph;
  let site: Site;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  /** Keeps the browser on this machine: thumbnails get a local image, anything else outside is refused. */
  async function stayLocal(ctx: BrowserContext): Promise<void> {
    // A busy CI machine can take tens of seconds to start GraphiQL: wait longer than Playwright's 30 s.
    ctx.setDefaultTimeout(60_000);
    await ctx.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) =>
        route.request().resourceType() === 'image'
          ? route.fulfill({ status: 200, contentType: 'image/png', body: GREY_PNG })
          : route.abort(),
    );
  }

  /** Asks the API directly, so a test can compare what the page shows with what the API serves. */
  async function api<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(new URL('/graphql', talkgraph.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: source, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  }

  const shot = (name: string, on: Page = page) =>
    on.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    if ('reason' in browserPath) return;
    talkgraph = await startTalkgraph();
    site = await serveSite(talkgraph.url);
    browser = await launchBrowser(browserPath.path);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await stayLocal(context);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await talkgraph?.stop();
  });

  it('finds gVisor by a live search and shows both of its talks on the tool page', async () => {
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.fill('#search', 'gvisor');
    const hit = page.locator('.hits a', { hasText: 'gVisor' }).first();
    await hit.waitFor();
    expect(page.url()).toContain('q=gvisor');
    // The number of results is the API's total, not the length of the first page.
    const { searchConnection } = await api<{ searchConnection: { totalCount: number } }>(
      '{ searchConnection(query: "gvisor") { totalCount } }',
    );
    expect(await page.locator('#hit-count').getAttribute('data-count')).toBe(
      String(searchConnection.totalCount),
    );
    await page.locator('.chips').first().waitFor();
    await shot('home-search');
    await hit.click();
    await page.locator('h1', { hasText: 'gVisor' }).waitFor();
    const titles = await page.locator('.talk-list h3').allTextContents();
    expect(titles.sort()).toEqual(
      ['Container Native observability & security from Google Cloud', 'Kubernetes Project Update'].sort(),
    );
    // Thumbnails are images, not embedded players.
    expect(await page.locator('.talk-list img').count()).toBe(2);
    expect(await page.locator('iframe').count()).toBe(0);
    await shot('tool-gvisor');
  });

  it('opens a talk with its evidence and links, then follows a related talk', async () => {
    await page.locator('.talk-list h3 a', { hasText: 'Kubernetes Project Update' }).click();
    await page.locator('h1', { hasText: 'Kubernetes Project Update' }).waitFor();
    // gVisor is listed with the line of the notes that mentions it.
    const gvisor = page.locator('.mentions > li', { hasText: 'gVisor' });
    expect(await gvisor.locator('.evidence li').count()).toBeGreaterThan(0);
    const evidence = gvisor.locator('.evidence a').first();
    expect(await evidence.textContent()).toMatch(/\.md:\d+$/);
    expect(await evidence.getAttribute('href')).toMatch(
      new RegExp(`^${SOURCE_BASE_URL.replaceAll('.', '\\.')}posts/.+\\.md#L\\d+$`),
    );
    expect(await page.locator('.link-groups h3').allTextContents()).toContain('Videos');
    // The notes are the API's sanitised HTML, and the kind badge is the API's kind.
    const slug = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const { talk } = await api<{ talk: { kind: string; notesHtml: string } }>(
      'query($slug: String!) { talk(slug: $slug) { kind notesHtml } }',
      { slug },
    );
    expect(talk.notesHtml).toMatch(/^<(p|ul|ol|h\d|blockquote)/);
    const notesTags = await page.locator('.notes > *').evaluateAll((els) => els.map((e) => e.tagName));
    expect(notesTags.length).toBeGreaterThan(0);
    expect(notesTags[0]?.toLowerCase()).toBe(/^<(\w+)/.exec(talk.notesHtml)?.[1]);
    expect(await page.locator('.kicker .badge').getAttribute('data-kind')).toBe(talk.kind);
    await shot('talk');
    const related = page.locator('.related a').first();
    const title = (await related.textContent()) ?? '';
    expect(title).not.toBe('');
    await related.click();
    await page.locator('h1', { hasText: title }).waitFor();
    expect(decodeURIComponent(page.url())).not.toContain('kubernetes-project-update');
    await shot('talk-related');
  });

  it('narrows the talk list by a tool facet, keeping the filter in the URL', async () => {
    await page.goto(`${site.url}talks`);
    const count = page.locator('#talk-count');
    await count.waitFor();
    const all = Number(await count.getAttribute('data-count'));
    // The facet's count is the API's count over every talk, not one counted in the browser.
    const { talks } = await api<{ talks: { facets: { tools: { value: string; count: number }[] } } }>(
      '{ talks { facets { tools(first: 100) { value count } } } }',
    );
    const apiCount = talks.facets.tools.find((t) => t.value === 'gVisor')?.count;
    expect(apiCount).toBe(2);
    const gvisorFacet = page.locator('[data-facet="tool"] a', { hasText: 'gVisor' });
    expect(await gvisorFacet.locator('.count').textContent()).toBe(String(apiCount));
    await gvisorFacet.click();
    await page.waitForURL(/tool=gvisor/);
    await page.locator('#talk-count[data-count="2"]').waitFor();
    expect(all).toBeGreaterThan(2);
    expect(await page.locator('.talk-list > li').count()).toBe(2);
    await shot('talks-gvisor');
    // The filtered view is shareable: loading its URL afresh shows the same list.
    await page.reload();
    await page.locator('#talk-count[data-count="2"]').waitFor();
  });

  it('combines two tools of the facet into one list of talks mentioning either', async () => {
    await page.goto(`${site.url}talks?tool=gvisor`);
    await page.locator('#talk-count[data-count="2"]').waitFor();
    const other = page.locator('[data-facet="tool"] li a:not([aria-current])').first();
    const otherSlug = (await other.getAttribute('data-value')) ?? '';
    expect(otherSlug).not.toBe('');
    await other.click();
    await page.waitForURL((url) => url.searchParams.getAll('tool').length === 2);
    expect(new URL(page.url()).searchParams.getAll('tool').sort()).toEqual(['gvisor', otherSlug].sort());
    const { talks } = await api<{ talks: { totalCount: number } }>(
      'query($tools: [String!]) { talks(filter: { tools: $tools }) { totalCount } }',
      { tools: ['gvisor', otherSlug] },
    );
    expect(talks.totalCount).toBeGreaterThanOrEqual(2);
    await page.locator(`#talk-count[data-count="${talks.totalCount}"]`).waitFor();
    expect(await page.locator('[data-facet="tool"] a[aria-current]').count()).toBe(2);
  });

  it('pages through the talks with cursors, forwards and back', async () => {
    await page.goto(`${site.url}talks?per=3`);
    await page.locator('.sort a', { hasText: 'Title ↑' }).click();
    await page.waitForURL(/sort=title/);
    await page.locator('.sort a[aria-current]', { hasText: 'Title ↑' }).waitFor();
    const firstPage = await page.locator('.talk-list h3').allTextContents();
    expect(firstPage).toHaveLength(3);
    const byTitle = new Intl.Collator('en', { sensitivity: 'base' });
    expect([...firstPage].sort(byTitle.compare)).toEqual(firstPage);
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/after=/);
    await page.locator('.talk-list h3').first().waitFor();
    const secondPage = await page.locator('.talk-list h3').allTextContents();
    expect(secondPage).toHaveLength(3);
    expect(secondPage.some((t) => firstPage.includes(t))).toBe(false);
    expect(byTitle.compare(secondPage[0] ?? '', firstPage[2] ?? '')).toBeGreaterThan(0);
    await page.getByRole('link', { name: '← Previous' }).click();
    await page.waitForURL(/before=/);
    await page.locator('.talk-list h3').first().waitFor();
    expect(await page.locator('.talk-list h3').allTextContents()).toEqual(firstPage);
  });

  it('draws the neighbourhood of a tool and walks a path from it step by step', async () => {
    await page.goto(`${site.url}tools/gvisor`);
    await page.getByRole('link', { name: 'See it in the graph' }).click();
    const graph = page.locator('#cy[data-nodes]');
    await graph.waitFor();
    expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThan(2);
    expect(await page.locator('#cy canvas').count()).toBeGreaterThan(0);
    await page.fill('#path-to', 'prometheus');
    await page.locator('.picker a', { hasText: 'Tool: Prometheus' }).click();
    await page.locator('#path-length').waitFor();
    expect(await page.locator('.path-steps > li').count()).toBeGreaterThan(0);
    expect(await page.locator('.path-steps').textContent()).toContain('Prometheus');
    await shot('graph');
    // Clicking a neighbour moves the graph there.
    const neighbour = page.locator('.neighbours a').first();
    const name = (await neighbour.textContent()) ?? '';
    await neighbour.click();
    await page.locator('h1', { hasText: name }).waitFor();
    await page.locator('#cy[data-nodes]').waitFor();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await context.newPage();
    phone.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await phone.setViewportSize({ width: 390, height: 844 });
    for (const path of ['', 'talks', 'talks/kubernetes-project-update', 'graph', 'tools/gvisor']) {
      await phone.goto(`${site.url}${path}`);
      await phone.locator('main h1').first().waitFor();
      await phone.locator('.loading').waitFor({ state: 'detached' });
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `/${path} is ${width}px wide`).toBeLessThanOrEqual(390);
      if (path === 'graph') await shot('phone-graph', phone);
    }
    await shot('phone-tool', phone);
    await phone.close();
  });

  it('can be used with the keyboard alone', async () => {
    await page.goto(site.url);
    await page.locator('#search').waitFor();
    // Tab from the top of the page to the search box, type, then Tab to the first hit and open it.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'search')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    // A typo on purpose: the search tolerates it.
    await page.keyboard.type('promethues');
    await page.locator('.hits a').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Prometheus' }).waitFor();
    // The new page's heading has the focus, as after a full page load.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('logs no errors in the console on any page it visited', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('shows a visible error when the API cannot be reached', async () => {
    const offline = await browser.newContext();
    await stayLocal(offline);
    await offline.route(/\/graphql/, (route) => route.abort('connectionrefused'));
    const p = await offline.newPage();
    await p.goto(`${site.url}talks`);
    const alert = p.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('did not answer');
    expect(await p.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await shot('error', p);
    await offline.close();
  });

  it('shows a loading state while the API answers', async () => {
    const slow = await browser.newContext();
    await stayLocal(slow);
    let release: () => void = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    // Hold every API answer until the loading state has been seen.
    await slow.route(/\/graphql/, async (route) => {
      await held;
      await route.continue();
    });
    const p = await slow.newPage();
    await p.goto(`${site.url}tools/gvisor`);
    await p.getByRole('status').filter({ hasText: 'Loading' }).waitFor();
    expect(await p.locator('h1').count()).toBe(0);
    release();
    await p.locator('h1', { hasText: 'gVisor' }).waitFor();
    expect(await p.getByRole('status').filter({ hasText: 'Loading' }).count()).toBe(0);
    await slow.close();
  });

  it('serves GraphiQL, which runs its default query', async () => {
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await p.goto(talkgraph.url);
    await p.locator('.graphiql-container').first().waitFor();
    await p.locator('.graphiql-execute-button').first().click();
    const result = p.locator('.result-window').first();
    // The editor lays text out in spans with non-breaking spaces: compare with plain spaces.
    const shown = async () => ((await result.textContent()) ?? '').replace(/\s+/g, ' ');
    await expect.poll(shown, { timeout: 60_000 }).toContain('"title": "Kubernetes Project Update"');
    expect(await shown()).toContain('"name": "gVisor"');
    await shot('graphiql', p);
    expect(errors).toEqual([]);
    await p.close();
  });
});
