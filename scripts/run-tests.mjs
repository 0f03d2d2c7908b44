// Run every test file under test/ with node's test runner (TypeScript through tsx).

import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';

const files = readdirSync('test')
	.filter(name => /\.test\.tsx?$/.test(name))
	.sort()
	.map(name => `test/${name}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files], {
	stdio: 'inherit',
});
process.exit(result.status ?? 1);
