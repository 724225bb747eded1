/**
 * A workflow refusal in words: the domain gives its code, exact reason and parameters; the server
 * catalogue words it in the request's language (`workflow_refusal_<reason>`, naming the action,
 * status and deadline through their own catalogue keys). Used for the refused actions shown beside
 * a unit and for the error of a refused transition.
 */
import type { Refusal } from '../../../domain/campaign/workflow.ts';
import {
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../i18n/messages.ts';

/** The catalogue key of a refusal's sentence. */
export function refusalKey(refusal: Refusal): MessageKey {
  return `workflow_refusal_${refusal.reason}`;
}

/** A refusal's parameters for the catalogue; names of things as "@key" references. */
export function refusalParams(refusal: Refusal): MessageParams {
  const { event, status, deadline, nodeCode, count } = refusal.params;
  return {
    ...(event !== undefined ? { event: `@workflow_event_${event}` } : {}),
    ...(status !== undefined ? { status: `@workflow_status_${status}` } : {}),
    ...(deadline !== undefined ? { deadline: `@workflow_deadline_${deadline}` } : {}),
    ...(nodeCode !== undefined ? { nodeCode } : {}),
    ...(count !== undefined ? { count } : {}),
  };
}

/** A refusal's sentence in the given language. */
export function refusalText(locale: Locale, refusal: Refusal): string {
  return translate(locale, refusalKey(refusal), refusalParams(refusal));
}
