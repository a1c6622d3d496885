import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { FullPageLoader } from '../auth/guards';
import { safeNext, useAppName, useAuth, usePlatformConfig } from '../auth/PlatformProvider';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { useErrorMessage } from '../ui/errors';
import { usePageTitle } from '../ui/usePageTitle';

type Failure = { kind: 'invalid' } | { kind: 'throttled'; until: number } | { kind: 'unavailable' } | { kind: 'other'; message: string };

/** Seconds left until `until`, rounded up, never negative. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function SignInPage() {
  const { t } = useTranslation();
  const { user, ready, signIn } = useAuth();
  const config = usePlatformConfig();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), config.homePath);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const appName = useAppName();
  const title = t('signIn.title', { app: appName });
  usePageTitle(title);

  const throttledFor = failure?.kind === 'throttled' ? secondsLeft(failure.until, now) : 0;
  useEffect(() => {
    if (failure?.kind !== 'throttled') return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [failure]);

  if (!ready) {
    return <FullPageLoader />;
  }
  if (user) {
    return <Navigate to={next} replace />;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      setPassword('');
      if (err instanceof ApiError && err.code === 'invalid-credentials') {
        setFailure({ kind: 'invalid' });
      } else if (err instanceof ApiError && err.status === 429) {
        // One clock reading for both, or a millisecond between them shows 31 s for a 30 s wait.
        const at = Date.now();
        setNow(at);
        setFailure({ kind: 'throttled', until: at + (err.retryAfterSeconds ?? 60) * 1000 });
      } else if (err instanceof ApiError && err.status === 503) {
        setFailure({ kind: 'unavailable' });
      } else {
        setFailure({ kind: 'other', message: errorMessage(err) });
      }
    } finally {
      setBusy(false);
    }
  };

  let message: string | null = null;
  if (failure?.kind === 'invalid') message = t('signIn.invalid');
  else if (failure?.kind === 'throttled')
    message = throttledFor > 0 ? t('signIn.throttled', { count: throttledFor }) : t('signIn.throttledOver');
  else if (failure?.kind === 'unavailable') message = t('signIn.unavailable');
  else if (failure?.kind === 'other') message = failure.message;

  const expired = (location.state as { expired?: boolean } | null)?.expired;

  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh">
      <Group justify="flex-end" p="md">
        <LanguageMenu variant="button" />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="main" withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420}>
          <Stack gap="xs" mb="lg" align="center">
            <img src={config.logoSrc ?? '/favicon.svg'} alt="" width={48} height={48} />
            <Title order={1} size="h2" ta="center">
              {title}
            </Title>
            <Text c="dimmed" size="sm" ta="center">
              {t('signIn.subtitle')}
            </Text>
          </Stack>
          {expired && !message && (
            <Alert color="blue" mb="md" role="status">
              {t('signIn.expired')}
            </Alert>
          )}
          {message && (
            <Alert color="red" mb="md" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="sign-in-error">
              {message}
            </Alert>
          )}
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput
                label={t('signIn.username')}
                description={t('signIn.usernameHint')}
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                required
                autoFocus
              />
              <PasswordInput
                label={t('signIn.password')}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={busy} disabled={!username.trim() || !password || throttledFor > 0} fullWidth size="md">
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
