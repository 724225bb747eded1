/**
 * Loads the demo data into a database that has the official units: the pre-2025 districts of the
 * seed documents with their communes and offices, and one account per role. Later capabilities add
 * their own demo data here.
 */
import type { Role } from '../../domain/access.ts';
import { searchKey } from '../../domain/text.ts';
import type { Queryable } from '../infra/db.ts';
import { hasSetting, settingOnce } from '../infra/settings.ts';
import { appendAuditEntry } from '../features/audit/repository.ts';
import { hashPassword } from '../features/auth/password.ts';
import * as units from '../features/units/repository.ts';
import { LAST_DAY_BEFORE_REFORM } from '../features/units/official-list.ts';
import * as users from '../features/users/repository.ts';
import { BUNDLED_CRITERIA_SETS } from '../../domain/scoring/bundled-sets.ts';
import { DEFAULT_PAR_BANDS } from '../../domain/scoring/index.ts';
import { fromDomainNode, insertSetWithTree } from '../features/criteria/service.ts';
import { freezeSet } from '../features/criteria/repository.ts';
import { BAO_YEN_CAMPAIGN_NAME, loadBaoYenDemo } from './bao-yen-demo.ts';
import { moveCommunesUnder } from './repository.ts';
import {
  BAO_YEN_OFFICES,
  DEMO_ACCOUNTS,
  DEMO_DISTRICTS,
  DEMO_PASSWORD,
  demoEmail,
} from './demo-units.ts';
import { loadDossierDemo } from '../features/dossiers/demo.ts';
import { loadCampaignDemo } from './campaign-demo.ts';
import { loadBaoYenSipasDemo, loadDaiLanhSipasDemo, loadSipasDemo } from './sipas-demo.ts';
import { loadRemediationDemo } from './remediation-demo.ts';
import { loadSocialSurveyDemo } from './social-survey-demo.ts';

/** Has the demo been loaded into this database? */
export async function isDemoLoaded(db: Queryable): Promise<boolean> {
  return hasSetting(db, 'demo_loaded');
}

/** Adds the demo units and accounts (in the caller's transaction). */
export async function loadDemo(tx: Queryable, now: Date): Promise<{ accounts: string[] }> {
  for (const d of DEMO_DISTRICTS) {
    const province = (await units.findUnitsByCodes(tx, [d.provinceCode])).get(d.provinceCode);
    if (!province)
      throw new Error(`demo: province ${d.provinceCode} missing; load the official units first`);
    const district = await units.insertUnit(
      tx,
      {
        code: d.code,
        name: d.name,
        kind: 'district',
        parentId: province.id,
        validFrom: null,
        validTo: LAST_DAY_BEFORE_REFORM,
        searchKey: searchKey(d.name),
      },
      now,
    );
    // The old communes move from under the province to under their district.
    await moveCommunesUnder(tx, district.id, province.id, d.communeCodes, LAST_DAY_BEFORE_REFORM);
    if (d.code === 'H-BAOYEN') {
      await units.insertUnitsBulk(
        tx,
        BAO_YEN_OFFICES.map((o) => ({
          code: o.code,
          name: o.name,
          kind: 'district_office',
          parentId: district.id,
          validFrom: null,
          validTo: LAST_DAY_BEFORE_REFORM,
          searchKey: searchKey(o.name),
        })),
        now,
      );
    }
  }
  await units.rebuildPaths(tx);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (await users.usernameExists(tx, a.username)) continue;
    const unit = (await units.findUnitsByCodes(tx, [a.unitCode])).get(a.unitCode);
    const id = await users.insertUser(
      tx,
      {
        username: a.username,
        fullName: a.fullName,
        email: demoEmail(a.username),
        passwordHash,
        mustChangePassword: false,
      },
      now,
    );
    await users.insertGrant(tx, id, a.role as Role, unit?.id ?? null);
    created.push(a.username);
  }
  // The bundled criteria sets: Thái Nguyên's commune set of 2022 (frozen, as its campaign used it)
  // and the 2025 templates for departments and communes.
  const thaiNguyen = (await units.findUnitsByCodes(tx, ['19'])).get('19');
  for (const b of BUNDLED_CRITERIA_SETS) {
    const id = await insertSetWithTree(
      tx,
      {
        name: b.name,
        year: b.year ?? 2025,
        unitKind: b.unitKind === 'department' ? 'province_department' : 'commune',
        description: b.description,
        surveyMaxHundredths: b.surveyMaxHundredths,
        bands: [...DEFAULT_PAR_BANDS],
        basedOnId: null,
        origin: `bundled:${b.id}`,
        ownerUnitId: b.year === 2022 ? (thaiNguyen?.id ?? null) : null,
        createdBy: null,
      },
      b.tree.children.map(fromDomainNode),
      now,
    );
    if (b.year === 2022) await freezeSet(tx, id, now);
  }

  await loadDossierDemo(tx, now);
  await settingOnce(tx, 'demo_loaded', { at: now.toISOString() });
  await appendAuditEntry(
    tx,
    {
      actorId: null,
      actorName: 'system',
      action: 'demo.load',
      entity: 'demo',
      entityId: null,
      unitId: null,
      after: { districts: DEMO_DISTRICTS.map((d) => d.code), accounts: created },
    },
    now,
  );
  await loadCampaignDemo(tx, now);
  await loadBaoYenDemo(tx, now);
  await loadSipasDemo(tx, now);
  await loadDaiLanhSipasDemo(tx, now);
  await loadBaoYenSipasDemo(tx, now, BAO_YEN_CAMPAIGN_NAME);
  await loadRemediationDemo(tx, now);
  await loadSocialSurveyDemo(tx, now);
  return { accounts: created };
}
