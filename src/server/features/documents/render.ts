/**
 * Filling a Word template with a document's data (docxtemplater over the .docx's XML) and reading
 * which placeholders a template uses. Tags are `{name}`; a loop or condition whose tags stand alone
 * in their paragraphs repeats those paragraphs (paragraphLoop), one in a table row repeats the row.
 * Text values are inserted as text (escaped), line breaks become Word line breaks.
 */
import Docxtemplater from 'docxtemplater';
import inspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import type { TagTree } from '../../../domain/documents/templates.ts';

/** Why a template cannot be used: docxtemplater's error id and the tag or place it names. */
export interface TemplateProblem {
  id: string;
  /** The tag involved ("lostGroups", "{unitNam"), or the part of the file. */
  context: string;
  /** The part of the Word file it is in ("word/document.xml", "word/header1.xml"), when known. */
  file?: string;
}

/** Problems a template can have that the catalogue explains; any other is "unreadable". */
const EXPLAINED = new Set([
  'unopened_tag',
  'unclosed_tag',
  'duplicate_open_tag',
  'duplicate_close_tag',
  'unopened_loop',
  'unclosed_loop',
  'closing_tag_does_not_match_opening_tag',
  'unbalanced_loop_tags',
  'raw_xml_tag_should_be_only_text_in_paragraph',
  'loop_position_invalid',
  'malformed_xml',
]);

/**
 * The message parameters that explain a template's first problem in the reader's language: the
 * problem (a nested catalogue key), the placeholder and where in the file it is, and how many
 * other problems there are.
 */
export function templateProblemParams(problems: TemplateProblem[]): Record<string, string> {
  const first = problems[0] ?? { id: 'unreadable', context: '' };
  const kind = EXPLAINED.has(first.id) ? first.id : 'unreadable';
  const file = first.file ?? 'word/document.xml';
  const place = /header/.test(file) ? 'header' : /footer/.test(file) ? 'footer' : 'body';
  const tag = first.context.replace(/^[{#/^]+|}+$/g, '').trim();
  return {
    problem: `@document_template_problem_${kind}`,
    tag: tag || '…',
    place: `@document_template_place_${place}`,
    more: problems.length > 1 ? `@document_template_more` : '',
    count: String(problems.length - 1),
  };
}

/** The template is not a Word file, or its tags do not parse. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map((p) => `${p.id}: ${p.context}`).join('; '));
  }
}

interface DocxtemplaterErrorLike {
  properties?: {
    id?: string;
    xtag?: string;
    file?: string;
    errors?: DocxtemplaterErrorLike[];
    explanation?: string;
  };
  message?: string;
}

function problemsOf(error: unknown): TemplateProblem[] {
  const e = error as DocxtemplaterErrorLike;
  const inner = e.properties?.errors;
  const list = inner && inner.length > 0 ? inner : [e];
  return list.map((x) => ({
    id: x.properties?.id ?? 'unreadable',
    context: x.properties?.xtag ?? '',
    ...(x.properties?.file ? { file: x.properties.file } : {}),
  }));
}

function open(template: Buffer, modules: unknown[] = []): Docxtemplater {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new TemplateError([{ id: 'not_docx', context: '' }]);
  }
  if (!zip.file('word/document.xml')) throw new TemplateError([{ id: 'not_docx', context: '' }]);
  try {
    return new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      modules: modules as never,
      // A value the data does not have renders empty; unknown names are refused at upload instead.
      nullGetter: () => '',
    });
  } catch (error) {
    throw new TemplateError(problemsOf(error));
  }
}

/** The placeholders a template uses, nested by loop; throws TemplateError when it does not parse. */
export function inspectTemplate(template: Buffer): TagTree {
  // The package's runtime export is a factory, not the class its typings declare.
  const inspect = (inspectModule as unknown as () => { getAllTags(): unknown })();
  open(template, [inspect]);
  return inspect.getAllTags() as TagTree;
}

/** Fills a template with `data`; throws TemplateError when the template does not render. */
export function renderTemplate(template: Buffer, data: object): Buffer {
  const doc = open(template);
  try {
    doc.render(data);
  } catch (error) {
    throw new TemplateError(problemsOf(error));
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}
