/**
 * The field app's storage on the device (IndexedDB): the downloaded forms (SIPAS campaigns and,
 * since version 2, sociological surveys), the answers of both waiting to be sent in one queue
 * (keyed by their client id, so a form is kept once however often it is saved or sent) and the
 * answers the server refused, with its reason.
 */
import type { AnswerValue } from '@domain/sipas/questionnaire.ts';
import type { CollectionForm, FieldSurveyForm } from './api.ts';

const DB_NAME = 'parindex-thu-thap';
const DB_VERSION = 2;

/** One answer collected offline, as the batch endpoint takes it. */
export interface PendingAnswer {
  clientId: string;
  campaignId: number;
  unitId: number;
  fieldId: string;
  questionnaireId: string;
  questionnaireVersion: string;
  answers: Record<string, AnswerValue>;
  profile: Record<string, string>;
  suggestion: string | null;
  /** When it was saved on the device (ISO). */
  savedAt: string;
}

/** One sociological-survey questionnaire collected offline (ADR 46), in the same queue. */
export interface PendingSurveyAnswer {
  kind: 'social-survey';
  clientId: string;
  campaignId: number;
  unitId: number;
  group: string;
  answers: Record<string, string>;
  /** When it was saved on the device (ISO). */
  savedAt: string;
}

/** Anything waiting to be sent: a SIPAS answer (no kind) or a survey questionnaire. */
export type PendingItem = PendingAnswer | PendingSurveyAnswer;

/** Is this waiting item a sociological-survey questionnaire? */
export const isSurveyAnswer = (item: PendingItem): item is PendingSurveyAnswer =>
  'kind' in item && item.kind === 'social-survey';

/** An answer the server refused, with its message. */
export type RefusedAnswer = PendingItem & { message: string };

type StoreName = 'forms' | 'surveyForms' | 'outbox' | 'refused';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      // Version 1 had the SIPAS stores; version 2 adds the sociological surveys' forms.
      if (event.oldVersion < 1) {
        db.createObjectStore('forms', { keyPath: 'campaignId' });
        db.createObjectStore('outbox', { keyPath: 'clientId' });
        db.createObjectStore('refused', { keyPath: 'clientId' });
      }
      if (event.oldVersion < 2) db.createObjectStore('surveyForms', { keyPath: 'campaignId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run<T>(
  names: StoreName[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const db = await open();
  const tx = db.transaction(names, mode);
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const result = await work(tx);
  await done;
  return result;
}

/** The downloaded forms. */
export function loadForms(): Promise<CollectionForm[]> {
  return run(['forms'], 'readonly', (tx) =>
    promised(tx.objectStore('forms').getAll() as IDBRequest<CollectionForm[]>),
  );
}

/** Replaces the downloaded forms with a fresh list. */
export function saveForms(forms: CollectionForm[]): Promise<void> {
  return run(['forms'], 'readwrite', (tx) => {
    const store = tx.objectStore('forms');
    store.clear();
    for (const f of forms) store.put(f);
  });
}

/** The downloaded sociological surveys. */
export function loadSurveyForms(): Promise<FieldSurveyForm[]> {
  return run(['surveyForms'], 'readonly', (tx) =>
    promised(tx.objectStore('surveyForms').getAll() as IDBRequest<FieldSurveyForm[]>),
  );
}

/** Replaces the downloaded sociological surveys with a fresh list. */
export function saveSurveyForms(forms: FieldSurveyForm[]): Promise<void> {
  return run(['surveyForms'], 'readwrite', (tx) => {
    const store = tx.objectStore('surveyForms');
    store.clear();
    for (const f of forms) store.put(f);
  });
}

/** Keeps an answer until it is sent; written before the enumerator is told it is saved. */
export function addPending(answer: PendingItem): Promise<void> {
  return run(['outbox'], 'readwrite', (tx) => {
    tx.objectStore('outbox').put(answer);
  });
}

/** The answers waiting to be sent, oldest first. */
export async function listPending(): Promise<PendingItem[]> {
  const all = await run(['outbox'], 'readonly', (tx) =>
    promised(tx.objectStore('outbox').getAll() as IDBRequest<PendingItem[]>),
  );
  return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** How many answers wait to be sent. */
export function countPending(): Promise<number> {
  return run(['outbox'], 'readonly', (tx) => promised(tx.objectStore('outbox').count()));
}

/** After an upload: drops what the server stored and moves what it refused aside. */
export function settle(stored: string[], refused: RefusedAnswer[]): Promise<void> {
  return run(['outbox', 'refused'], 'readwrite', (tx) => {
    const outbox = tx.objectStore('outbox');
    for (const id of stored) outbox.delete(id);
    for (const r of refused) {
      outbox.delete(r.clientId);
      tx.objectStore('refused').put(r);
    }
  });
}

/** The answers the server refused. */
export function listRefused(): Promise<RefusedAnswer[]> {
  return run(['refused'], 'readonly', (tx) =>
    promised(tx.objectStore('refused').getAll() as IDBRequest<RefusedAnswer[]>),
  );
}
