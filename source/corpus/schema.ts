// The corpus file format: one zod schema, from which the TypeScript types are derived.

import {z} from 'zod';
import {currencies, figureKinds, figureRoles, figureStatuses, MAX_AMOUNT, MAX_PERCENT, regionTypes} from './vocabulary.ts';

export {currencies, figureKinds, figureRoles, figureStatuses, MAX_AMOUNT, MAX_PERCENT, regionTypes} from './vocabulary.ts';

export const SCHEMA_VERSION = 2;

const amount = z.number().finite().nonnegative().max(MAX_AMOUNT);
const signedAmount = z.number().finite().min(-MAX_AMOUNT).max(MAX_AMOUNT);
/** An index into the section's figures (checked against the section by the loader). */
const figureIndex = z.number().int().nonnegative().nullable();

export const figureSchema = z
	.object({
		text: z.string().min(1),
		value: amount,
		currency: z.enum(currencies),
		/** The value when the currency is CNY; null otherwise (no exchange rate is invented). */
		yuan: amount.nullable(),
		sentence: z.string(),
		label: z.string(),
		kind: z.enum(figureKinds),
		/** The unit of a per-unit amount, one singular word ("person", "household", "mu"); null for a total. */
		per: z.string().min(1).max(40).nullable(),
		status: z.enum(figureStatuses),
		role: z.enum(figureRoles),
		partOf: figureIndex,
		changeOf: figureIndex,
		change: z.string().nullable(),
		changePercent: z.number().finite().min(-MAX_PERCENT).max(MAX_PERCENT).nullable(),
		changeYuan: signedAmount.nullable(),
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
export type FigureKind = (typeof figureKinds)[number];
export type FigureStatus = (typeof figureStatuses)[number];
export type FigureRole = (typeof figureRoles)[number];
export type Currency = (typeof currencies)[number];
export type Section = z.infer<typeof sectionSchema>;
export type CorpusDocument = z.infer<typeof documentSchema>;
export type Corpus = z.infer<typeof corpusSchema>;
export type {RegionType} from './vocabulary.ts';
