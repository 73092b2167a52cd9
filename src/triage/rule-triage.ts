import type { TriageInput, TriageResult } from '../domain/triage-result';
import { maskSpan, normalizeText } from './text/normalize-text';
import { readText } from './text/transcript';
import { extractAmount, reckonedByOperator, workersListedWithSums } from './rules/amount';
import { callerWithAskedRates } from './rules/asked-rates';
import { classify } from './rules/category';
import { extractEmployer, isSiteOrg } from './rules/employer';
import { extractPlaces } from './rules/location';
import { findOrganisations } from './rules/organisations';
import { extractPhone, findPhones } from './rules/phone';
import { businessBeingBuilt, extractProject, tradingName, workplaceApartFromEmployer } from './rules/project';
import { extractSector } from './rules/sector';
import { extractUrgency } from './rules/urgency';
import { countConfirmedToOperator, extractWorkerCount } from './rules/workers';
import { ADVERT } from './lexicon/category-cues';
import { findShopNames } from './rules/shop-names';
import { widestSpans } from './rules/name-span';

/**
 * The offline triage of LABELS.md: complaint text in, a structured lead out. Facts are read from what
 * the complainant said; on a hotline transcript the operator's turns only confirm a phone number or
 * fill an amount the caller's words leave open.
 */
export function triageByRules(input: TriageInput): TriageResult {
  const text = readText(normalizeText(input.text));
  const caller = text.caller;
  const category = classify(caller, text.operator);

  const orgs = widestSpans([...findOrganisations(caller), ...findShopNames(caller)]);
  // An org named as the site being built (第四中学新宿舍楼) stays readable as the project.
  const withoutOrgs = orgs.filter((org) => !isSiteOrg(caller, org)).reduce((masked, org) => maskSpan(masked, org.start, org.end), caller);
  const employer = extractEmployer(text, orgs);
  const site = extractProject(withoutOrgs);
  const project =
    tradingName(caller, orgs, employer) ??
    site ??
    workplaceApartFromEmployer(caller, orgs, employer) ??
    businessBeingBuilt(caller, orgs, employer);
  const { location, area } = extractPlaces(
    withoutOrgs,
    text.operator,
    orgs.map((org) => org.text),
  );

  // Phone digits are not sums or head counts.
  const spoken = callerWithAskedRates(text);
  const numbers = findPhones(spoken, true).reduce((masked, p) => maskSpan(masked, p.start, p.end, '#'), spoken);
  const counted = countConfirmedToOperator(text.turns) ?? extractWorkerCount(numbers);
  // 老张九千，老李七千五，我一万一: as many workers as are listed with their sums.
  const listed = category === 'wage_arrears' ? workersListedWithSums(numbers) : 0;
  const workerCount = listed > (counted ?? 0) ? listed : counted;
  const amountYuan =
    reckonedByOperator(text.turns) ??
    extractAmount(numbers, workerCount, false, text.operator) ??
    (text.isTranscript ? extractAmount(text.operator, workerCount, true) : null);
  // An advertiser's number is not a complainant's callback number.
  const phone = category === 'invalid' && ADVERT.test(caller) ? null : extractPhone(text);
  // A named site points to building work; a shop or hospital worked at does not.
  const sector = extractSector(caller, project === site ? site : null, employer);
  const urgency = extractUrgency({ category, amountYuan, workerCount, callerText: caller });

  return { category, employer, project, location, area, amount_yuan: amountYuan, worker_count: workerCount, phone, sector, urgency };
}
