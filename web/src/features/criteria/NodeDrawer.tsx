/**
 * The side panel of one criterion: every field (title, max, rule, kind, N/A policy, guidance,
 * evidence, appraising agency, source, "to be confirmed"), the problems found on it, and the
 * "try the rule" preview for a leaf. Read-only for a frozen set or a reader.
 */
import {
  Alert,
  Badge,
  Checkbox,
  DataList,
  Divider,
  Drawer,
  Group,
  List,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { REQUIRED_KINDS, type NodeKindValue, type NotApplicableValue } from './api.ts';
import { RuleHelpButton } from './RuleHelp.tsx';
import { RulePreview } from './RulePreview.tsx';
import { maxOf, ruleOf, type EditNode, type NodePatch } from './tree-edit.ts';
import { DateField } from '../../components/DateField.tsx';

interface NodeDrawerProps {
  node: EditNode | null;
  readOnly: boolean;
  problems: readonly string[];
  onChange: (key: string, patch: NodePatch) => void;
  onClose: () => void;
}

const INHERIT = 'inherit';
const NONE = 'none';

/** The drawer; empty when no node is chosen. */
export function NodeDrawer({ node, readOnly, problems, onChange, onClose }: NodeDrawerProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Drawer
      opened={node !== null}
      onClose={onClose}
      position="right"
      size={mobile ? '100%' : 'xl'}
      title={node ? t('criteria.nodeTitle', { code: node.code }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {node ? (
        <NodeDetails
          node={node}
          readOnly={readOnly}
          problems={problems}
          onChange={(patch) => onChange(node.key, patch)}
        />
      ) : null}
    </Drawer>
  );
}

function NodeDetails({
  node,
  readOnly,
  problems,
  onChange,
}: {
  node: EditNode;
  readOnly: boolean;
  problems: readonly string[];
  onChange: (patch: NodePatch) => void;
}) {
  const { t } = useTranslation();
  const max = maxOf(node);
  const rule = ruleOf(node);
  const leaf = node.children.length === 0;
  const kindLabel = (kind: NodeKindValue | null) =>
    kind === null ? t('criteria.kindInherit') : t(`criteria.kinds.${kind}`);
  const naLabel = (na: NotApplicableValue | null) =>
    na === null ? t('criteria.naNone') : t(`criteria.na.${na}`);

  const problemList =
    problems.length > 0 ? (
      <Alert color="orange" variant="light" title={t('criteria.nodeProblems')}>
        <List size="sm">
          {problems.map((p, i) => (
            <List.Item key={i} lang="vi">
              {p}
            </List.Item>
          ))}
        </List>
      </Alert>
    ) : null;

  const preview =
    leaf && rule.state === 'ok' && max !== null ? (
      <>
        <Divider />
        <Title order={3} size="h5" id="rule-preview-title">
          {t('criteria.preview')}
        </Title>
        <RulePreview
          key={`${node.ruleText}|${node.maxText}`}
          rule={rule.rule}
          maxHundredths={max}
          code={node.code}
        />
      </>
    ) : leaf ? (
      <>
        <Divider />
        <Text size="sm" c="dimmed">
          {t('criteria.previewNeedsRule')}
        </Text>
      </>
    ) : null;

  if (readOnly) {
    const row = (label: string, value: string | null) => (
      <DataList.Item>
        <DataList.ItemLabel>{label}</DataList.ItemLabel>
        <DataList.ItemValue style={{ whiteSpace: 'pre-wrap' }}>
          {value && value.trim() !== '' ? value : t('common.none')}
        </DataList.ItemValue>
      </DataList.Item>
    );
    return (
      <Stack>
        {problemList}
        <DataList labelWidth={170}>
          {row(t('criteria.nodeTitleField'), node.title)}
          {row(t('criteria.max'), node.maxText)}
          {row(t('criteria.rule'), node.ruleText)}
          {row(t('criteria.kind'), kindLabel(node.kind))}
          {row(t('criteria.notApplicable'), naLabel(node.notApplicable))}
          {row(t('criteria.guidance'), node.guidance)}
          {row(t('criteria.evidence'), node.evidence)}
          {row(t('criteria.agency'), node.agency)}
          {row(t('criteria.source'), node.source)}
          {row(t('criteria.toBeConfirmed'), node.toBeConfirmed ? t('common.yes') : t('common.no'))}
          {row(
            t('evidenceCheck.node.title'),
            [
              node.requiredKind ? t(`evidenceCheck.kinds.${node.requiredKind}`) : '',
              node.mustBeSigned ? t('evidenceCheck.node.summarySigned') : '',
              node.evidenceDeadline
                ? t('evidenceCheck.node.summaryDeadline', {
                    date: node.evidenceDeadline.split('-').reverse().join('/'),
                  })
                : '',
            ]
              .filter(Boolean)
              .join('; ') || t('evidenceCheck.node.none'),
          )}
        </DataList>
        {preview}
      </Stack>
    );
  }

  return (
    <Stack>
      {problemList}
      <Textarea
        label={t('criteria.nodeTitleField')}
        value={node.title}
        onChange={(e) => onChange({ title: e.currentTarget.value })}
        autosize
        minRows={1}
        error={node.title.trim() === '' ? t('criteria.titleRequired') : undefined}
        required
        data-autofocus
      />
      <Group align="flex-start" grow>
        <TextInput
          label={t('criteria.max')}
          description={t('criteria.maxHint')}
          value={node.maxText}
          inputMode="decimal"
          onChange={(e) => onChange({ maxText: e.currentTarget.value })}
          error={max === null ? t('criteria.pointsInvalid') : undefined}
        />
        <Select
          label={t('criteria.kind')}
          data={[
            { value: INHERIT, label: t('criteria.kindInherit') },
            { value: 'normal', label: t('criteria.kinds.normal') },
            { value: 'bonus', label: t('criteria.kinds.bonus') },
            { value: 'penalty', label: t('criteria.kinds.penalty') },
          ]}
          value={node.kind ?? INHERIT}
          onChange={(v) =>
            onChange({
              kind: v === 'normal' || v === 'bonus' || v === 'penalty' ? v : null,
            })
          }
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Stack gap={4}>
        <TextInput
          label={t('criteria.rule')}
          description={leaf ? t('criteria.ruleHint') : t('criteria.ruleParentHint')}
          placeholder={t('criteria.rulePlaceholder')}
          value={node.ruleText}
          onChange={(e) => onChange({ ruleText: e.currentTarget.value })}
          error={rule.state === 'error' ? rule.error : undefined}
          lang="vi"
        />
        <Group justify="flex-end">
          <RuleHelpButton />
        </Group>
      </Stack>
      <Select
        label={t('criteria.notApplicable')}
        description={t('criteria.notApplicableHint')}
        data={[
          { value: NONE, label: t('criteria.naNone') },
          { value: 'exclude', label: t('criteria.na.exclude') },
          { value: 'zero', label: t('criteria.na.zero') },
        ]}
        value={node.notApplicable ?? NONE}
        onChange={(v) => onChange({ notApplicable: v === 'exclude' || v === 'zero' ? v : null })}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('criteria.guidance')}
        value={node.guidance}
        onChange={(e) => onChange({ guidance: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={10}
      />
      <Textarea
        label={t('criteria.evidence')}
        value={node.evidence}
        onChange={(e) => onChange({ evidence: e.currentTarget.value })}
        autosize
        minRows={2}
        maxRows={10}
      />
      <TextInput
        label={t('criteria.agency')}
        value={node.agency}
        onChange={(e) => onChange({ agency: e.currentTarget.value })}
      />
      <Textarea
        label={t('criteria.source')}
        value={node.source}
        onChange={(e) => onChange({ source: e.currentTarget.value })}
        autosize
        minRows={1}
      />
      <Checkbox
        label={t('criteria.toBeConfirmed')}
        description={t('criteria.toBeConfirmedHint')}
        checked={node.toBeConfirmed}
        onChange={(e) => onChange({ toBeConfirmed: e.currentTarget.checked })}
      />
      {node.toBeConfirmed ? (
        <Badge color="orange" variant="light">
          {t('criteria.toBeConfirmedBadge')}
        </Badge>
      ) : null}
      <Divider />
      <Stack gap="xs" component="fieldset" m={0} p={0} style={{ border: 'none' }}>
        <Text component="legend" fw={600} size="sm">
          {t('evidenceCheck.node.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('evidenceCheck.node.hint')}
        </Text>
        <Select
          label={t('evidenceCheck.node.kind')}
          data={[
            { value: NONE, label: t('evidenceCheck.node.anyKind') },
            ...REQUIRED_KINDS.map((k) => ({ value: k, label: t(`evidenceCheck.kinds.${k}`) })),
          ]}
          value={node.requiredKind ?? NONE}
          onChange={(v) =>
            onChange({
              requiredKind: REQUIRED_KINDS.find((k) => k === v) ?? null,
            })
          }
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox
          label={t('evidenceCheck.node.mustBeSigned')}
          checked={node.mustBeSigned}
          onChange={(e) => onChange({ mustBeSigned: e.currentTarget.checked })}
        />
        <Checkbox
          label={t('evidenceCheck.node.signingDateOnlyWarns')}
          description={t('evidenceCheck.node.signingDateOnlyWarnsHint')}
          checked={node.signingDateOnlyWarns}
          onChange={(e) => onChange({ signingDateOnlyWarns: e.currentTarget.checked })}
        />
        <DateField
          label={t('evidenceCheck.node.deadline')}
          value={node.evidenceDeadline}
          onChange={(value) => onChange({ evidenceDeadline: value })}
        />
      </Stack>
      {preview}
    </Stack>
  );
}
