/** The fields a set is created and edited with: name, year, unit kind and survey points. */
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../lib/units.ts';
import { useLanguage } from '../../lib/use-language.ts';

type BasicsField = 'name' | 'year' | 'unitKind' | 'surveyMaxHundredths';

export interface SetBasicsValues {
  name: string;
  year: string;
  unitKind: string | null;
  survey: string;
}

interface SetBasicsFieldsProps {
  values: SetBasicsValues;
  onChange: (patch: Partial<SetBasicsValues>) => void;
  kinds: readonly UnitKind[];
  errorOf: (field: BasicsField) => string | undefined;
}

/** Name on its own line, then year, unit kind and survey points side by side. */
export function SetBasicsFields({ values, onChange, kinds, errorOf }: SetBasicsFieldsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <TextInput
        label={t('criteria.name')}
        value={values.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={errorOf('name')}
        required
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('criteria.year')}
          value={values.year}
          inputMode="numeric"
          onChange={(e) => onChange({ year: e.currentTarget.value })}
          error={errorOf('year')}
          required
        />
        <Select
          label={t('criteria.unitKind')}
          data={kinds.map((k) => ({
            value: k.code,
            label: language === 'vi' ? k.nameVi : k.nameEn,
          }))}
          value={values.unitKind}
          onChange={(unitKind) => onChange({ unitKind })}
          error={errorOf('unitKind')}
          allowDeselect={false}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('criteria.surveyMax')}
          description={t('criteria.surveyMaxHint')}
          value={values.survey}
          onChange={(e) => onChange({ survey: e.currentTarget.value })}
          error={errorOf('surveyMaxHundredths')}
        />
      </SimpleGrid>
    </>
  );
}
