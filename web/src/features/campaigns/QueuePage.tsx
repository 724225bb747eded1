/**
 * The appraiser's work across units: round 1 (every assigned sub-criterion of every unit ready
 * for appraisal) or round 2 (every assigned finding awaiting a decision), paginated. Each item
 * shows the unit's inputs, score, explanation and evidence beside the appraiser's form.
 */
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDay } from '../../lib/dates.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { campaignApi, type Disposition, type QueueItem } from './api.ts';
import { EvidenceList } from './Evidence.tsx';
import { NodeEvidenceFindings } from './EvidenceRisks.tsx';
import { parsePoints, points, pointsInput } from './format.ts';
import { useCampaign, useCampaignMutation, useQueue } from './hooks.ts';
import { ComputedScore } from './SelfEditor.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** Inputs of the scoring rules named in the catalogue (`campaigns.inputs`). */
const INPUT_NAMES = [
  'score',
  'achieved',
  'rate',
  'incidents',
  'issuedOn',
  'items',
  'notApplicable',
] as const;

const PAGE_SIZE = 10;

/** The appraiser's queue. */
export function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('campaigns.queue.title'));
  const id = Number(useParams().id);
  const location = useLocation();
  const campaign = useCampaign(id);
  // "?round=2" opens round 2 (the home page links there).
  const [round, setRound] = useState<1 | 2>(() =>
    new URLSearchParams(location.search).get('round') === '2' ? 2 : 1,
  );
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [page, setPage] = useState(1);
  const queue = useQueue(id, { round, onlyOpen, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const total = queue.data?.total ?? 0;

  return (
    <Stack>
      <nav aria-label={t('campaigns.breadcrumb')}>
        <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
          <Anchor component={Link} to="/campaigns" size="sm">
            {t('campaigns.title')}
          </Anchor>
          <Anchor component={Link} to={`/campaigns/${id}`} size="sm">
            {campaign.data?.campaign.name ?? id}
          </Anchor>
          <Text size="sm" aria-current="page">
            {t('campaigns.queue.title')}
          </Text>
        </Breadcrumbs>
      </nav>
      <Title order={2}>{t('campaigns.queue.title')}</Title>
      <Group gap="md">
        <SegmentedControl
          aria-label={t('campaigns.queue.round')}
          value={String(round)}
          onChange={(v) => {
            setRound(v === '2' ? 2 : 1);
            setPage(1);
          }}
          data={[
            { value: '1', label: t('campaigns.round1.title') },
            { value: '2', label: t('campaigns.round2.title') },
          ]}
        />
        <Switch
          label={t('campaigns.queue.onlyOpen')}
          checked={onlyOpen}
          onChange={(e) => {
            setOnlyOpen(e.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>
      {queue.isLoading ? (
        <LoadingState />
      ) : queue.error ? (
        <ErrorAlert error={queue.error} />
      ) : total === 0 ? (
        <Alert color="gray" variant="light" role="status">
          {t('campaigns.queue.empty')}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('campaigns.queue.count', { total })}
          </Text>
          <Stack
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('campaigns.queue.title')}
          >
            {queue.data?.items.map((item) => (
              <QueueCard
                key={`${round}:${item.unitId}:${item.code}`}
                campaignId={id}
                item={item}
                round={round}
              />
            ))}
          </Stack>
          {total > PAGE_SIZE ? (
            <Pagination
              total={Math.ceil(total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label': t(`common.pageControl.${control}`),
              })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}

function QueueCard({
  campaignId,
  item,
  round,
}: {
  campaignId: number;
  item: QueueItem;
  round: 1 | 2;
}) {
  const { t } = useTranslation();
  const self = item.entry?.self;
  // The unit's figures by the names the sheet gives them, never by their keys.
  const inputName = (key: string): string =>
    (INPUT_NAMES as readonly string[]).includes(key)
      ? t(`campaigns.inputs.${key as (typeof INPUT_NAMES)[number]}`)
      : key;
  const inputValue = (key: string, v: unknown): string => {
    if (v === null || v === undefined) return t('common.none');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'object' && 'numerator' in v && 'denominator' in v)
      return `${String(v.numerator)}/${String(v.denominator)}`;
    if (key === 'score' && typeof v === 'number') return points(v);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDay(v);
    return String(v);
  };
  return (
    <Paper withBorder p="md" component="li" aria-label={`${item.unitName} · ${item.code}`}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600}>
            {item.code}. {item.title}
          </Text>
          <Text size="sm" c="dimmed">
            {item.unitName} · {t('campaigns.maxPoints', { max: points(item.maxHundredths) })}
          </Text>
        </Stack>
        <StatusBadge status={item.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={6}>
          <Title order={4} size="h6">
            {t('campaigns.queue.unitSide')}
          </Title>
          {self ? (
            <>
              {self.inputs ? (
                <Text size="sm">
                  {t('campaigns.queue.inputs')}:{' '}
                  {Object.entries(self.inputs)
                    .map(([k, v]) => `${inputName(k)}: ${inputValue(k, v)}`)
                    .join('; ')}
                </Text>
              ) : null}
              <ComputedScore
                score={self.notApplicable ? 'na' : self.score}
                working={self.working}
                max={item.maxHundredths}
              />
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('campaigns.self.explanation')}: {self.explanation ?? t('common.none')}
              </Text>
              <Text size="sm" fw={500}>
                {t('campaigns.self.evidence')}
              </Text>
              <EvidenceList ids={self.evidence} />
              <NodeEvidenceFindings campaignId={campaignId} unitId={item.unitId} code={item.code} />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('campaigns.self.nothingYet')}
            </Text>
          )}
          {round === 2 && item.entry?.explanation ? (
            <Paper withBorder p="xs">
              <Text size="sm" fw={500}>
                {t('campaigns.explanation.title')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.entry.explanation.text}
              </Text>
              <EvidenceList ids={item.entry.explanation.evidence} />
            </Paper>
          ) : null}
        </Stack>
        {round === 1 ? (
          <Round1Form campaignId={campaignId} item={item} />
        ) : (
          <Round2Form campaignId={campaignId} item={item} />
        )}
      </SimpleGrid>
    </Paper>
  );
}

function Round1Form({ campaignId, item }: { campaignId: number; item: QueueItem }) {
  const { t } = useTranslation();
  const r1 = item.entry?.round1;
  const [score, setScore] = useState(pointsInput(r1?.score ?? item.entry?.self.score ?? null));
  const [reason, setReason] = useState(r1?.reason ?? '');
  const [needs, setNeeds] = useState(r1?.needsExplanation ?? false);
  const [version, setVersion] = useState(item.version);
  const [saved, setSaved] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useCampaignMutation((body: { scoreHundredths: number }) =>
    campaignApi.saveRound1(campaignId, item.unitId, item.code, {
      version,
      scoreHundredths: body.scoreHundredths,
      reason: reason.trim() === '' ? null : reason,
      needsExplanation: needs,
    }),
  );
  const submit = () => {
    setSaved(false);
    const value = parsePoints(score);
    if (value === null) return setLocalError(t('campaigns.round1.scoreInvalid'));
    if (value > item.maxHundredths)
      return setLocalError(t('campaigns.round1.aboveMax', { max: points(item.maxHundredths) }));
    if (value < item.maxHundredths && reason.trim() === '')
      return setLocalError(t('campaigns.round1.reasonRequired'));
    setLocalError(null);
    save.mutate(
      { scoreHundredths: value },
      {
        onSuccess: (r) => {
          setVersion(r.version);
          setSaved(true);
        },
      },
    );
  };
  const below = (parsePoints(score) ?? item.maxHundredths) < item.maxHundredths;
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {t('campaigns.round1.formTitle')}
      </Title>
      <TextInput
        label={t('campaigns.round1.score')}
        description={t('campaigns.self.maxHint', { max: points(item.maxHundredths) })}
        inputMode="decimal"
        value={score}
        onChange={(e) => {
          setScore(e.currentTarget.value);
          setSaved(false);
        }}
        error={fieldError(save.error, 'score')}
      />
      <Textarea
        label={t('campaigns.round1.reason')}
        description={below ? t('campaigns.round1.reasonRequired') : undefined}
        required={below}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setSaved(false);
        }}
        error={fieldError(save.error, 'reason')}
      />
      <Checkbox
        label={t('campaigns.round1.needsExplanation')}
        checked={needs}
        onChange={(e) => {
          setNeeds(e.currentTarget.checked);
          setSaved(false);
        }}
      />
      {localError ? (
        <Text size="sm" c="red" role="alert">
          {localError}
        </Text>
      ) : null}
      <ErrorAlert error={save.error} fields={['score', 'reason']} />
      <Group>
        <Button size="sm" onClick={submit} loading={save.isPending}>
          {t('campaigns.round1.save')}
        </Button>
        {saved ? (
          <Text size="sm" c="green" role="status">
            {t('campaigns.save.saved')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

function Round2Form({ campaignId, item }: { campaignId: number; item: QueueItem }) {
  const { t } = useTranslation();
  const r1 = item.entry?.round1;
  const r2 = item.entry?.round2;
  const [disposition, setDisposition] = useState<Disposition | ''>(r2?.disposition ?? '');
  const [score, setScore] = useState(pointsInput(r2?.score ?? null));
  const [reason, setReason] = useState(r2?.reason ?? '');
  const [version, setVersion] = useState(item.version);
  const [saved, setSaved] = useState(false);
  const save = useCampaignMutation(() =>
    campaignApi.saveRound2(campaignId, item.unitId, item.code, {
      version,
      disposition: disposition || 'still_open',
      scoreHundredths: disposition === 'addressed' ? parsePoints(score) : null,
      reason,
    }),
  );
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        {t('campaigns.round2.formTitle')}
      </Title>
      {r1 ? (
        <Text size="sm">
          {t('campaigns.round1.title')}:{' '}
          {t('campaigns.scoreOfMax', {
            score: points(r1.score ?? 0),
            max: points(item.maxHundredths),
          })}
          {r1.reason ? ` · ${r1.reason}` : ''}
        </Text>
      ) : null}
      <Radio.Group
        label={t('campaigns.round2.disposition')}
        value={disposition}
        onChange={(v) => {
          setDisposition(v as Disposition);
          setSaved(false);
        }}
        required
      >
        <Stack gap={4} mt={4}>
          {(['addressed', 'defended', 'still_open'] as const).map((d) => (
            <Radio key={d} value={d} label={t(`campaigns.round2.dispositions.${d}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {disposition === 'addressed' ? (
        <TextInput
          label={t('campaigns.round2.newScore')}
          description={t('campaigns.self.maxHint', { max: points(item.maxHundredths) })}
          inputMode="decimal"
          value={score}
          onChange={(e) => setScore(e.currentTarget.value)}
          error={fieldError(save.error, 'score')}
        />
      ) : null}
      <Textarea
        label={t('campaigns.round2.reason')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setSaved(false);
        }}
        error={fieldError(save.error, 'reason')}
      />
      <ErrorAlert error={save.error} fields={['score', 'reason']} />
      <Group>
        <Button
          size="sm"
          disabled={!disposition || reason.trim() === ''}
          loading={save.isPending}
          onClick={() =>
            save.mutate(undefined, {
              onSuccess: (r) => {
                setVersion(r.version);
                setSaved(true);
              },
            })
          }
        >
          {t('campaigns.round2.save')}
        </Button>
        {saved ? (
          <Text size="sm" c="green" role="status">
            {t('campaigns.save.saved')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
