/**
 * Staff type in the paper rating form handed out with the result (one per dossier): find the
 * dossier by its code, answer the nine questions (or type the nine digits), save, go on to the next.
 * The dossier found also shows what its receipt carries for the citizen's online rating: the
 * rating code, the single-use link and its QR code.
 */
import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { dossierApi, type Dossier, type RatingReceipt } from './api.ts';
import { RatingQuestions, emptyAnswers } from './RatingForm.tsx';
import { DossiersTabs, pointsText } from './shared.tsx';

/** The rating code, link and QR code to print on the dossier's receipt. */
function ReceiptBox({ receipt }: { receipt: RatingReceipt }) {
  const { t } = useTranslation();
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(receipt.qrSvg)}`;
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <Group align="flex-start" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 18rem' }}>
          <Text fw={600}>{t('dossiers.rating.receipt.title')}</Text>
          {receipt.rated ? (
            <Text size="sm">{t('dossiers.rating.receipt.rated')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('dossiers.rating.receipt.hint')}
              </Text>
              <Text size="sm">
                {t('dossiers.rating.receipt.code')}: <Code>{receipt.code}</Code>
              </Text>
              <Text size="sm">
                {t('dossiers.rating.receipt.secret')}:{' '}
                <Code fz="md" data-testid="rating-secret">
                  {receipt.secret}
                </Code>
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('dossiers.rating.receipt.link')}:{' '}
                <Anchor href={receipt.link} target="_blank" rel="noreferrer">
                  {receipt.link}
                </Anchor>
              </Text>
            </>
          )}
        </Stack>
        {receipt.rated ? null : (
          <Image
            src={qr}
            alt={t('dossiers.rating.receipt.qr', { code: receipt.code })}
            w={132}
            h={132}
          />
        )}
      </Group>
    </Paper>
  );
}

/** The staff entry page. */
export function RatingEntryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('dossiers.rating.title'));
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const code = params.get('code')?.trim() ?? '';
  const [typed, setTyped] = useState(code);
  const [answers, setAnswers] = useState(emptyAnswers);
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState<Dossier | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  const dossier = useQuery({
    queryKey: ['dossiers', 'one', code],
    queryFn: ({ signal }) => dossierApi.dossier(code, signal),
    enabled: code !== '',
    retry: false,
  });
  // Only those who may enter the dossier's forms get its receipt; others see the form alone.
  const receipt = useQuery({
    queryKey: ['dossiers', 'receipt', code],
    queryFn: ({ signal }) => dossierApi.ratingReceipt(code, signal),
    enabled: code !== '' && dossier.isSuccess,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => dossierApi.enterRating(code, answers, comment.trim() || null),
    onSuccess: (d) => {
      setSaved(d);
      queryClient.setQueryData(['dossiers', 'one', code], d);
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['dossiers', 'receipt', code] });
    },
  });

  const find = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    save.reset();
    setAnswers(emptyAnswers());
    setComment('');
    setParams(typed.trim() ? { code: typed.trim() } : {}, { replace: true });
  };
  const next = () => {
    setSaved(null);
    save.reset();
    setAnswers(emptyAnswers());
    setComment('');
    setTyped('');
    setParams({}, { replace: true });
    codeInput.current?.focus();
  };

  const d = dossier.data;
  const rated = d ? d.rating !== null || d.importedCitizenRatings !== null : false;

  return (
    <Stack>
      <DossiersTabs />
      <Title order={2}>{t('dossiers.rating.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('dossiers.rating.intro')}
      </Text>
      <Text size="sm">
        {t('dossiers.rating.publicLink')}{' '}
        <Anchor href="/public/danh-gia-ho-so" target="_blank">
          {`${window.location.origin}/public/danh-gia-ho-so`}
        </Anchor>
      </Text>
      <form onSubmit={find}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            ref={codeInput}
            label={t('dossiers.rating.code')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            style={{ flex: '1 1 16rem' }}
            maw={420}
          />
          <Button type="submit" variant="default">
            {t('dossiers.rating.find')}
          </Button>
        </Group>
      </form>
      {code === '' ? null : dossier.isLoading ? (
        <LoadingState />
      ) : dossier.error ? (
        <ErrorAlert error={dossier.error} />
      ) : d ? (
        <Paper withBorder p="md" maw={900}>
          <Stack>
            <Text fw={600}>{d.code}</Text>
            <Text size="sm">
              {t('dossiers.rating.dossier', {
                procedure: d.procedureName || d.procedureCode,
                unit: d.unit.name,
                date: formatDateTime(d.receivedAt, language),
              })}
            </Text>
            {receipt.data ? <ReceiptBox receipt={receipt.data} /> : null}
            {saved ? (
              <Alert
                color="green"
                title={t('dossiers.rating.saved', {
                  code: saved.code,
                  total: pointsText(saved.total),
                })}
              >
                <Button mt="xs" onClick={next}>
                  {t('dossiers.rating.next')}
                </Button>
              </Alert>
            ) : rated ? (
              <Alert color="yellow">{t('dossiers.rating.alreadyRated')}</Alert>
            ) : (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  save.mutate();
                }}
              >
                <Stack>
                  <RatingQuestions
                    answers={answers}
                    onChange={setAnswers}
                    comment={comment}
                    onComment={setComment}
                    quick
                  />
                  <ErrorAlert error={save.error} />
                  <Group>
                    <Button type="submit" loading={save.isPending}>
                      {t('dossiers.rating.save')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
