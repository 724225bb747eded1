/** The settings of the external programs and of the web build, parsed with the rest of the environment. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, toolsConfig } from './config.ts';

describe('external programs and web build settings', () => {
  it('defaults to a ten-minute PDF conversion, OCR on, no trust anchors, the shipped web build', () => {
    expect(toolsConfig({})).toEqual({
      soffice: undefined,
      pdfTimeoutMs: 600_000,
      ocr: true,
      trustAnchorsDir: undefined,
      searchPath: [],
    });
    expect(loadConfig({}).webDist.endsWith(path.join('web', 'dist'))).toBe(true);
  });

  it('reads each variable', () => {
    expect(
      toolsConfig({
        PARINDEX_SOFFICE: '/opt/lo/soffice',
        PARINDEX_PDF_TIMEOUT_SECONDS: '90',
        PARINDEX_OCR: 'off',
        PARINDEX_TRUST_ANCHORS_DIR: ' /etc/anchors ',
        PATH: '/a:/b',
      }),
    ).toEqual({
      soffice: '/opt/lo/soffice',
      pdfTimeoutMs: 90_000,
      ocr: false,
      trustAnchorsDir: '/etc/anchors',
      searchPath: ['/a', '/b'],
    });
    expect(loadConfig({ PARINDEX_WEB_DIST: 'build/web' }).webDist).toBe(path.resolve('build/web'));
  });

  it('refuses a timeout that is not a number of seconds at start-up, naming the variable', () => {
    for (const bad of ['ten', '0', '-5', '1.5']) {
      expect(() => loadConfig({ PARINDEX_PDF_TIMEOUT_SECONDS: bad })).toThrow(
        /PARINDEX_PDF_TIMEOUT_SECONDS/,
      );
      expect(() => toolsConfig({ PARINDEX_PDF_TIMEOUT_SECONDS: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ PARINDEX_OCR: 'maybe' })).toThrow(/PARINDEX_OCR/);
  });
});

describe('the read replica settings', () => {
  it('has no replica and a ten-second read-after-write rule by default', () => {
    const config = loadConfig({});
    expect(config.databaseReadUrl).toBeUndefined();
    expect(config.readAfterWriteSeconds).toBe(10);
    expect(loadConfig({ DATABASE_READ_URL: '' }).databaseReadUrl).toBeUndefined();
  });

  it('reads the replica URL and the rule, and refuses what is not a PostgreSQL URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://p@primary:5432/parindex',
      DATABASE_READ_URL: 'postgresql://p@replica:5432/parindex',
      PARINDEX_READ_AFTER_WRITE_SECONDS: '0',
    });
    expect(config.databaseReadUrl).toBe('postgresql://p@replica:5432/parindex');
    expect(config.readAfterWriteSeconds).toBe(0);
    expect(() => loadConfig({ DATABASE_READ_URL: 'mysql://replica/parindex' })).toThrow(
      /DATABASE_READ_URL/,
    );
    expect(() => loadConfig({ PARINDEX_READ_AFTER_WRITE_SECONDS: '-1' })).toThrow(
      /PARINDEX_READ_AFTER_WRITE_SECONDS/,
    );
  });
});
