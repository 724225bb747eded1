/** The rule syntax explained (the domain's own help text), in a drawer next to the rule fields. */
import { Button, Drawer, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { RULE_SYNTAX_HELP } from '@domain/scoring/rule-text.ts';
import { useIsMobile } from '../../lib/use-is-mobile.ts';
import { useLanguage } from '../../lib/use-language.ts';

/** A button that opens the rule syntax help. */
export function RuleHelpButton({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mobile = useIsMobile();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="subtle" size={size} onClick={open} aria-haspopup="dialog">
        {t('criteria.ruleHelp')}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size={mobile ? '100%' : 'lg'}
        title={t('criteria.ruleHelpTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {language !== 'vi' ? (
          <Text size="sm" c="dimmed" mb="sm">
            {t('criteria.ruleHelpVietnameseOnly')}
          </Text>
        ) : null}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang="vi">
          {RULE_SYNTAX_HELP}
        </Text>
      </Drawer>
    </>
  );
}
