// Create an account together with its first organization.
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useSignup } from '../../api/auth';
import { PasswordField } from '../../components/PasswordField';
import { showFormError } from '../../lib/errors';
import { AuthLayout } from './AuthLayout';
import { nextPath } from './RequireAuth';
import { useSession } from './session';

export const MIN_PASSWORD_LENGTH = 10;

export function SignupPage() {
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const signup = useSignup();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', organizationName: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      email: (v) => (/^\S+@\S+$/.test(v) ? null : 'Enter a valid email address'),
      password: (v) => (v.length >= MIN_PASSWORD_LENGTH ? null : `Use at least ${MIN_PASSWORD_LENGTH} characters`),
      organizationName: (v) => (v.trim() ? null : 'Name your organization'),
    },
  });

  if (session) return <Navigate to={nextPath(location.search)} replace />;

  const submit = form.onSubmit((values) =>
    signup.mutate(
      { ...values, name: values.name.trim(), organizationName: values.organizationName.trim() },
      {
        onSuccess: () => navigate('/', { replace: true }),
        onError: (err) => showFormError(form, err, {}, 'Could not create the account'),
      },
    ),
  );

  return (
    <AuthLayout title="Create your account" subtitle="Start tracking certificates of insurance for your organization.">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Your name" autoComplete="name" data-testid="signup-name" {...form.getInputProps('name')} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            data-testid="signup-email"
            {...form.getInputProps('email')}
          />
          <PasswordField
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters`}
            autoComplete="new-password"
            data-testid="signup-password"
            {...form.getInputProps('password')}
          />
          <TextInput
            label="Organization name"
            description="Your company; you can invite colleagues later."
            autoComplete="organization"
            data-testid="signup-organization"
            {...form.getInputProps('organizationName')}
          />
          <Button type="submit" loading={signup.isPending} data-testid="signup-submit">
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to="/login">
              Log in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
