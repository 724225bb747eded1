import { describe, expect, it } from 'vitest';
import { can, scopeOf, type Actor } from './access.ts';

const officer: Actor = {
  userId: 2,
  username: 'canbo',
  fullName: 'Cán bộ',
  grants: [{ role: 'standing_agency', unitId: 25, unitPath: '/1/25/' }],
};

describe('access', () => {
  it('reaches the granted unit and its subtree only', () => {
    expect(can(officer, 'unit.manage', '/1/25/')).toBe(true);
    expect(can(officer, 'unit.manage', '/1/25/300/')).toBe(true);
    expect(can(officer, 'unit.manage', '/1/26/')).toBe(false);
    expect(can(officer, 'unit.manage', '/1/')).toBe(false);
    expect(can(officer, 'unit.manage', null)).toBe(false);
  });

  it('does not confuse a unit with one whose id starts the same', () => {
    expect(can(officer, 'unit.manage', '/1/250/')).toBe(false);
  });

  it('gives a national grant everything and a role without the permission nothing', () => {
    const admin: Actor = {
      ...officer,
      grants: [{ role: 'system_admin', unitId: null, unitPath: null }],
    };
    expect(can(admin, 'user.manage', '/9/')).toBe(true);
    expect(scopeOf(admin, 'audit.read')).toBeNull();
    const enumerator: Actor = {
      ...officer,
      grants: [{ role: 'enumerator', unitId: 25, unitPath: '/1/25/' }],
    };
    expect(can(enumerator, 'unit.manage', '/1/25/')).toBe(false);
    expect(scopeOf(enumerator, 'audit.read')).toEqual([]);
  });

  it('merges nested scopes', () => {
    const both: Actor = {
      ...officer,
      grants: [
        { role: 'standing_agency', unitId: 25, unitPath: '/1/25/' },
        { role: 'unit_head', unitId: 300, unitPath: '/1/25/300/' },
        { role: 'council_chair', unitId: 40, unitPath: '/1/40/' },
      ],
    };
    expect(scopeOf(both, 'audit.read')).toEqual(['/1/25/', '/1/40/']);
  });

  it('lets unit roles and those above read evidence, and only some of them write it', () => {
    const on = (role: Actor['grants'][number]['role']): Actor => ({
      ...officer,
      grants: [{ role, unitId: 25, unitPath: '/1/25/' }],
    });
    const writers = ['unit_officer', 'unit_head', 'standing_agency', 'system_admin'] as const;
    const readersOnly = ['appraiser', 'council_chair', 'council_member'] as const;
    for (const role of writers) {
      expect(can(on(role), 'evidence.write', '/1/25/300/')).toBe(true);
      expect(can(on(role), 'evidence.read', '/1/25/300/')).toBe(true);
    }
    for (const role of readersOnly) {
      expect(can(on(role), 'evidence.read', '/1/25/300/')).toBe(true);
      expect(can(on(role), 'evidence.write', '/1/25/300/')).toBe(false);
    }
    expect(can(on('enumerator'), 'evidence.read', '/1/25/')).toBe(false);
    expect(can(on('unit_officer'), 'evidence.read', '/1/26/')).toBe(false);
  });
});
