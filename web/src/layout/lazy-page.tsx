/**
 * Pages whose code loads only when needed (the analysis brings Cytoscape), without
 * React's Suspense delay: React 19 reveals a suspended page at the earliest 300 ms after
 * its fallback appeared, even when the code arrives 10 ms later. So a page whose code
 * is here renders at once; the app loads the code of the page being opened alongside
 * the session (`preloadPageAt`) and the other pages soon after login (`preload`).
 * Only a page whose code is still missing suspends as usual.
 */
import { lazy, Suspense, useState, type ComponentType, type JSX } from 'react';
import { matchPath } from 'react-router';
import { Loading } from '../ui/feedback.js';

export interface LazyPage {
  (): JSX.Element;
  /** The route pattern, as given to `<Route path>`. */
  path: string;
  /** Load the page's code; resolves when it is here. */
  preload: () => Promise<unknown>;
}

const pages: LazyPage[] = [];

/** A page at the route pattern `path` whose component `load` imports. */
export function lazyPage(path: string, load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined; // a later visit tries again
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Page() {
    // Decided once per mount: switching from the lazy path to the loaded one later
    // would mount the page afresh and lose what the user typed.
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded />;
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  }
  const page = Object.assign(Page, { path, preload });
  pages.push(page);
  return page;
}

/**
 * Start loading the code of the lazy pages whose pattern matches `pathname` (all of
 * them: `forloeb/nyt` also matches `forloeb/:id`); resolves when done or failed.
 */
export async function preloadPageAt(pathname: string): Promise<void> {
  // Nested routes' patterns are relative to the root.
  const matching = pages.filter(({ path }) =>
    matchPath(path.startsWith('/') ? path : `/${path}`, pathname),
  );
  await Promise.allSettled(matching.map((page) => page.preload()));
}
