/**
 * The public online rating form by dossier code and the citizen's rating code from the receipt
 * (no sign-in, outside the app frame): the nine questions and a remark. The receipt's link and QR
 * code fill both codes in from after `#` (`#code=…&secret=…`), which no server log sees. The
 * server keeps one rating per dossier and limits answers per address; its refusals are shown as it
 * words them.
 */
import { Alert, Button, Container, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { dossierApi } from './api.ts';
import { RatingQuestions, emptyAnswers } from './RatingForm.tsx';

/** The citizen's page. */
export function PublicRatingPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.public.title'));
  const [params] = useSearchParams();
  const fromLink = new URLSearchParams(useLocation().hash.replace(/^#/, ''));
  const [code, setCode] = useState(fromLink.get('code') ?? params.get('code') ?? '');
  const [secret, setSecret] = useState(fromLink.get('secret') ?? '');
  const [answers, setAnswers] = useState(emptyAnswers);
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: () =>
      dossierApi.publicRating(code.trim(), secret.trim(), answers, comment.trim() || null),
  });
  const another = () => {
    send.reset();
    setCode('');
    setSecret('');
    setAnswers(emptyAnswers());
    setComment('');
  };
  return (
    <Container size="sm" py="md">
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>{t('app.fullName')}</Text>
          <LanguageSwitch />
        </Group>
        <Title order={1} size="h2">
          {t('dossiers.public.title')}
        </Title>
        <Text c="dimmed">{t('dossiers.public.intro')}</Text>
        {send.isSuccess ? (
          <Alert color="green" title={t('dossiers.public.thanks', { code: send.data.code })}>
            <Button mt="xs" variant="default" onClick={another}>
              {t('dossiers.public.another')}
            </Button>
          </Alert>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate();
            }}
          >
            <Stack>
              <TextInput
                label={t('dossiers.public.code')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                required
                autoComplete="off"
              />
              <TextInput
                label={t('dossiers.public.secret')}
                description={t('dossiers.public.secretHint')}
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                required
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
              />
              <RatingQuestions
                answers={answers}
                onChange={setAnswers}
                comment={comment}
                onComment={setComment}
              />
              <ErrorAlert error={send.error} />
              <Group>
                <Button
                  type="submit"
                  loading={send.isPending}
                  disabled={code.trim() === '' || secret.trim() === ''}
                >
                  {t('dossiers.public.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Container>
  );
}
