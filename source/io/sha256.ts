// SHA-256 of bytes, with node:crypto loaded on first use: loading it takes ~3 ms (it brings
// Node's streams), more than most commands spend on anything else, and most starts never hash.

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

export function sha256(...parts: Uint8Array[]): string {
	// Node 20.16 and later; before, the require both bundles have in scope (the ES module one's banner).
	crypto ??= process.getBuiltinModule?.('node:crypto') ?? (require('node:crypto') as Crypto);
	const hash = crypto.createHash('sha256');
	for (const part of parts) hash.update(part);
	return hash.digest('hex');
}
