// The terminal size, kept in state and updated on 'resize' (Ink 6.8 has no hook for it).

import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface Size {
	columns: number;
	rows: number;
}

export function useTerminalSize(fixed?: Size): Size {
	const {stdout} = useStdout();
	const read = (): Size => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState<Size>(fixed ?? read());
	useEffect(() => {
		if (fixed) return;
		const onResize = () => setSize({columns: stdout.columns || 80, rows: stdout.rows || 24});
		stdout.on('resize', onResize);
		// A resize between the first render and this subscription would otherwise go unseen.
		onResize();
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed]);
	return fixed ?? size;
}
