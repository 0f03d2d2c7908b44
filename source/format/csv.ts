// RFC 4180 CSV, as every command writes it: CRLF line ends, fields quoted when they hold a
// quote, a comma or a line break; null is an empty field.

export function csvField(value: string | number | null): string {
	if (value === null) return '';
	const text = String(value);
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header and records as one CSV text. */
export function csvText(header: readonly string[], records: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
	return `${[header.join(','), ...records.map(r => r.map(csvField).join(','))].join('\r\n')}\r\n`;
}
