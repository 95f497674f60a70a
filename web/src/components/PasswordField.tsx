// A password input whose show/hide toggle is not itself labelled "password", so
// getByLabel('Password') (tests, and screen-reader label lists) finds exactly the input.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';

export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the characters typed' }} {...props} />;
}
