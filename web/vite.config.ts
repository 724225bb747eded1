/**
 * Build of the web app: sources in web/, output in web/dist (served by the API server). The pure
 * domain helpers in src/domain/ are shared with the server through the `@domain` alias, the types of
 * the API's answers (src/shared/contract/) through `@shared`, imported as types only.
 *
 * Several pages: the staff app (index.html), the light public survey form (khao-sat/index.html,
 * plain DOM code, no React, under 60 KB gzipped, built on its own into one self-contained page:
 * see surveyPage) and the offline field-collection app for
 * enumerators (thu-thap/index.html) with its service worker, written to the stable address
 * thu-thap/sw.js (a service worker's address must not change between releases), the light
 * public results page (ket-qua/index.html, plain DOM code: see lightPage) and the light sign-in
 * page (dang-nhap/index.html, plain DOM code, served at /login: see lightPage, ADR 41).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const domainRoot = fileURLToPath(new URL('../src/domain', import.meta.url));
const sharedRoot = fileURLToPath(new URL('../src/shared', import.meta.url));
// Old phones still answer the public survey: syntax is lowered for browsers of about 2020
// (Chrome 80, Safari 13); the staff app gains a few bytes (ADR 11).
const TARGET = ['es2019', 'chrome80', 'safari13', 'firefox78'];
// Where the build goes; the server reads the same variable (PARINDEX_WEB_DIST) to serve it.
const outDir = process.env.PARINDEX_WEB_DIST ?? path.join(webRoot, 'dist');

/**
 * Writes .br and .gz next to each script and style sheet, so the server can send them compressed
 * without compressing on every request (@fastify/static's `preCompressed` option).
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'parindex-precompress',
    apply: 'build',
    closeBundle() {
      // The light pages' assets are written by their own builds meanwhile, which compress them.
      compressAssets(
        outDir,
        (name) => !LIGHT_PAGES.some((page) => name.startsWith(`${page.name}-`)),
      );
    },
  };
}

function compressAssets(outDir: string, include: (name: string) => boolean): void {
  const assets = path.join(outDir, 'assets');
  for (const name of readdirSync(assets)) {
    if (!/\.(js|css)$/.test(name) || !include(name)) continue;
    const file = path.join(assets, name);
    if (existsSync(`${file}.gz`)) continue;
    const content = readFileSync(file);
    if (content.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

/**
 * The light pages, each built on its own, so no chunk is shared with the staff app or with each
 * other and a page loads only its own small script and style sheet; their assets go beside the
 * app's, named after the page. The public results page (ket-qua/index.html, served at
 * /public/campaigns/<id>, under 60 KB gzipped in all) and the sign-in page (dang-nhap/index.html,
 * served at /login, under 150 KB for a cold visit, ADR 41).
 */
const LIGHT_PAGES = [
  { name: 'results', entry: 'ket-qua/index.html' },
  { name: 'sign-in', entry: 'dang-nhap/index.html' },
];

function lightPages(outDir: string): Plugin {
  return {
    name: 'parindex-light-pages',
    apply: 'build',
    async closeBundle() {
      // One after the other: each compresses only its own assets once they are all written.
      for (const { name, entry } of LIGHT_PAGES) await buildLightPage(name, entry, outDir);
    },
  };
}

async function buildLightPage(name: string, entry: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: webRoot,
    logLevel: 'warn',
    resolve: { alias: { '@domain': domainRoot, '@shared': sharedRoot } },
    build: {
      outDir,
      emptyOutDir: false,
      sourcemap: false,
      target: TARGET,
      modulePreload: false,
      cssCodeSplit: false,
      rolldownOptions: {
        input: path.join(webRoot, entry),
        output: {
          entryFileNames: `assets/${name}-[hash].js`,
          assetFileNames: `assets/${name}-[hash][extname]`,
        },
      },
    },
  });
  compressAssets(outDir, (file) => file.startsWith(`${name}-`));
}

/**
 * In development the sign-in page's address (/login) opens its page in dang-nhap/, as the server
 * does in production (the staff app no longer has a /login route).
 */
function signInAddressInDev(): Plugin {
  return {
    name: 'parindex-sign-in-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        if (/^\/login(?:[?#]|$)/.test(url)) req.url = `/dang-nhap/${url.slice('/login'.length)}`;
        next();
      });
    },
  };
}

/**
 * The public survey page as one self-contained document: its script and style sheet written into
 * the page, so a phone on a slow network waits for one round trip instead of two (ADR 11). The
 * page is built on its own (a second, nested build with a single entry, so no chunk is shared
 * with the field app), then its assets are inlined. The server sends it compressed and allows the
 * inline script by its hash (src/server/features/sipas/channel-routes.ts).
 */
function surveyPage(outDir: string): Plugin {
  return {
    name: 'parindex-survey-page',
    apply: 'build',
    async closeBundle() {
      const scratch = path.join(outDir, '.survey-build');
      try {
        await build({
          configFile: false,
          root: webRoot,
          logLevel: 'warn',
          resolve: { alias: { '@domain': domainRoot, '@shared': sharedRoot } },
          build: {
            outDir: scratch,
            emptyOutDir: true,
            sourcemap: false,
            target: TARGET,
            modulePreload: false,
            cssCodeSplit: false,
            rolldownOptions: { input: path.join(webRoot, 'khao-sat/index.html') },
          },
        });
        let html = readFileSync(path.join(scratch, 'khao-sat/index.html'), 'utf8');
        const asset = (href: string) => readFileSync(path.join(scratch, href), 'utf8');
        html = html.replace(
          /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g,
          (_, href: string) => `<style>${asset(href)}</style>`,
        );
        html = html.replace(
          /<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/g,
          // "</script" inside the code would end the element early; "<\/" means the same in JS.
          (_, src: string) =>
            `<script type="module">${asset(src).replace(/<\/script/gi, '<\\/script')}</script>`,
        );
        if (/<(?:script|link)[^>]+(?:src|href)="\/assets\//.test(html)) {
          throw new Error('khao-sat/index.html still names an asset file after inlining');
        }
        mkdirSync(path.join(outDir, 'khao-sat'), { recursive: true });
        writeFileSync(path.join(outDir, 'khao-sat/index.html'), html);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    precompress(outDir),
    surveyPage(outDir),
    lightPages(outDir),
    signInAddressInDev(),
  ],
  resolve: { alias: { '@domain': domainRoot, '@shared': sharedRoot } },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    target: TARGET,
    rolldownOptions: {
      // The timings warning depends on how busy the machine is, not on the code: `npm start` stays
      // quiet (precompressing at brotli's best level alone can take seconds on a loaded machine).
      checks: { bundlerTimings: false },
      input: {
        main: path.join(webRoot, 'index.html'),
        collect: path.join(webRoot, 'thu-thap/index.html'),
        'field-sw': path.join(webRoot, 'src/field-app/sw.ts'),
      },
      output: {
        // The libraries and the catalogues change less often than the app's own code: chunks of
        // their own stay cached across releases, and no chunk is over Vite's 500 kB warning.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next)[\\/]|web[\\/]src[\\/]i18n[\\/]/,
            },
          ],
        },
        entryFileNames: (chunk) =>
          chunk.name === 'field-sw' ? 'thu-thap/sw.js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    port: 5173,
    fs: {
      allow: [
        webRoot,
        domainRoot,
        sharedRoot,
        fileURLToPath(new URL('../node_modules', import.meta.url)),
      ],
    },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
