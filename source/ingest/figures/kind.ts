// What kind of money an amount is (README, "How figures are read"): read from the head noun of
// its label and its qualifiers, then from the verb that moves the money.

import type {FigureKind} from '../../corpus/schema.ts';
import type {Amount} from './amounts.ts';
import {cleanWord, words} from './phrases.ts';

const THRESHOLD = /\b(?:poverty\s+lines?|lines?|standards?|thresholds?|criteri(?:a|on)|minimum\s+living|benchmarks?|quotas?)\b/i;
/** "low-income" describes people, it is not an income. */
const INCOME = /(?<![\w-])(?:income|incomes|earnings|wages?|salar(?:y|ies)|pay)\b/i;
/** Income of a government or a firm is a measure of the economy, not what people earn. */
const ECONOMY_INCOME =
	/\b(?:fiscal|financial|budget(?:ary)?|tax|sales|business|operating|enterprises?|companies|company|industrial|tourism|government)\s+(?:\S+\s+)?(?:income|revenues?)\b/i;
const ECONOMY =
	/\b(?:gdp|gross\s+domestic\s+product|output|outputs|added\s+value|value[\s-]added|revenues?|sales|turnover|profits?|taxes|tax|economic\s+(?:benefits?|aggregate|volume)|aggregate|retail|gross\s+value|total\s+value)\b/i;
const LOAN = /\b(?:loans?|credits?|microcredits?|micro-credits?|lending|mortgages?|borrowings?)\b/i;
/** Money that pays for a loan rather than being one: "loan discount fund", "interest subsidies". */
const PAYS_FOR_LOAN = /\b(?:discounts?|interest|subsid(?:y|ies)|guarantee|risk|reward)\b/i;
const FUNDS =
	/\b(?:funds?|funding|investments?|capital|subsid(?:y|ies)|grants?|donations?|donated|aid|aids|relief|allowances?|awards?|rewards?|bonus(?:es)?|compensations?|payments?|money|support|input|expenditures?|spending|appropriations?|allocations?|contributions?|assistance|cash|transfers?|bonds?|lottery|charity)\b/i;
const OTHER = /\b(?:prices?|costs?|losses|loss|damages?|savings|deposits?|assets|property|worth|fees?|value\s+of)\b/i;

const FUNDS_VERB =
	/\b(?:invest(?:ed|s|ing|ment)?|allocat\w*|put\s+in|putting\s+in|raised?|raising|issu\w*|donat\w*|spen[dt]\w*|grant\w*|provid\w*|arrang\w*|earmark\w*|subsidi[sz]\w*|paid|pay|reward\w*|disburs\w*|inject\w*|appropriat\w*|introduc\w*|attract\w*|used?|poured|integrat\w*|receiv\w*|obtain\w*|got|won|secur\w*)\b/i;
const LOAN_VERB = /\b(?:lent|lend\w*|loaned|borrow\w*)\b/i;

/** The head of a label: its last word before a preposition ("loans issued by mutual societies" → loans). */
function headOf(label: string): string {
	const ws = words(label).map(cleanWord);
	const stop = ws.findIndex(
		(w, i) => i > 0 && (/^(?:of|for|from|by|to|in|on|at|with|per|issued|provided|raised|used|donated)$/i.test(w) || /[^e]ed$/.test(w)),
	);
	return (stop === -1 ? ws : ws.slice(0, stop)).join(' ');
}

function kindOfPhrase(phrase: string): FigureKind | undefined {
	if (phrase === '') return undefined;
	if (THRESHOLD.test(phrase)) return 'threshold';
	if (ECONOMY_INCOME.test(phrase)) return 'economy';
	if (INCOME.test(phrase)) return 'income';
	if (ECONOMY.test(phrase)) return 'economy';
	const loans = [...phrase.matchAll(new RegExp(LOAN.source, 'gi'))];
	if (loans.length > 0) {
		// "discount loans", "credit funds" are loans; "loan discount fund" and "loan interest subsidies" pay for one.
		const last = loans.at(-1)!;
		return PAYS_FOR_LOAN.test(phrase.slice(last.index! + last[0].length)) ? 'funds' : 'loan';
	}
	if (FUNDS.test(phrase)) return 'funds';
	if (OTHER.test(phrase)) return 'other';
	return undefined;
}

/** The kind a label says by itself (its head noun, then its other words), or undefined when it names no kind of money. */
export function kindOfLabel(label: string): FigureKind | undefined {
	return kindOfPhrase(headOf(label)) ?? kindOfPhrase(label);
}

/**
 * The kind of an amount: its label's head noun first ("loans issued by …" is a loan; "loan
 * discount fund" is funds), then the rest of the label, then its unit ("8352 yuan per loan"),
 * then the clause around the amount, then the verb that moves it ("invested 3 million yuan" is
 * funds, and so is money put "for the development of facility farming"). Nothing said: other.
 */
export function kindOf(label: string, sentence: string, amount: Amount, per: string | null = null): FigureKind {
	const fromLabel = kindOfLabel(label);
	if (fromLabel) return fromLabel;
	if (per !== null && LOAN.test(per)) return 'loan';
	const before = sentence.slice(Math.max(0, amount.start - 120), amount.start);
	const own = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
	const after = sentence.slice(amount.end, amount.end + 60).split(/[,;]/)[0]!;
	if (LOAN_VERB.test(own) || LOAN_VERB.test(after)) return 'loan';
	const clause = kindOfPhrase(`${own} ${after}`);
	if (clause && clause !== 'other') return clause;
	if (FUNDS_VERB.test(own) || FUNDS_VERB.test(after)) return 'funds';
	// A verb of the sentence before the amount that moves money ("invested … 76.12 million yuan for poverty reduction").
	if (FUNDS_VERB.test(sentence.slice(Math.max(0, amount.start - 300), amount.start))) return clause ?? 'funds';
	return clause ?? 'other';
}
