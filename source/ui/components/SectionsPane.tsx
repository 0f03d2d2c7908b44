// The Sections pane: the headings of the selected report(s), under each title when a year has two.

import React, {memo} from 'react';
import {sectionsPane, type SectionsProps} from '../pane-rows.ts';
import {PaneRows} from './Pane.tsx';

export {shortTitle} from '../pane-rows.ts';

export const SectionsPane = memo(function SectionsPane(props: SectionsProps) {
	return <PaneRows spec={sectionsPane(props)} {...props} />;
});
