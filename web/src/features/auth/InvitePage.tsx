// Accepting an invitation from its link (/invite/:token). A signed-in user joins with one click;
// a new person sets their name and password here.
import { Alert, Anchor, Button, Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useParams } from 'react-router';
import { useAcceptInvitation, useInvitationPreview, useLogout } from '../../api/auth';
import { ApiError } from '../../api/client';
import type { InvitationPreview } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { showFormError } from '../../lib/errors';
import { withArticle } from '../../lib/format';
import { AuthLayout } from './AuthLayout';
import { useSession } from './session';
import { MIN_PASSWORD_LENGTH } from './SignupPage';

export function InvitePage() {
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);

  if (preview.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading invitation" />
      </Center>
    );
  }
  if (preview.isError) {
    return (
      <AuthLayout title="Invitation">
        <ErrorAlert error={preview.error} title="This invitation cannot be used" />
        <Anchor component={Link} to="/login" size="sm" mt="md" display="block">
          Go to log in
        </Anchor>
      </AuthLayout>
    );
  }
  return <InvitationAcceptance token={token} invitation={preview.data} />;
}

function InvitationAcceptance({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { session, selectOrganization } = useSession();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const logout = useLogout();
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter your name'),
      password: (v) => (v.length >= MIN_PASSWORD_LENGTH ? null : `Use at least ${MIN_PASSWORD_LENGTH} characters`),
    },
  });

  const subtitle = (
    <>
      You are invited to join <b>{invitation.organizationName}</b> as {withArticle(invitation.role)} ({invitation.email}).
    </>
  );

  if (invitation.expired) {
    return (
      <AuthLayout title="Invitation expired" subtitle={subtitle}>
        <Alert color="yellow">Ask the person who invited you to send a new invitation.</Alert>
      </AuthLayout>
    );
  }

  const onAccepted = (organizations: { id: string; name: string }[]) => {
    // land in the organization that was just joined
    const joined = organizations.find((o) => o.name === invitation.organizationName);
    if (joined) selectOrganization(joined.id);
    navigate('/', { replace: true });
  };

  if (session) {
    return (
      <AuthLayout title="Join organization" subtitle={subtitle}>
        <Stack>
          <Text size="sm">
            You are signed in as {session.user.email}.
          </Text>
          {accept.error && <ErrorAlert error={accept.error} title="Could not join" />}
          <Button
            loading={accept.isPending}
            data-testid="invite-accept"
            onClick={() =>
              accept.mutate({}, { onSuccess: (s) => onAccepted(s.organizations) })
            }
          >
            Join {invitation.organizationName}
          </Button>
          <Button variant="subtle" loading={logout.isPending} onClick={() => logout.mutate()}>
            Not you? Log out
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  const submit = form.onSubmit((values) =>
    accept.mutate(
      { name: values.name.trim(), password: values.password },
      {
        onSuccess: (s) => onAccepted(s.organizations),
        // field messages go on the fields; the rest stays in the alert above the button
        onError: (e) => (e instanceof ApiError && e.fields.length > 0 ? showFormError(form, e) : undefined),
      },
    ),
  );

  return (
    <AuthLayout title="Join organization" subtitle={subtitle}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Email" value={invitation.email} readOnly />
          <TextInput label="Your name" autoComplete="name" {...form.getInputProps('name')} />
          <PasswordField
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters`}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          {/* kept on screen: e.g. "an account for this email exists: log in, then open the link again" */}
          {accept.error && <ErrorAlert error={accept.error} title="Could not join" />}
          <Button type="submit" loading={accept.isPending} data-testid="invite-accept">
            Create account and join
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
              Log in to accept
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
