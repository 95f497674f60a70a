// Shown to a signed-in user who belongs to no organization (e.g. after being removed from their last one).
import { Button, Center, Stack, Text, Title } from '@mantine/core';

export function NoOrganizationPage({ onCreate }: { onCreate: () => void }) {
  return (
    <Center py="xl">
      <Stack align="center" maw={420}>
        <Title order={3}>No organization yet</Title>
        <Text c="dimmed" ta="center">
          Create an organization to start tracking certificates, or ask a colleague to invite you to theirs.
        </Text>
        <Button onClick={onCreate}>New organization</Button>
      </Stack>
    </Center>
  );
}
