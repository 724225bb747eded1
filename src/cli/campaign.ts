/**
 * The `parindex campaign` commands: create a campaign from a criteria set and a list of unit codes,
 * import scores from a CSV or Excel file, print or write the results. They call the same service
 * functions as the HTTP API.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Actor } from '../domain/access.ts';
import { CAMPAIGN_BAND_PRESETS, campaignBandsFrom } from '../domain/campaign/setup.ts';
import { parseHundredths } from '../domain/scoring/decimal.ts';
import type { ClassBand } from '../domain/scoring/index.ts';
import type { Deps } from '../server/deps.ts';
import { findSet } from '../server/features/criteria/service.ts';
import {
  importScores,
  readScoresCsv,
  readScoresXlsx,
} from '../server/features/campaigns/import.ts';
import {
  resultsCsv,
  resultsTable,
  resultsXlsx,
} from '../server/features/campaigns/results.service.ts';
import { addParticipants, createCampaign } from '../server/features/campaigns/service.ts';
import { findUnitsByCodes, listKinds } from '../server/features/units/service.ts';

const CREATE_USAGE =
  'Cách dùng: parindex campaign create --name <tên> --year <năm> --criteria <id bộ chỉ số> --units <tệp mã đơn vị> [--survey-max <điểm>] [--bands mac-dinh|bo-chi-so|<tệp JSON các mức xếp loại>] (mặc định: mức xếp loại của bộ chỉ số)';
const IMPORT_USAGE =
  'Cách dùng: parindex campaign import-scores <id đợt> <tệp.csv|xlsx> [--enrol] (--enrol: thêm vào đợt các đơn vị chưa tham gia)';
const RESULTS_USAGE =
  'Cách dùng: parindex campaign results <id đợt> [--format json|csv|xlsx] [--out <tệp>]';

const positiveInt = (text: string | undefined): number | null => {
  const n = Number(text);
  return text !== undefined && /^\d+$/.test(text) && n > 0 ? n : null;
};

/** Default deadlines of a campaign created at the console: the first quarter of the next year. */
export function defaultDeadlines(year: number) {
  const next = year + 1;
  return {
    selfAssessment: `${next}-01-15`,
    round1: `${next}-02-15`,
    explanations: `${next}-02-28`,
    round2: `${next}-03-15`,
    publication: `${next}-03-31`,
  };
}

