// A date input that reads and writes the API's 'YYYY-MM-DD' strings and accepts typed dates in that form.
import { DateInput, type DateInputProps } from '@mantine/dates';

export function DateField(props: DateInputProps) {
  return <DateInput valueFormat="YYYY-MM-DD" placeholder="YYYY-MM-DD" clearable {...props} />;
}
