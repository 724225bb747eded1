/**
 * The sign-in page at /login: the light page of the web build for a visitor not signed in (and
 * right after signing out), straight on to the page asked for when already signed in, and never
 * to another site.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test-support/harness.ts';
import { safeNext } from './sign-in-page.ts';

const PAGE = '<!doctype html><title>Đăng nhập · Chỉ số CCHC</title><main id="app"></main>';
let h: Harness;
let webDist: string;

beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'parindex-web-'));
  mkdirSync(path.join(webDist, 'dang-nhap'));
  writeFileSync(path.join(webDist, 'dang-nhap', 'index.html'), PAGE);
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
  h = await createHarness({ webDist });
});
afterAll(async () => {
  await h?.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('GET /login', () => {
  it('sends the light sign-in page, never cached, to a visitor not signed in', async () => {
    const res = await h.anonymous().get('/login?next=%2Funits');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(PAGE);
  });

  it('sends a signed-in user on to the page asked for, or home', async () => {
    const officer = await h.login('canbo.kimphuong');
    const on = await officer.get('/login?next=%2Fcampaigns%2F3%3Ftab%3Dresults');
    expect(on.status).toBe(302);
    expect(on.headers.location).toBe('/campaigns/3?tab=results');
    const home = await officer.get('/login');
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe('/');
    const elsewhere = await officer.get('/login?next=https%3A%2F%2Fexample.org%2F');
    expect(elsewhere.headers.location).toBe('/');
  });

  it('shows the page right after signing out, even if the session outlived the sign-out', async () => {
    const officer = await h.login('canbo.kimphuong');
    const res = await officer.get('/login?signed-out=1');
    expect(res.status).toBe(200);
    expect(res.body).toBe(PAGE);
  });

  it('answers 404 when the web app is not built', async () => {
    const bare = await createHarness({ webDist: path.join(webDist, 'missing') });
    try {
      expect((await bare.anonymous().get('/login')).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('safeNext', () => {
  it('keeps a path of this site and refuses any other address', () => {
    expect(safeNext('/units?q=kim')).toBe('/units?q=kim');
    for (const bad of [
      undefined,
      ['/units'],
      '',
      'units',
      'https://example.org',
      '//example.org',
      '/\\example.org',
      '/\t/example.org',
      '/login',
      '/login?next=%2F',
    ])
      expect(safeNext(bad)).toBe('/');
  });
});
