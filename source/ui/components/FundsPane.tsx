import React, {memo} from 'react';
import {MONEY_UNIT} from '../../format/money.ts';
import {fundsColumns, fundsHeader, fundsLine, type FundsRow} from '../model-view.ts';
import {visibleSlice} from '../window.ts';
import type {Theme} from '../theme.ts';
import {Pane} from './Pane.tsx';
import {Row, plain} from './Row.tsx';

interface Props {
	/** The report's title, when its year has more than one report. */
	report?: string;
	rows: FundsRow[];
	sort: 'order' | 'amount';
	cursor: number;
	offset: number;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
}

export const FundsPane = memo(function FundsPane({report, rows, sort, cursor, offset, focused, width, height, theme}: Props) {
	const columns = fundsColumns(rows, width);
	const {start, rows: visible} = visibleSlice(rows, offset, height - 1);
	const title = `Funds · by ${sort === 'amount' ? 'amount' : 'order'} · ${rows.length} figures in ${MONEY_UNIT}${report ? ` · ${report}` : ''}`;
	return (
		<Pane title={title} focused={focused} width={width} height={height} theme={theme}>
			{[
				<Row key="header" segments={[{text: fundsHeader(columns), mark: 'heading'}]} width={width} theme={theme} />,
				...(rows.length === 0 ? [<Row key="none" segments={plain('  No money figures in this report.')} width={width} theme={theme} />] : []),
				...visible.map((row, i) => {
					const selected = start + i === cursor;
					return (
						<Row
							key={`${row.document.id}-${row.order}`}
							segments={[{text: selected ? '› ' : '  '}, {text: fundsLine(row, columns)}]}
							width={width}
							theme={theme}
							style={selected ? (focused ? theme.selected : theme.selectedIdle) : undefined}
						/>
					);
				}),
			]}
		</Pane>
	);
});
