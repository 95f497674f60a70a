// The Mantine theme: mostly defaults, with tables and inputs tuned for dense back-office lists.
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
    TextInput: { defaultProps: { size: 'sm' } },
  },
});
