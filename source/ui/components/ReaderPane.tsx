// The reading pane: the visible window of the section's wrapped lines, with how far down it is.

import React, {memo} from 'react';
import {readerPane, type ReaderProps} from '../pane-rows.ts';
import {PaneRows} from './Pane.tsx';

export const ReaderPane = memo(function ReaderPane(props: ReaderProps) {
	return <PaneRows spec={readerPane(props)} {...props} />;
});
