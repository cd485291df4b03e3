/**
 * Pages whose code loads only when needed (the analysis brings Cytoscape), without
 * React's Suspense delay: React 19 reveals a suspended page at the earliest 300 ms after
 * its fallback appeared, even when the code arrives 10 ms later. So a page whose code
 * is here renders at once; the app loads the code of the page being opened alongside
 * the session (`preloadPageAt`) and the rest when the browser is idle (`preload`).
 * Only a page whose code is still missing suspends as usual.
 */
import { lazy, Suspense, type ComponentType, type JSX } from 'react';
import { matchPath } from 'react-router';
import { Loading } from '../ui/feedback.js';

export interface LazyPage {
  (): JSX.Element;
  /** Load the page's code; resolves when it is here. */
  preload: () => Promise<unknown>;
}

const byPath: { path: string; page: LazyPage }[] = [];

/** A page at `paths` (route patterns) whose component `load` imports. */
export function lazyPage(paths: string[], load: () => Promise<ComponentType>): LazyPage {
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
    const Loaded = loaded;
    if (Loaded) return <Loaded />;
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  }
  const page = Object.assign(Page, { preload });
  for (const path of paths) byPath.push({ path, page });
  return page;
}

/** Start loading the code of the lazy page at `pathname`, if any; resolves when done or failed. */
export function preloadPageAt(pathname: string): Promise<unknown> {
  const match = byPath.find(({ path }) => matchPath(path, pathname));
  return match ? match.page.preload().catch(() => undefined) : Promise.resolve();
}
