// A button that asks "are you sure?" in a modal before doing something that cannot be undone.
import { useState, type ReactNode } from 'react';
import { ActionIcon, Button, Group, Modal, Text, Tooltip, type ButtonProps } from '@mantine/core';

interface ConfirmActionProps {
  /** Text of the trigger button, or its tooltip when `icon` is given. */
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown> | void;
  icon?: ReactNode;
  buttonProps?: ButtonProps;
  disabled?: boolean;
}

export function ConfirmAction({
  label,
  title,
  message,
  confirmLabel = label,
  onConfirm,
  icon,
  buttonProps,
  disabled,
}: ConfirmActionProps) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpened(false);
    } catch {
      // the caller reports the error; keep the dialog open so the person can retry or cancel
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {icon ? (
        <Tooltip label={label}>
          <ActionIcon variant="subtle" color="red" aria-label={label} onClick={() => setOpened(true)} disabled={disabled}>
            {icon}
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button color="red" variant="light" onClick={() => setOpened(true)} disabled={disabled} {...buttonProps}>
          {label}
        </Button>
      )}
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOpened(false)}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
