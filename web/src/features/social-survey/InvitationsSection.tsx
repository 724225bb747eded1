/**
 * Personal single-use links: created from the rating rules (each respondent rates the units the
 * rules give, never their own) and shown once, since only their hashes are kept: a table with a
 * copy button per link, a CSV file of them, and a printable page of QR slips (one per link).
 */
import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard.tsx';
import { surveyApi, type InvitationLink, type Survey } from './api.ts';
import { useSurveyMutation } from './hooks.ts';
import { ResponsiveTable } from './shared.tsx';
import { toCsv } from './table.ts';

/** The address a link opens: the light public page of the survey. */
export const linkUrl = (token: string) => `${window.location.origin}/dieu-tra/${token}`;

function download(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function InvitationsSection({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const id = survey.campaignId;
  const [links, setLinks] = useState<InvitationLink[] | null>(null);
  const [slips, setSlips] = useState(false);
  const [sendEmail, setSendEmail] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [mailed, setMailed] = useState<{ emailed: number; withoutEmail: number } | null>(null);
  const [confirmRemind, setConfirmRemind] = useState(false);
  const invite = useSurveyMutation(id, () =>
    surveyApi.invite(id, sendEmail ? { deadline: deadline || undefined } : undefined),
  );
  const remind = useSurveyMutation(id, () => surveyApi.remind(id, deadline || undefined));
  const shown = links !== null && links.length > 0;

  const csv = () =>
    download(
      `duong-dan-dieu-tra-${id}.csv`,
      toCsv([
        [
          t('socialSurvey.invitations.csv.code'),
          t('socialSurvey.invitations.csv.name'),
          t('socialSurvey.invitations.csv.unitCode'),
          t('socialSurvey.invitations.csv.unit'),
          t('socialSurvey.invitations.csv.link'),
        ],
        ...(links ?? []).map((l) => [
          l.respondentCode,
          l.fullName,
          l.unitCode,
          l.unitName,
          linkUrl(l.token),
        ]),
      ]),
      'text/csv;charset=utf-8',
    );

  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="invitations-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="invitations-title">
            {t('socialSurvey.invitations.title')}
          </Title>
          <Text size="sm">{t('socialSurvey.invitations.intro')}</Text>
          {survey.status !== 'open' ? (
            <Alert color="gray" variant="light">
              {t(
                `socialSurvey.invitations.notOpen.${survey.status === 'draft' ? 'draft' : 'closed'}`,
              )}
            </Alert>
          ) : (
            <>
              <Checkbox
                label={t('socialSurvey.invitations.sendEmail')}
                description={t('socialSurvey.invitations.sendEmailHint')}
                checked={sendEmail}
                onChange={(e) => setSendEmail(e.currentTarget.checked)}
              />
              <DateField
                label={t('socialSurvey.invitations.deadline')}
                description={t('socialSurvey.invitations.deadlineHint')}
                value={deadline}
                onChange={setDeadline}
                w={{ base: '100%', sm: 240 }}
              />
              <Group>
                <Button
                  loading={invite.isPending}
                  onClick={() => {
                    setMailed(null);
                    remind.reset();
                    invite.mutate(undefined, {
                      onSuccess: (r) => {
                        setLinks(r.links);
                        setSlips(false);
                        setMailed(
                          r.emailed === undefined
                            ? null
                            : { emailed: r.emailed, withoutEmail: r.withoutEmail ?? 0 },
                        );
                      },
                    });
                  }}
                >
                  {t('socialSurvey.invitations.create')}
                </Button>
                <Button
                  variant="default"
                  loading={remind.isPending}
                  onClick={() => {
                    invite.reset();
                    setMailed(null);
                    remind.reset();
                    setConfirmRemind(true);
                  }}
                >
                  {t('socialSurvey.invitations.remind')}
                </Button>
              </Group>
            </>
          )}
          <ErrorAlert error={invite.error} />
          <ErrorAlert error={remind.error} />
          {mailed ? (
            <Alert color="green" variant="light" role="status">
              {t('socialSurvey.invitations.mailed', mailed)}
            </Alert>
          ) : null}
          {remind.data ? (
            <Alert color="green" variant="light" role="status">
              {t('socialSurvey.invitations.reminded', remind.data)}
            </Alert>
          ) : null}
          {links !== null && links.length === 0 ? (
            <Alert color="gray" variant="light" role="status">
              {t('socialSurvey.invitations.noneNew')}
            </Alert>
          ) : null}
        </Stack>
      </Paper>
      {shown ? (
        <Paper withBorder p="md" component="section" aria-labelledby="links-title">
          <Stack gap="sm">
            <Title order={3} size="h4" id="links-title">
              {t('socialSurvey.invitations.created', { count: links.length })}
            </Title>
            <Alert
              color="orange"
              variant="light"
              role="alert"
              title={t('socialSurvey.invitations.onceTitle')}
            >
              {t('socialSurvey.invitations.once')}
            </Alert>
            <Group>
              <Button variant="default" onClick={csv}>
                {t('socialSurvey.invitations.downloadCsv')}
              </Button>
              <Button variant="default" onClick={() => setSlips((s) => !s)} aria-expanded={slips}>
                {slips
                  ? t('socialSurvey.invitations.hideSlips')
                  : t('socialSurvey.invitations.showSlips')}
              </Button>
            </Group>
            <ResponsiveTable
              label={t('socialSurvey.invitations.table')}
              rows={links}
              rowKey={(l) => l.token}
              minWidth={760}
              columns={[
                {
                  key: 'who',
                  label: t('socialSurvey.invitations.respondent'),
                  render: (l) => `${l.fullName} (${l.respondentCode})`,
                  title: true,
                },
                {
                  key: 'unit',
                  label: t('socialSurvey.invitations.unit'),
                  render: (l) => l.unitName,
                },
                {
                  key: 'link',
                  label: t('socialSurvey.invitations.link'),
                  render: (l) => (
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Text size="xs" style={{ wordBreak: 'break-all' }} ff="monospace">
                        {linkUrl(l.token)}
                      </Text>
                      <CopyButton value={linkUrl(l.token)}>
                        {({ copied, copy }) => (
                          <Button
                            size="compact-xs"
                            variant={copied ? 'filled' : 'light'}
                            onClick={copy}
                            aria-label={t('socialSurvey.invitations.copyOf', {
                              name: l.fullName,
                              unit: l.unitName,
                            })}
                          >
                            {copied ? t('common.copied') : t('common.copy')}
                          </Button>
                        )}
                      </CopyButton>
                    </Group>
                  ),
                },
              ]}
            />
          </Stack>
        </Paper>
      ) : null}
      {shown && slips ? <QrSlips links={links} /> : null}
      <ConfirmDialog
        opened={confirmRemind}
        title={t('socialSurvey.invitations.remindConfirm.title')}
        message={t('socialSurvey.invitations.remindConfirm.message')}
        confirmLabel={t('socialSurvey.invitations.remind')}
        color="blue"
        loading={remind.isPending}
        onClose={() => setConfirmRemind(false)}
        onConfirm={() => remind.mutate(undefined, { onSettled: () => setConfirmRemind(false) })}
      />
      <UnsavedChangesGuard
        dirty={shown}
        title={t('socialSurvey.invitations.leaveTitle')}
        message={t('socialSurvey.invitations.leave')}
        confirmLabel={t('socialSurvey.invitations.leaveConfirm')}
      />
    </Stack>
  );
}

/** One slip per link, to cut out: respondent, unit, QR code of the full address, instructions. */
function QrSlips({ links }: { links: InvitationLink[] }) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(
      links.map((l) =>
        QRCode.toString(linkUrl(l.token), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      ),
    ).then((svgs) => live && setCodes(svgs));
    return () => {
      live = false;
    };
  }, [links]);
  const print = () => {
    document.body.classList.add('ss-printing');
    const done = () => {
      document.body.classList.remove('ss-printing');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="slips-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="slips-title">
            {t('socialSurvey.slips.title')}
          </Title>
          <Button onClick={print} disabled={!codes}>
            {t('socialSurvey.slips.print')}
          </Button>
        </Group>
        <Text size="sm">{t('socialSurvey.slips.intro')}</Text>
        <ul className="ss-slips" aria-label={t('socialSurvey.slips.title')}>
          {links.map((l, i) => (
            <li key={l.token} className="ss-slip">
              <Text fw={700} size="sm">
                {t('socialSurvey.slips.heading')}
              </Text>
              <Text size="sm">{t('socialSurvey.slips.to', { name: l.fullName })}</Text>
              <Text size="sm">{t('socialSurvey.slips.unit', { unit: l.unitName })}</Text>
              {codes?.[i] ? (
                <Image
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(codes[i])}`}
                  w={150}
                  h={150}
                  alt={t('socialSurvey.slips.qr', { url: linkUrl(l.token) })}
                />
              ) : null}
              <Text size="xs">{t('socialSurvey.slips.how')}</Text>
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {linkUrl(l.token)}
              </Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Paper>
  );
}
