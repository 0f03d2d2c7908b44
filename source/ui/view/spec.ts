// What a frame is made of, before it becomes cells: columns of rows of styled segments, and a
// status bar. The view builds it (frame.ts), the raster turns it into cells (raster/).

/** What the text before a report's first heading is called, wherever a heading is shown. */
export const OPENING = '(opening text)';

/** What a span of text is, which decides how it looks (theme.ts). */
export type Mark = 'money' | 'money-selected' | 'match' | 'match-current' | 'heading' | 'meta' | 'key' | 'planned' | 'bar';

export interface Segment {
	text: string;
	mark?: Mark;
}

export type Line = Segment[];

/** How a whole row, or a span, looks: any of these, combined with what the row itself has. */
export interface TextStyle {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dim?: boolean;
	underline?: boolean;
	inverse?: boolean;
}

export interface RowSpec {
	segments: Segment[];
	/** A style for the whole row (selection, status bar): its blanks are drawn in it too. */
	style?: TextStyle;
}

/** A column of the screen: exactly as many rows as it is tall. */
export interface ColumnSpec {
	width: number;
	rows: RowSpec[];
}

export type FrameSpec =
	/** One line instead of the panes (a terminal too small for them). */
	| {kind: 'notice'; width: number; height: number; text: string}
	/** Columns side by side (a separator between two), then the status bar: `height` lines in all. */
	| {kind: 'columns'; width: number; height: number; columns: ColumnSpec[]; status: RowSpec; separator: TextStyle};
