// Showing API errors to people: a notification with the server's message, and field errors on the form.
import { notifications } from '@mantine/notifications';
import { ApiError, errorMessage } from '../api/client';

export function notifyError(error: unknown, title = 'Could not save') {
  notifications.show({ color: 'red', title, message: errorMessage(error) });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message });
}

/**
 * Reports how an action ended: a success notification, or the error's. The error is rethrown, so that a confirm
 * dialog awaiting the action stays open.
 */
export function notifyOutcome<T>(action: Promise<T>, success: string, failureTitle: string): Promise<T> {
  return action.then(
    (value) => {
      notifySuccess(success);
      return value;
    },
    (err: unknown) => {
      notifyError(err, failureTitle);
      throw err;
    },
  );
}

interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Puts the server's per-field messages on the matching form fields. `aliases` maps a server field
 * path to the form's path where they differ (e.g. address.lines.0 -> address.line1).
 * Always shows a notification too, since some fields may have no input on screen.
 */
export function showFormError(
  form: FormWithErrors,
  error: unknown,
  aliases: Record<string, string> = {},
  title = 'Could not save',
) {
  if (error instanceof ApiError && error.fields.length > 0) {
    const errors: Record<string, string> = {};
    for (const { field, message } of error.fields) {
      errors[aliases[field] ?? addressAlias(field)] = message;
    }
    form.setErrors(errors);
  }
  notifyError(error, title);
}

// address forms edit lines as line1/line2; the API names them lines.0/lines.1 (or lines[0])
function addressAlias(field: string): string {
  return field.replace(/lines(?:\.|\[)(\d)\]?/, (_, index: string) => `line${Number(index) + 1}`);
}
