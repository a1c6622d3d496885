import { DatePickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

interface Props {
  from: string | null;
  to: string | null;
  /** Called with both days or with neither: a half-chosen range is not a filter yet. */
  onChange(from: string | null, to: string | null): void;
}

/** A calendar-day range filter (`YYYY-MM-DD` days, as the URL keeps them). */
export function DayRangeInput({ from, to, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <DatePickerInput
      type="range"
      label={t('tasks.filterDates')}
      placeholder={t('tasks.filterDatesPlaceholder')}
      value={[from, to]}
      onChange={([start, end]) => {
        if ((start && end) || (!start && !end)) onChange(start ?? null, end ?? null);
      }}
      clearable
      allowSingleDateInRange
      valueFormat="YYYY-MM-DD"
      w={{ base: '100%', xs: 260 }}
    />
  );
}
