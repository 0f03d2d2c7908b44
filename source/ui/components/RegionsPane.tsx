// The Regions pane: every region, the selected one marked, its chosen year highlighted.

import React, {memo} from 'react';
import {regionsPane, type RegionsProps} from '../pane-rows.ts';
import {PaneRows} from './Pane.tsx';

export const RegionsPane = memo(function RegionsPane(props: RegionsProps) {
	return <PaneRows spec={regionsPane(props)} {...props} />;
});
