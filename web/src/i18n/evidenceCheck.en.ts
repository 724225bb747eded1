/** English texts of the automatic evidence checks (`en.evidenceCheck`), key for key as in Vietnamese. */
import type { evidenceCheckVi } from './evidenceCheck.vi.ts';

export const evidenceCheckEn: typeof evidenceCheckVi = {
  title: 'Evidence check before submitting',
  intro:
    'Every attached document is read (number, symbol, issue date, digital signatures) and compared with what the criterion asks, so you see beforehand what the appraiser will see.',
  run: 'Check now',
  again: 'Check again',
  pending: 'Reading {{pending}} documents ({{checked}} read); the results update by themselves.',
  none: 'No risk found in the {{checked}} documents read.',
  summary:
    '{{count}} points to review; up to {{points}} points may be lost. Assessment year: {{year}}.',
  atRisk: 'May lose {{points}} points',
  worthALook: 'Worth a look',
  noDocument: 'No evidence attached',
  documentNo: 'Document no. {{id}}',
  queueTitle: 'Automatic evidence check',
  severity: { problem: 'Problem', warning: 'Note' },
  recheck: {
    hint: 'Read every document of the unit’s library again (for instance once the server has text recognition or trusted certificates); it runs in the background, you can carry on meanwhile.',
    start: 'Read all documents again',
    label: 'Progress of reading the documents again',
    starting: 'Starting to read again…',
    progress: '{{checked}}/{{total}} files read again.',
    done: '{{total}} files read again; {{unreadable}} of them could not be read.',
    doneAllRead: '{{total}} files read again; every file could be read.',
  },
  node: {
    title: 'What the automatic evidence check expects',
    hint: 'Every document attached to this criterion is compared with these requirements (the issue year is the campaign’s).',
    kind: 'Required type of document',
    anyKind: 'No particular type',
    mustBeSigned: 'Must be signed digitally',
    signingDateOnlyWarns: 'A signing date other than the issue date is only a note',
    signingDateOnlyWarnsHint:
      'Left clear: a signing date other than the issue date printed on the document puts the claimed points at risk (as appraisers have scored it).',
    deadline: 'Issued on or before',
    none: 'No requirement',
    summarySigned: 'signed digitally',
    summaryDeadline: 'issued by {{date}}',
  },
  kinds: {
    resolution: 'Resolution',
    decision: 'Decision',
    directive: 'Directive',
    regulation: 'Regulation',
    notice: 'Notice',
    guidance: 'Guidance',
    programme: 'Programme',
    plan: 'Plan',
    scheme: 'Scheme',
    report: 'Report',
    minutes: 'Minutes',
    submission: 'Submission',
    official_letter: 'Official letter',
    other: 'Other document',
  },
};
