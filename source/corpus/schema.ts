// The corpus file format: one zod schema, from which the TypeScript types are derived.

import {z} from 'zod';

export const SCHEMA_VERSION = 1;

export const regionTypes = ['province', 'autonomous region', 'municipality', 'corps'] as const;

export const figureSchema = z
	.object({
		text: z.string().min(1),
		yuan: z.number().finite().nonnegative(),
		sentence: z.string(),
		label: z.string(),
		change: z.string().nullable(),
	})
	.strict();

export const sectionSchema = z
	.object({
		id: z.string().min(1),
		heading: z.string(),
		paragraphs: z.array(z.string()),
		figures: z.array(figureSchema),
	})
	.strict();

export const documentSchema = z
	.object({
		id: z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case slug'),
		region: z.string().min(1),
		placeName: z.string().min(1),
		regionType: z.enum(regionTypes),
		year: z.number().int().min(1900).max(2100),
		title: z.string().min(1),
		source: z.string(),
		attribution: z.string().nullable(),
		sections: z.array(sectionSchema),
	})
	.strict();

export const corpusSchema = z
	.object({
		schemaVersion: z.literal(SCHEMA_VERSION),
		documents: z.array(documentSchema),
	})
	.strict();

export type Figure = z.infer<typeof figureSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type CorpusDocument = z.infer<typeof documentSchema>;
export type Corpus = z.infer<typeof corpusSchema>;
export type RegionType = (typeof regionTypes)[number];
