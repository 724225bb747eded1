/** Where sign-in sends the user back to, and the sign-in page's address. */
import { describe, expect, it } from 'vitest';
import { safeNext, signInAddress } from './sign-in-address.ts';

describe('safeNext', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeNext('/campaigns/3/results?tab=charts')).toBe('/campaigns/3/results?tab=charts');
    expect(safeNext('/thu-thap/')).toBe('/thu-thap/');
  });

  it('sends anything else home: nothing, another site, the sign-in page itself', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'campaigns',
      'https://example.org/',
      '//example.org/x',
      '/\\example.org',
      '/\t/example.org',
      '/\n/example.org',
      '/login',
      '/login?next=/units',
      '/login/',
    ])
      expect(safeNext(bad)).toBe('/');
  });
});

describe('signInAddress', () => {
  it('names the page to come back to, except home', () => {
    expect(signInAddress({ next: '/units?q=kim phuong' })).toBe(
      '/login?next=%2Funits%3Fq%3Dkim+phuong',
    );
    expect(signInAddress({ next: '/' })).toBe('/login');
    expect(signInAddress()).toBe('/login');
  });

  it('says when the user has just signed out', () => {
    expect(signInAddress({ signedOut: true })).toBe('/login?signed-out=1');
  });
});
