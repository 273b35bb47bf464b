// A small History API router: paths map to pages, in-app links are intercepted, and each page
// learns whether it is still the current one so a slow answer never paints over a newer page.

export interface PageContext {
  /** Named parts of the path (`/tools/:slug`). */
  params: Record<string, string>;
  /** The query string: a page's shareable state (filters, sort, cursor). */
  search: URLSearchParams;
  /** Where the page draws itself. */
  outlet: HTMLElement;
  /** False once the user has moved on to another page. */
  isCurrent: () => boolean;
}

export type Page = (ctx: PageContext) => Promise<void> | void;

interface Route {
  pattern: RegExp;
  names: string[];
  page: Page;
}

const routes: Route[] = [];
let generation = 0;
let outletElement: HTMLElement | null = null;

/** Registers a page for a path such as `/talks/:slug`. */
export function route(path: string, page: Page): void {
  const names: string[] = [];
  const source = path.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  routes.push({ pattern: new RegExp(`^${source}/?$`), names, page });
}

/** Goes to an in-app URL and draws its page. */
export function navigate(href: string): void {
  history.pushState(null, '', href);
  void render(true);
}

/** Rewrites the address bar without drawing again (state a page keeps itself, such as a search box's text). */
export function replaceUrl(href: string): void {
  history.replaceState(null, '', href);
}

/** Draws the current page again (after an error, say). */
export function reload(): void {
  void render(false);
}

async function render(moveFocus: boolean): Promise<void> {
  const outlet = outletElement;
  if (!outlet) return;
  const mine = ++generation;
  const { pathname, search } = window.location;
  const found = routes
    .map((r) => ({ r, m: r.pattern.exec(pathname) }))
    .find((x): x is { r: Route; m: RegExpExecArray } => x.m !== null);
  outlet.replaceChildren();
  if (!found) {
    outlet.innerHTML = '<h1>Not found</h1><p>No page here. <a href="/" data-route>Back to the start</a>.</p>';
    return;
  }
  const params = Object.fromEntries(
    found.r.names.map((n, i) => [n, decodeURIComponent(found.m[i + 1] ?? '')]),
  );
  await found.r.page({
    params,
    search: new URLSearchParams(search),
    outlet,
    isCurrent: () => mine === generation,
  });
  // Keyboard and screen-reader users land on the new page's heading, as after a full page load.
  if (moveFocus && mine === generation) {
    const heading = outlet.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
}

/** Starts routing into `outlet`. */
export function start(outlet: HTMLElement): void {
  outletElement = outlet;
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const anchor = (event.target as Element | null)?.closest?.('a[data-route]');
    if (!(anchor instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    navigate(anchor.getAttribute('href') ?? '/');
  });
  window.addEventListener('popstate', () => void render(false));
  void render(false);
}
