// An RFC 4180 reader for tests of CSV output: it checks the record ends and quoting as it reads.

import assert from 'node:assert/strict';

/** RFC 4180 parser: records of fields; checks CRLF record ends and proper quoting. */
export function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		if (c === '"' && field === '') {
			i++;
			for (;;) {
				assert.ok(i < text.length, 'unterminated quoted field');
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i += 2;
					} else {
						i++;
						break;
					}
				} else field += text[i++];
			}
			assert.ok(
				i === text.length || text[i] === ',' || text.startsWith('\r\n', i),
				`after a quoted field: ${JSON.stringify(text.slice(i, i + 10))}`,
			);
		} else if (c === ',') {
			record.push(field);
			field = '';
			i++;
		} else if (text.startsWith('\r\n', i)) {
			record.push(field);
			records.push(record);
			field = '';
			record = [];
			i += 2;
		} else {
			assert.ok(c !== '"' && c !== '\n' && c !== '\r', `a bare ${JSON.stringify(c)} in an unquoted field at ${i}`);
			field += c;
			i++;
		}
	}
	assert.equal(field, '', 'the last record ends with CRLF');
	assert.equal(record.length, 0);
	return records;
}
