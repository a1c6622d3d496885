import { Skeleton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '@toolocr/platform-web';
import { useEffect, useMemo, type ImgHTMLAttributes } from 'react';

/**
 * An image from the API. An <img src> cannot carry the bearer token (and the token must never be in
 * a URL), so the bytes are fetched with it and shown through an object URL, revoked when unused.
 */
export function AuthImage({ path, alt, ...rest }: { path: string; alt: string } & Omit<ImgHTMLAttributes<HTMLImageElement>, 'src'>) {
  const api = useApi();
  const blob = useQuery({
    queryKey: ['blob', path],
    queryFn: async ({ signal }) => (await api.fetch(path, { signal, headers: { Accept: 'image/*' } })).blob(),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
  });
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url) {
    return <Skeleton width={rest.width ?? 160} height={rest.height ?? 120} aria-hidden={!blob.error} />;
  }
  return <img src={url} alt={alt} {...rest} />;
}
