// The server's field errors, put next to the editor's inputs where there is one; the rest go into a notification.
// Server paths name the request body, e.g. definition.coverages.0.limits.each_occurrence.
import { notifications } from '@mantine/notifications';
import { ApiError, errorMessage } from '../../api/client';
import type { FieldError } from '../../api/types';
import type { RequirementFormValues } from './requirementForm';

const flags = new Set(['additionalInsured', 'subrogationWaived', 'primaryNonContributory']);

/** The editor's path for a server field, or null when no input on screen shows it. */
export function formPathOf(field: string, values: RequirementFormValues): string | null {
  if (field === 'name' || field === 'definition.name') return 'name';
  if (field === 'description') return 'description';
  if (field === 'definition.expiringWithinDays') return 'expiringWithinDays';
  if (field === 'definition.certificateHolder' || field === 'definition.certificateHolder.name') return 'holderName';
  const match = /^definition\.coverages\.(\d+)(?:\.(.+))?$/.exec(field);
  const entry = match ? values.coverages[Number(match[1])] : undefined;
  if (!match || !entry) return null;
  const card = `coverages.${match[1]}`;
  const rest = match[2];
  if (rest === undefined || rest === 'coverage' || rest === 'limits' || (rest && flags.has(rest))) {
    return rest === undefined ? card : `${card}.${rest}`;
  }
  if (rest === 'description') return entry.coverage === 'other' ? `${card}.description` : card;
  const limit = /^limits\.(.+)$/.exec(rest);
  if (limit?.[1] !== undefined && limit[1] in entry.limits) return `${card}.limits.${limit[1]}`;
  // other keys of the entry (basis, aggregateAppliesPer, …) have no input: the card shows them
  return card;
}

interface FormWithErrors {
  values: RequirementFormValues;
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * Shows a failed save: field errors on their inputs (when the form tab is open) and a notification
 * listing whatever could not be placed, or the whole message when nothing could.
 */
export function showRequirementSetError(form: FormWithErrors, error: unknown, formVisible: boolean) {
  const fields: FieldError[] = error instanceof ApiError ? error.fields : [];
  const placed: Record<string, string> = {};
  const unplaced: FieldError[] = [];
  for (const item of fields) {
    const path = formPathOf(item.field, form.values);
    if (!path) {
      unplaced.push(item);
      continue;
    }
    // an error shown on the coverage card rather than on its own input says which key it is about
    const own = `definition.${path}` === item.field || path === item.field || path === 'name' || path === 'holderName';
    const text = own ? item.message : `${item.field.replace(/^definition\./, '')}: ${item.message}`;
    placed[path] = placed[path] ? `${placed[path]}; ${text}` : text;
  }
  form.setErrors(placed);
  const shown = Object.keys(placed).length > 0 && formVisible;
  const message =
    fields.length === 0
      ? errorMessage(error)
      : !shown
        ? fields.map((f) => `${f.field}: ${f.message}`).join('; ')
        : unplaced.length > 0
          ? `${unplaced.map((f) => `${f.field}: ${f.message}`).join('; ')} (other problems are marked on the form)`
          : 'Check the fields marked in red.';
  notifications.show({ color: 'red', title: 'Could not save', message });
}
