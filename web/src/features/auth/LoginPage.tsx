// Log in with email and password.
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin } from '../../api/auth';
import { ApiError, errorMessage } from '../../api/client';
import { PasswordField } from '../../components/PasswordField';
import { showFormError } from '../../lib/errors';
import { AuthLayout } from './AuthLayout';
import { nextPath } from './RequireAuth';
import { useSession } from './session';

export function LoginPage() {
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : 'Enter your email address'),
      password: (v) => (v ? null : 'Enter your password'),
    },
  });

  if (session) return <Navigate to={nextPath(location.search)} replace />;

  const submit = form.onSubmit((values) =>
    login.mutate(values, {
      onSuccess: () => navigate(nextPath(location.search), { replace: true }),
      // a wrong password is shown on the form, not as a toast
      onError: (err) => (err instanceof ApiError && err.status === 401 ? undefined : showFormError(form, err)),
    }),
  );

  const badCredentials = login.error instanceof ApiError && login.error.status === 401;

  return (
    <AuthLayout title="Log in">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Email" type="email" autoComplete="email" data-testid="login-email" {...form.getInputProps('email')} />
          <PasswordField
            label="Password"
            autoComplete="current-password"
            data-testid="login-password"
            {...form.getInputProps('password')}
          />
          {badCredentials && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(login.error)}
            </Text>
          )}
          <Button type="submit" loading={login.isPending} data-testid="login-submit">
            Log in
          </Button>
          <Text size="sm" ta="center">
            New to coi-tracker?{' '}
            <Anchor component={Link} to={`/signup${location.search}`}>
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
