// The status bar: where you are, then the key hints of the focused pane.

import React, {memo} from 'react';
import {statusRow, type StatusProps} from '../pane-rows.ts';
import {Row} from './Row.tsx';

export const StatusBar = memo(function StatusBar(props: StatusProps) {
	const row = statusRow(props);
	return <Row segments={row.segments} width={props.width} theme={props.theme} style={row.style} />;
});
