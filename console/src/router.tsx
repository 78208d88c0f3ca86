import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { config } from './config.ts';

/**
 * A router of a few lines: paths under the console's base (`/console/cases/…`), the History API,
 * and links that navigate without reloading. The server answers index.html for every such path.
 */
const NAVIGATED = 'console:navigated';

/** The path inside the console, without its base: `/console/cases/1` -> `/cases/1`. */
export function currentPath(): string {
  const base = config.base.replace(/\/$/, '');
  const path = window.location.pathname.startsWith(base)
    ? window.location.pathname.slice(base.length)
    : window.location.pathname;
  return path === '' ? '/' : path;
}

export const href = (path: string): string => `${config.base.replace(/\/$/, '')}${path}`;

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href(path));
  else window.history.pushState(null, '', href(path));
  window.dispatchEvent(new Event(NAVIGATED));
  window.scrollTo(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return path;
}

/** Matches `/cases/:id` against a path; answers the parameters or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const regex = new RegExp(
    `^${pattern.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}/?$`,
  );
  const found = regex.exec(path);
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')]));
}

/** A screen of a route table: its path pattern and whatever the table keeps beside it. */
export type Route<T> = T & { path: string };

/**
 * The route of a table that a path shows, with the path's parameters: literal paths first, then
 * patterns in the table's order (`/cases/new` is never taken for `/cases/:id`).
 */
export function findRoute<T>(
  table: readonly Route<T>[],
  path: string,
): { route: Route<T>; params: Record<string, string> } | undefined {
  const literal = table.find((route) => !route.path.includes(':') && match(route.path, path));
  if (literal) return { route: literal, params: {} };
  for (const route of table) {
    const params = route.path.includes(':') ? match(route.path, path) : undefined;
    if (params) return { route, params };
  }
  return undefined;
}

type LinkProps = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & {
  to: string;
  children: ComponentChildren;
};

/** A link inside the console; `current` marks it `aria-current="page"` when it is the page shown. */
export function Link({ to, children, current, ...rest }: LinkProps & { current?: boolean }) {
  return (
    <a
      {...rest}
      {...(current && currentPath() === to ? { 'aria-current': 'page' as const } : {})}
      href={href(to)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** Replaces the address with another path of the console once rendered. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
