/**
 * A `datetime-local` value (`2026-12-05T10:30`) as the appointment to send: the wall time exactly as
 * entered, without any time-zone conversion (the server reads it as the office's time, Europe/Berlin,
 * and prints it as given, so a browser in another zone never shifts it); undefined when empty or invalid.
 */
export function appointmentAtOf(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  const same =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi;
  return same ? value : undefined;
}

/**
 * The placeholders a letter lacks (`missingValues`, e.g. `appointmentDate`) as labels for the
 * counsellor ("Datum des Termins"), via `selfService.letters.placeholders.<name>`; an unknown name
 * stays as it is.
 */
export function missingValueLabels(
  names: readonly string[],
  t: (key: string, opts: { defaultValue: string }) => string,
): string {
  return names
    .map((name) => t(`selfService.letters.placeholders.${name}`, { defaultValue: name }))
    .join(', ');
}