/** Runs `parindex campaign <sub> …`; `usage` builds the error for bad usage (exit code 2). */
export async function runCampaignCommand(
  deps: Deps,
  actor: Actor,
  sub: string | undefined,
  args: string[],
  usage: (message: string) => Error,
): Promise<void> {
  switch (sub) {
    case 'create': {
      const { values } = parseArgs({
        args,
        options: {
          name: { type: 'string' },
          year: { type: 'string' },
          criteria: { type: 'string' },
          units: { type: 'string' },
          'survey-max': { type: 'string' },
          bands: { type: 'string' },
        },
      });
      const year = positiveInt(values.year);
      const setId = positiveInt(values.criteria);
      if (!values.name || year === null || setId === null || !values.units)
        throw usage(CREATE_USAGE);
      let surveyMax: number | undefined;
      if (values['survey-max'] !== undefined) {
        const parsed = parseHundredths(values['survey-max']);
        if (!parsed.ok) throw usage(`--survey-max: ${parsed.error}`);
        surveyMax = parsed.value;
      }
      let bands: ClassBand[] | null = null;
      if (values.bands !== undefined) {
        const preset = Object.hasOwn(CAMPAIGN_BAND_PRESETS, values.bands);
        if (!preset && !existsSync(values.bands))
          throw usage(
            `--bands: «${values.bands}» không phải tên mức có sẵn (${Object.keys(CAMPAIGN_BAND_PRESETS).join(', ')}) hay tệp có sẵn.`,
          );
        const read = campaignBandsFrom(preset ? values.bands : readFileSync(values.bands, 'utf8'));
        if (!read.ok) throw usage(`--bands: ${read.problems.join('; ')}`);
        bands = read.bands;
      }
      const lines = readFileSync(values.units, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/);
      const codes = lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
      if (codes.length === 0) throw usage(`Tệp ${values.units} không có mã đơn vị nào.`);
      const set = await findSet(deps.db, setId);
      if (!set) throw usage(`Không có bộ chỉ số id ${setId}.`);
      const found = await findUnitsByCodes(deps.db, codes);
      const missing = lines.flatMap((l, i) =>
        l.trim() !== '' && !l.trim().startsWith('#') && !found.has(l.trim())
          ? [`dòng ${i + 1}: «${l.trim()}»`]
          : [],
      );
      if (missing.length) throw usage(`Không tìm thấy đơn vị: ${missing.join('; ')}`);
      const wrongKind = codes.filter((c) => found.get(c)?.kind !== set.unit_kind);
      if (wrongKind.length) {
        const kindName =
          (await listKinds(deps.db)).find((k) => k.code === set.unit_kind)?.name_vi ??
          set.unit_kind;
        throw usage(
          `Bộ chỉ số «${set.name}» dành cho loại đơn vị «${kindName}»; các đơn vị khác loại: ${wrongKind.join(', ')}`,
        );
      }
      const id = await createCampaign(deps, actor, {
        name: values.name,
        year,
        ownerUnitId: set.owner_unit_id,
        deadlines: defaultDeadlines(year),
        surveySource: 'imported',
        bands,
        criteriaSets: [
          {
            unitKind: set.unit_kind,
            criteriaSetId: set.id,
            ...(surveyMax !== undefined ? { surveyMaxHundredths: surveyMax } : {}),
          },
        ],
      });
      await addParticipants(deps, actor, id, { unitCodes: codes });
      console.log(id);
      return;
    }
    case 'import-scores': {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { enrol: { type: 'boolean' } },
      });
      const id = positiveInt(positionals[0]);
      const file = positionals[1];
      if (id === null || !file) throw usage(IMPORT_USAGE);
      const content = readFileSync(file);
      const rows = /\.xlsx$/i.test(file)
        ? await readScoresXlsx(content)
        : await readScoresCsv(content);
      const result = await importScores(deps, actor, id, rows, { enrol: values.enrol === true });
      console.log(
        `Đã nhập ${result.scores.toLocaleString('vi-VN')} dòng điểm và ${result.survey} điểm điều tra XHH của ${result.units} đơn vị${result.unitsAdded ? ` (thêm ${result.unitsAdded} đơn vị vào đợt)` : ''}.`,
      );
      return;
    }
    case 'results': {
      const { values, positionals } = parseArgs({
        args,
        options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } },
        allowPositionals: true,
      });
      const id = positiveInt(positionals[0]);
      const format = values.format;
      if (id === null || !['json', 'csv', 'xlsx'].includes(format ?? ''))
        throw usage(RESULTS_USAGE);
      if (format === 'xlsx' && !values.out) throw usage('Định dạng xlsx cần --out <tệp.xlsx>.');
      const table = await resultsTable(deps, actor, id);
      const output =
        format === 'json'
          ? `${JSON.stringify({ campaign: { id: table.campaign.id, name: table.campaign.name, year: table.campaign.year }, units: table.units }, null, 2)}\n`
          : format === 'csv'
            ? resultsCsv(table)
            : await resultsXlsx(table);
      if (values.out) {
        writeFileSync(values.out, output);
        console.log(`Đã ghi kết quả ${table.units.length} đơn vị vào ${values.out}.`);
      } else {
        process.stdout.write(output);
      }
      return;
    }
    default:
      throw usage(
        `Lệnh «campaign» có «campaign create», «campaign import-scores» và «campaign results».\n${CREATE_USAGE}\n${IMPORT_USAGE}\n${RESULTS_USAGE}`,
      );
  }
}
