/**
 * Building and serving the web front end. The API server serves `dist/web` in production.
 *
 * Three entries: the staff app (`index.html`) and two light pages for people without a
 * login, the survey (`survey.html`) and the citizen view (`citizen.html`), which share
 * only the components, the styles and their own messages with the staff app. The light
 * pages are built apart (the `light` environment) on Preact's React compatibility layer,
 * about a tenth of React's bytes and parsing, because a respondent's phone waits for it
 * before the survey answers a tap. The same build makes the survey page's server renderer
 * (`dist/web-ssr/survey-server.js`, also on Preact, so its markup is what the browser
 * hydrates), which the server uses to send a survey link's first screen as HTML. The dev
 * server runs every page on React.
 */
import react from '@vitejs/plugin-react';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));
/** The survey's first screen rendered on the server (web/src/survey/server.tsx); not served. */
const ssrOutDir = fileURLToPath(new URL('../dist/web-ssr', import.meta.url));

/** The light pages and the links they answer, as the server routes them (src/server/app.ts). */
const LIGHT_PAGES = [
  { pattern: /^\/s\/[^/]+\/[^/]+\/?$/, file: 'survey.html' },
  { pattern: /^\/borger\/[^/]+\/[^/]+\/?$/, file: 'citizen.html' },
];

/** The dev server sends the light pages for their links, as the API server does. */
function lightPagesInDev(): Plugin {
  return {
    name: 'samspil-light-pages-dev',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const pathname = (request.url ?? '').split('?', 1)[0]!;
        const page = LIGHT_PAGES.find(({ pattern }) => pattern.test(pathname));
        if (page) request.url = `/${page.file}`;
        next();
      });
    },
  };
}

/**
 * The page around each entry: `index.html`, `survey.html` and `citizen.html` hold only their
 * script, and this writes the document, its head and the root element around it, once.
 */
function pageFrame(): Plugin {
  return {
    name: 'samspil-page-frame',
    transformIndexHtml: {
      order: 'pre',
      handler: (entry) => `<!doctype html>
<html lang="da">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light" />
    <meta name="description" content="Samspil: relationel kapacitet og én plan for kommuner" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <title>Samspil</title>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Samspil kræver JavaScript. / Samspil requires JavaScript.</noscript>
    ${entry.replace(/<!--[\s\S]*?-->/g, '').trim()}
  </body>
</html>
`,
    },
  };
}

/** What React's modules are on Preact (`preact/compat`), for the light pages and their renderer. */
const PREACT: Record<string, string> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react-dom/server': 'preact/compat/server',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-runtime',
};

/** Resolves React's modules to Preact's in the named environments only. */
function preactIn(environments: string[]): Plugin {
  return {
    name: 'samspil-preact',
    enforce: 'pre',
    applyToEnvironment: (environment) => environments.includes(environment.name),
    async resolveId(source, importer, options) {
      const target = PREACT[source];
      if (!target) return null;
      return this.resolve(target, importer, { ...options, skipSelf: true });
    },
  };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map|txt)$/;
/** Below this, a compressed twin saves less than the bytes of its headers. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) twin beside every compressible file of the
 * build, so the server sends compressed files without compressing per request
 * (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  async function filesUnder(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));
  }
  return {
    name: 'samspil-precompress',
    apply: 'build',
    // The light pages are built last into the same directory (see `buildApp` below).
    applyToEnvironment: (environment) => environment.name === 'light',
    async closeBundle() {
      const files = await filesUnder(outDir);
      await Promise.all(
        files.map(async (file) => {
          if ((await stat(file)).size < MIN_BYTES) return;
          const content = await readFile(file);
          // Source maps are opened rarely, by developers: a faster brotli level will do.
          const quality = file.endsWith('.map') ? 5 : constants.BROTLI_MAX_QUALITY;
          const [br, gzipped] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: quality,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gz(content, { level: 9 }),
          ]);
          await writeFile(`${file}.br`, br);
          await writeFile(`${file}.gz`, gzipped);
        }),
      );
    },
  };
}

export default defineConfig({
  root,
  plugins: [pageFrame(), preactIn(['light', 'ssr']), react(), lightPagesInDev(), precompress()],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  // `vite build` builds the staff app, then the light pages into the same directory, then
  // the survey's server renderer, one self-contained module (Preact included: the server's
  // production install has no web libraries).
  builder: {
    async buildApp(builder) {
      for (const name of ['client', 'light', 'ssr'])
        await builder.build(builder.environments[name]!);
    },
  },
  environments: {
    client: {
      build: {
        outDir,
        emptyOutDir: true,
        sourcemap: true,
        rollupOptions: { input: { index: path.join(root, 'index.html') } },
      },
    },
    light: {
      consumer: 'client',
      build: {
        outDir,
        emptyOutDir: false,
        sourcemap: true,
        // The staff app's files are already there; the favicon too.
        copyPublicDir: false,
        rollupOptions: {
          input: {
            survey: path.join(root, 'survey.html'),
            citizen: path.join(root, 'citizen.html'),
          },
        },
      },
    },
    ssr: {
      resolve: { noExternal: true },
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: ssrOutDir,
        emptyOutDir: true,
        sourcemap: false,
        copyPublicDir: false,
        rollupOptions: {
          input: { 'survey-server': path.join(root, 'src/survey/server.tsx') },
          output: { entryFileNames: '[name].js' },
        },
      },
    },
  },
});
