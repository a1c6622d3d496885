import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  active: boolean;
  desc: boolean;
  onSort(): void;
  children: ReactNode;
}

/** A column header that sorts; aria-sort tells screen readers which column and direction are in use. */
export function SortHeader({ active, desc, onSort, children }: Props) {
  const { t } = useTranslation();
  const Icon = !active ? IconArrowsSort : desc ? IconSortDescending : IconSortAscending;
  return (
    <Table.Th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={onSort} className="sort-button" title={t('tasks.sortBy')}>
        {children}
        <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
      </UnstyledButton>
    </Table.Th>
  );
}
