import { COMPOUND_SURNAMES, NOT_NAMES, SURNAMES } from '../lexicon/surnames';

/** Characters that end a name: verbs and particles that follow it (胡伟|讲, 刘建军|跑路). */
const AFTER_NAME = new Set('讲说只欠跑拖一不也又还就把给在的了是和跟到去找做干哒啊呢吧咯他她我你们都很太要会让被从对向着过总板'.split(''));
const HAN = /[\u4e00-\u9fa5]/;
const RUNS_BEFORE_DE = new Set('开请包管招雇'.split(''));

/** A personal name starting at `at` (surname + one or two characters), or null. */
export function personNameAt(text: string, at: number): string | null {
  const compound = COMPOUND_SURNAMES.find((s) => text.startsWith(s, at));
  const surname = compound ?? (SURNAMES.has(text[at] ?? '') ? (text[at] ?? '') : null);
  if (!surname) return null;
  let name = surname;
  for (let i = at + surname.length; i < text.length && name.length < surname.length + 2; i++) {
    const ch = text[i] ?? '';
    if (!HAN.test(ch) || AFTER_NAME.has(ch)) break;
    // 刘四开的, 曾伟请的: a verb of running or hiring before 的 ends the name.
    if (RUNS_BEFORE_DE.has(ch) && text[i + 1] === '的') break;
    name += ch;
  }
  if (name.length === surname.length) return null;
  // 唐老板 is a way of addressing, read by the boss rules, not a given name.
  if (text.startsWith('老板', at + surname.length) || text.startsWith('老总', at + surname.length)) return null;
  if (NOT_NAMES.some((word) => name.startsWith(word))) return null;
  // 白什么我不晓得: the caller does not know the given name.
  if (/什么|么子|啥|谁|哪/.test(name)) return null;
  return name;
}
