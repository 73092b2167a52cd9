import type { ReadableText } from '../text/transcript';
import { findOrganisations } from './organisations';
import { SURNAMES } from '../lexicon/surnames';
import { personNameAt } from './person-names';
import { findPlaceChains } from './place-chain';
import type { Span } from './name-span';
import { shopNameFromAnswers } from './shop-names';

const OWED_NEAR = /欠|拖|扣|冇给|没给|不给|冇发|没发|不发|跑路|冇结|没结|不结/;
/** Roles before a name: 老板胡伟, 包工头叫马德兵, 个体户老板叫黄志强. */
const ROLE_THEN_NAME =
  /(包工头|工头|老板娘|老板|老总|班组长|承包人|负责人|站长|园长|园主|场主|店长|店主|厂长|经理|东家|雇主|欠我(们)?(工资|工钱|钱)?的(人)?)(的名字)?[，,\s]*(叫做|名叫|叫|是|姓名是)?\s*/g;
/** 李德胜，他是包工头. */
const NAME_THEN_ROLE = /([\u4e00-\u9fa5]{2,4})[，,]?(他|她)?(是|就是)(包工头|工头|老板|老总|承包人|我们老板|我们的老板)/;
/** "包工头欠了我们工钱，叫王建华": a clause that names the role spoken of just before. */
const LATER_NAME = /(?:^|[，,。\s])(他|她)?(的名字)?(叫做|名叫|叫)/g;
const ROLE_WORD = /包工头|工头|老板|老总|班组长|承包人|负责人|站长|园长|店长|厂长|经理|东家|雇主/;
/** 姓刘的老板 → 刘老板. */
const SURNAMED_BOSS = /姓([\u4e00-\u9fa5])的(老板|包工头|工头|老总)|(?:老板|包工头|工头|老总)姓([\u4e00-\u9fa5])/;
/** 大家都喊他唐老板, 都叫他王总. */
const NICKNAMED_BOSS = /(喊|叫|称)(他|她)(做)?([\u4e00-\u9fa5]{1,2}(老板|老总|总|哥|姐|老三|老二))/;
/** A bare 唐老板 / 王总 after a boundary. */
const BARE_BOSS = /(?:^|[，。！？,\s是找跟给帮])([\u4e00-\u9fa5])(老板|老总)(?!娘)/g;
/** The operator asking for the boss's name; the caller's answer then starts with 叫… */
const ASKS_FOR_NAME = /(老板|包工头|负责人|对方|他).{0,4}(叫什么|名字|是谁|姓什么)|叫什么名字/;
const ANSWER_NAME = /^(嗯|哦|那个|就是)?[，,]?(他|老板|包工头)?(是)?(一个|个)?(叫做|叫|是|姓名是)/;

/** "外包给洁美家政…", "承包的是…", "物业是…": the org the workers were hired through. */
const HIRED_THROUGH_BEFORE = /(外包给|包给|承包的是|承包商是|物业是|单位是|老板是|签的合同是|派遣到?|跟|给|帮|替)[^，。,\s]{0,2}$/;
/** "跟湘禹水利…签的分包", "总包是…": a company above the one that owes, named for the record. */
const UPSTREAM_BEFORE = /(总包|开发商|甲方|业主|上面)(单位)?(是|的)?$/;
const UPSTREAM_AFTER = /^[^，。,\s]{0,2}(签的?(分包|合同)|分包|转包|总包)/;

/** An org that the text places above the real employer (the main contractor, the developer). */
/** "第四中学新宿舍楼工地", "人民医院住院综合楼": an org named as the site being built, not the one that pays. */
const SITE_AFTER = /^[^，。,\s]{0,6}(工地|项目|工程|大楼|综合楼|教学楼|宿舍楼|食堂|改造|扩建|新建|维修|装修)/;

export function isSiteOrg(text: string, org: Span): boolean {
  return SITE_AFTER.test(text.slice(org.end, org.end + 12));
}

export function isUpstream(text: string, org: Span): boolean {
  return UPSTREAM_BEFORE.test(text.slice(Math.max(0, org.start - 6), org.start)) || UPSTREAM_AFTER.test(text.slice(org.end, org.end + 8));
}

function chooseOrganisation(text: string, orgs: Span[]): Span | undefined {
  const direct = orgs.filter((org) => !isUpstream(text, org) && !isSiteOrg(text, org));
  return (
    direct.find((org) => OWED_NEAR.test(text.slice(org.end, org.end + 8))) ??
    direct.find((org) => HIRED_THROUGH_BEFORE.test(text.slice(Math.max(0, org.start - 8), org.start))) ??
    direct[0]
  );
}

function fullNameWithSurname(text: string, surname: string): string | null {
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    const name = personNameAt(text, at);
    if (!name || /^.(老板|老总|的|某)/.test(text.slice(at, at + 3))) continue;
    // 郑家驿 is a town, not Mr 郑.
    if (!findPlaceChains(text.slice(at)).some((chain) => chain.start === 0)) return name;
  }
  return null;
}

function personFromRoles(text: string): string | null {
  const surnamed = SURNAMED_BOSS.exec(text);
  const surname = surnamed?.[1] ?? surnamed?.[3];
  // "姓胡的老板 … 胡……胡德贵": the full name, once the caller gives it, is more specific.
  if (surname) return fullNameWithSurname(text, surname) ?? `${surname}老板`;
  for (const match of text.matchAll(ROLE_THEN_NAME)) {
    const name = personNameAt(text, (match.index ?? 0) + match[0].length);
    if (name) return name;
  }
  const named = NAME_THEN_ROLE.exec(text);
  if (named?.[1]) {
    const at = (named.index ?? 0) + named[1].length;
    for (let start = at - 3; start <= at - 2; start++) {
      const name = start >= named.index ? personNameAt(text, start) : null;
      if (name && start + name.length === at) return name;
    }
  }
  for (const match of text.matchAll(LATER_NAME)) {
    const at = match.index ?? 0;
    if (!ROLE_WORD.test(text.slice(Math.max(0, at - 20), at))) continue;
    const name = personNameAt(text, at + match[0].length);
    if (name) return name;
  }
  const nicknamed = NICKNAMED_BOSS.exec(text);
  if (nicknamed?.[4]) return nicknamed[4];
  for (const match of text.matchAll(BARE_BOSS)) {
    if (SURNAMES.has(match[1] ?? '')) return `${match[1] ?? ''}${match[2] ?? ''}`;
  }
  return null;
}

function personFromAnswers(text: ReadableText): string | null {
  for (let i = 1; i < text.turns.length; i++) {
    const question = text.turns[i - 1];
    const answer = text.turns[i];
    if (question?.speaker !== 'operator' || answer?.speaker !== 'caller' || !ASKS_FOR_NAME.test(question.text)) continue;
    const lead = ANSWER_NAME.exec(answer.text.trim());
    if (lead) {
      const name = personNameAt(answer.text.trim(), lead[0].length);
      if (name) return name;
    }
  }
  return null;
}

/**
 * The party that owes the wages (LABELS.md employer): the most specific organisation named, else the
 * boss or contractor by name, read from what the caller said.
 */
export function extractEmployer(text: ReadableText, orgs: Span[] = findOrganisations(text.caller)): string | null {
  const org = chooseOrganisation(text.caller, orgs);
  if (org) return org.text;
  const person = shopNameFromAnswers(text) ?? personFromRoles(text.caller) ?? personFromAnswers(text);
  // An upstream company still names the debtor when no person does; a site's name comes last.
  return person ?? orgs.find((o) => !isSiteOrg(text.caller, o))?.text ?? orgs[0]?.text ?? null;
}
