// The root component: lays the panes out for the terminal size and renders what the explorer
// hook computed. No state and no key handling here.

import React, {useMemo} from 'react';
import {Box, Text, useApp} from 'ink';
import type {Model} from '../corpus/model.ts';
import {createSearchIndex, type SearchIndex} from '../search/index.ts';
import {useExplorer} from './hooks/use-explorer.ts';
import {useTerminalSize, type Size} from './hooks/use-size.ts';
import {tooSmallNotice} from './layout.ts';
import {theme as makeTheme} from './theme.ts';
import {RegionsPane} from './components/RegionsPane.tsx';
import {SectionsPane, shortTitle} from './components/SectionsPane.tsx';
import {ReaderPane} from './components/ReaderPane.tsx';
import {FundsPane} from './components/FundsPane.tsx';
import {StatusBar} from './components/StatusBar.tsx';
import {HelpOverlay} from './components/HelpOverlay.tsx';
import {SearchOverlay} from './components/SearchOverlay.tsx';
import {Separator} from './components/Pane.tsx';
import {sectionsTitle, whereText} from './pane-rows.ts';

export interface AppProps {
	model: Model;
	color: boolean;
	/** A fixed size (tests); otherwise the terminal's, followed on resize. */
	size?: Size;
	index?: SearchIndex;
	/** Called on q / Ctrl-C; by default the app exits. */
	onQuit?: () => void;
}

export function App({model, color, size: fixed, index: given, onQuit}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixed);
	const index = useMemo(() => given ?? createSearchIndex(model), [given, model]);
	const theme = useMemo(() => makeTheme(color), [color]);
	const x = useExplorer(model, index, size, onQuit ?? (() => exit()));
	const {layout} = x;

	if (layout.tooSmall) {
		return <Text wrap="truncate-end">{tooSmallNotice(size.columns)}</Text>;
	}

	const paneHeight = layout.bodyHeight;
	const section = x.section;
	const where = whereText(x.regions.region.name, x.regions.year, section?.heading);

	let body: React.ReactNode;
	if (x.help) {
		body = <HelpOverlay offset={x.help.offset} width={layout.columns} height={layout.height - 1} theme={theme} />;
	} else if (x.search.open) {
		body = (
			<SearchOverlay
				query={x.search.query}
				scope={x.search.scope}
				results={x.search.results}
				cursor={x.search.list.cursor}
				offset={x.search.list.offset}
				width={layout.columns}
				height={layout.height - 1}
				theme={theme}
			/>
		);
	} else {
		const panes: React.ReactNode[] = [];
		const separator = (key: string) => <Separator key={key} height={paneHeight + 1} />;
		if (layout.regions) {
			panes.push(
				<RegionsPane
					key="regions"
					regions={model.regions}
					cursor={x.regions.list.cursor}
					offset={x.regions.list.offset}
					year={x.regions.year}
					focused={x.focus === 'regions'}
					width={layout.regions.width}
					height={paneHeight}
					theme={theme}
				/>,
			);
		}
		if (layout.sections) {
			if (panes.length > 0) panes.push(separator('s1'));
			panes.push(
				<SectionsPane
					key="sections"
					title={sectionsTitle(x.regions.region, x.regions.year)}
					rows={x.sections.rows}
					cursor={x.sections.list.cursor}
					offset={x.sections.list.offset}
					focused={x.focus === 'sections'}
					width={layout.sections.width}
					height={paneHeight}
					theme={theme}
				/>,
			);
		}
		if (layout.main) {
			if (panes.length > 0) panes.push(separator('s2'));
			panes.push(
				x.funds.open ? (
					<FundsPane
						key="funds"
						report={x.regions.documents.length > 1 && section ? shortTitle(section.document.title) : undefined}
						rows={x.funds.rows}
						sort={x.funds.sort}
						cursor={x.funds.list.cursor}
						offset={x.funds.list.offset}
						focused={x.focus === 'main'}
						width={layout.main.width}
						height={paneHeight}
						theme={theme}
					/>
				) : (
					<ReaderPane
						key="reader"
						title={x.reader.marks.query !== undefined ? `Text · n/N: match ${(x.reader.marks.currentMatch ?? 0) + 1} of ${x.reader.view.matchLines.length}` : 'Text'}
						lines={x.reader.view.lines}
						offset={x.reader.offset}
						focused={x.focus === 'main'}
						width={layout.main.width}
						height={paneHeight}
						theme={theme}
					/>
				),
			);
		}
		body = <Box flexDirection="row">{panes}</Box>;
	}

	return (
		<Box flexDirection="column" width={layout.columns} height={layout.height}>
			{body}
			<StatusBar where={where} position={x.position} scopes={x.help ? ['help'] : x.search.open ? ['search'] : x.scopes} width={layout.columns} theme={theme} />
		</Box>
	);
}
