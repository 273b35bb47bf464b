// A tiny element builder and the few shared bits of markup (loading, errors, links) every page uses.
import { SOURCE_BASE_URL } from './config';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Builds an element: attributes (`on*` become listeners, `false`/null are skipped) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : String(child));
  }
  return el;
}

/** An in-app link: the router intercepts clicks on `a[data-route]`. */
export function link(href: string, ...children: (Child | Child[])[]): HTMLAnchorElement {
  return h('a', { href, 'data-route': true }, ...children);
}

/** A link that leaves the site, in a new tab. */
export function external(href: string, ...children: (Child | Child[])[]): HTMLAnchorElement {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, ...children);
}

export function loading(what = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, what);
}

export function errorBox(message: string, retry?: () => void): HTMLElement {
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('strong', {}, 'Something went wrong: '),
    message,
    retry ? h('button', { type: 'button', onclick: () => retry() }, 'Try again') : null,
  );
}

/** Search snippets wrap matched words in « »: show them as <mark>. */
export function snippet(text: string): HTMLElement {
  const out = h('span', { class: 'snippet' });
  for (const [i, part] of text.split(/[«»]/).entries()) out.append(i % 2 === 1 ? h('mark', {}, part) : part);
  return out;
}

/** A file and line of the notes: a link when the sources' base URL is configured. */
export function sourceRef(path: string, line: number): HTMLElement {
  const label = line > 0 ? `${path}:${line}` : path;
  if (!SOURCE_BASE_URL) return h('code', { class: 'source' }, label);
  const href = `${SOURCE_BASE_URL}${path.split('/').map(encodeURIComponent).join('/')}${line > 0 ? `#L${line}` : ''}`;
  return external(href, h('code', { class: 'source' }, label));
}

/** Seconds as m:ss or h:mm:ss. */
export function clock(seconds: number): string {
  const s = Math.floor(seconds % 60);
  const m = Math.floor(seconds / 60) % 60;
  const hours = Math.floor(seconds / 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function setTitle(title: string): void {
  document.title = title ? `${title} · talkgraph` : 'talkgraph';
}

/** Replaces an element's content, skipping absent children (null, false). */
export function fill(target: Element, ...children: (Child | Child[])[]): void {
  target.replaceChildren();
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    target.append(typeof child === 'object' ? child : String(child));
  }
}

/** "1 talk", "7 talks". */
export function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
