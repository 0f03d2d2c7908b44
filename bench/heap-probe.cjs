// Loaded into pa-tui by the bench (node --require, only in its memory runs): a Unix socket
// at $PA_TUI_BENCH_PROBE where each connection gets, after two full garbage collections, the
// process's memory use as JSON. The program itself is not changed; the socket does not keep it
// alive (unref). gc is made available on the first request, not at start: a V8 flag set before
// the program's code loads would make V8 refuse its code cache.

const net = require('node:net');
const v8 = require('node:v8');
const vm = require('node:vm');

let gc;
const server = net.createServer(socket => {
	socket.once('data', () => {
		if (!gc) {
			v8.setFlagsFromString('--expose-gc');
			gc = vm.runInNewContext('gc');
		}
		gc();
		gc();
		socket.end(JSON.stringify(process.memoryUsage()));
	});
});
server.listen(process.env.PA_TUI_BENCH_PROBE);
server.unref();
