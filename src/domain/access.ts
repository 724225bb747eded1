/**
 * Who may do what on which unit. Roles are granted on a unit and reach its whole subtree (or the
 * whole country when granted without a unit). Pure predicates over the actor's grants and a unit's
 * path ('/1/25/300/', ids from the root down).
 */

export const ROLES = [
  'system_admin',
  'standing_agency',
  'unit_officer',
  'unit_head',
  'appraiser',
  'council_chair',
  'council_member',
  'enumerator',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'unit.manage', // add, edit and move units, record mergers
  'unit.import', // import units from a file
  'audit.read', // read the audit log of units in scope
  'user.manage', // create, disable, reset passwords, grant roles
  'criteria.manage', // create, edit, import, freeze and copy criteria sets
  'evidence.read', // list, preview and download a unit's evidence library
  'evidence.write', // upload, add versions, edit metadata and delete evidence
  'campaign.manage', // create and set up assessment campaigns, add units, assign appraisers, enter survey points
  'sipas.manage', // questionnaires, SIPAS campaigns, dossier links, imports; read every answer in scope
  'sipas.enter', // type in paper forms and upload offline answers for a unit; read that unit's results
  'dossier.import', // import dossiers of units in scope, enter citizens' paper rating forms
  'dossier.read', // read dossiers, their scores and the quarterly results of units in scope
  'document.template', // replace the Word templates of official documents for units in scope
  'remediation.read', // read a unit's remediation plans and People's Council supervisions
  'remediation.manage', // make and edit a unit's remediation plan: items, tasks, who does them
  'remediation.task', // update the plan tasks one is responsible for (status, progress, evidence)
  'supervision.manage', // record People's Council supervisions of units in scope and their findings
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: [
    'unit.manage',
    'unit.import',
    'audit.read',
    'user.manage',
    'criteria.manage',
    'evidence.read',
    'evidence.write',
    'campaign.manage',
    'sipas.manage',
    'dossier.import',
    'dossier.read',
    'document.template',
    'remediation.read',
    'remediation.manage',
    'supervision.manage',
  ],
  standing_agency: [
    'unit.manage',
    'audit.read',
    'criteria.manage',
    'evidence.read',
    'evidence.write',
    'campaign.manage',
    'sipas.manage',
    'dossier.import',
    'dossier.read',
    'document.template',
    'remediation.read',
  ],
  unit_officer: [
    'evidence.read',
    'evidence.write',
    'sipas.enter',
    'dossier.import',
    'dossier.read',
    'remediation.read',
    'remediation.task',
  ],
  unit_head: [
    'audit.read',
    'evidence.read',
    'evidence.write',
    'dossier.read',
    'remediation.read',
    'remediation.manage',
    'remediation.task',
  ],
  appraiser: ['evidence.read'],
  council_chair: ['audit.read', 'evidence.read', 'dossier.read', 'remediation.read'],
  council_member: ['evidence.read', 'remediation.read', 'supervision.manage'],
  enumerator: ['sipas.enter'],
};

export interface Grant {
  role: Role;
  /** null: the whole country. */
  unitId: number | null;
  /** Path of the granted unit; null with unitId null. */
  unitPath: string | null;
}

export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  grants: readonly Grant[];
}

/** The permissions a role carries. */
export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role];
}

/** True when a grant's scope contains the unit at `unitPath` (null = a national object). */
function covers(grant: Grant, unitPath: string | null): boolean {
  if (grant.unitPath === null) return true;
  if (unitPath === null) return false;
  return unitPath.startsWith(grant.unitPath);
}

/** May the actor use `permission` on the unit at `unitPath` (null = something national)? */
export function can(actor: Actor, permission: Permission, unitPath: string | null): boolean {
  return actor.grants.some(
    (g) => rolePermissions[g.role].includes(permission) && covers(g, unitPath),
  );
}

/** Does any of the actor's grants, whatever its role, reach the unit at `unitPath`? */
export function reaches(actor: Actor, unitPath: string): boolean {
  return actor.grants.some((g) => covers(g, unitPath));
}

/** Does the actor hold `role` on the unit at `unitPath` or above it? */
export function hasRoleOn(actor: Actor, role: Role, unitPath: string | null): boolean {
  return actor.grants.some((g) => g.role === role && covers(g, unitPath));
}

/**
 * The subtrees where the actor may use `permission`: null means everywhere, an empty list nowhere.
 * Used to filter lists in SQL (`path LIKE scope || '%'`).
 */
export function scopeOf(actor: Actor, permission: Permission): string[] | null {
  const paths: string[] = [];
  for (const g of actor.grants) {
    if (!rolePermissions[g.role].includes(permission)) continue;
    if (g.unitPath === null) return null;
    paths.push(g.unitPath);
  }
  // Drop paths already inside another one.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}
