import { Alert, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

/** A list query's first load (a spinner) or its failure (an alert in the UI language); nothing once it has data. */
export function QueryState({ query }: { query: { isPending: boolean; isError: boolean; error: unknown } }) {
  const { t } = useTranslation();
  return (
    <>
      {query.isPending && <Loader aria-label={t('common.loading')} />}
      {query.isError && (
        <Alert color="red" role="alert">
          {errorMessage(query.error, t)}
        </Alert>
      )}
    </>
  );
}
