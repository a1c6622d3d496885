import { Pagination, type PaginationProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's pagination with every control named in the UI language ("Next page", "Page 3"). */
export function ListPagination(props: Omit<PaginationProps, 'getControlProps' | 'getItemProps'>) {
  const { t } = useTranslation();
  return (
    <Pagination
      {...props}
      getControlProps={(control) => ({ 'aria-label': t(`tasks.pagination.${control}`) })}
      getItemProps={(page) => ({ 'aria-label': t('tasks.pagination.page', { page }) })}
    />
  );
}
