/**
 * Build of the web app: sources in web/, output in web/dist (served by the API server). The pure
 * domain helpers in src/domain/ are shared with the server through the `@domain` alias.
 *
 * Several pages: the staff app (index.html), the light public survey form (khao-sat/index.html,
 * plain DOM code, no React, under 60 KB gzipped) and the offline field-collection app for
 * enumerators (thu-thap/index.html) with its service worker, written to the stable address
 * thu-thap/sw.js (a service worker's address must not change between releases).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const domainRoot = fileURLToPath(new URL('../src/domain', import.meta.url));
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
      const assets = path.join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = path.join(assets, name);
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress(outDir)],
  resolve: { alias: { '@domain': domainRoot } },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // Old phones still answer the public survey: syntax is lowered for browsers of about 2020
    // (Chrome 80, Safari 13); the staff app gains a few bytes (ADR 11).
    target: ['es2019', 'chrome80', 'safari13', 'firefox78'],
    rolldownOptions: {
      input: {
        main: path.join(webRoot, 'index.html'),
        survey: path.join(webRoot, 'khao-sat/index.html'),
        collect: path.join(webRoot, 'thu-thap/index.html'),
        'field-sw': path.join(webRoot, 'src/field-app/sw.ts'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'field-sw' ? 'thu-thap/sw.js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    port: 5173,
    fs: {
      allow: [webRoot, domainRoot, fileURLToPath(new URL('../node_modules', import.meta.url))],
    },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
