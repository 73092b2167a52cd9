import { findPlanted, idForms, phoneForms, type PlantedNumbers } from './number-forms';
import { employer, person, pii, type Person } from './synthetic';

export const PHONE_FORMS = Object.keys(phoneForms('13800000000'));
export const ID_FORMS = Object.keys(idForms('43072319900101000X'));

export interface PlantedPerson extends Person {
  /** The phone and ID number as this complaint or note writes them. */
  phoneText: string;
  idText: string;
}

export interface PlantedHit {
  /** "phone 138…" or "id 430…" */
  number: string;
  where: string;
  form: string;
}

/**
 * Fictional people whose numbers a case writes into complaints and notes, each number in one named
 * written form and one place, so that a copy found later says where it came from and in which form.
 */
export class PlantedRegistry implements PlantedNumbers {
  readonly phones = new Set<string>();
  readonly ids = new Set<string>();
  private readonly origin = new Map<string, { where: string; form: string }>();
  private phoneCursor = 0;
  private idCursor = 0;
  private serialNo: number;

  constructor(private next: number) {
    this.serialNo = next;
  }

  /** A number of its own for each complaint (its employer's name, its amount), so that none merge by chance. */
  serial(): number {
    return this.serialNo++;
  }

  /** The next person, numbers written in the given forms (or the next forms in turn). */
  take(
    where: string,
    phoneForm = PHONE_FORMS[this.phoneCursor++ % PHONE_FORMS.length]!,
    idForm = ID_FORMS[this.idCursor++ % ID_FORMS.length]!,
  ) {
    const i = this.next++;
    pii.note(i);
    const p = person(i);
    this.phones.add(p.phone);
    this.ids.add(p.idNumber);
    this.origin.set(`phone ${p.phone}`, { where, form: phoneForm });
    this.origin.set(`id ${p.idNumber}`, { where, form: idForm });
    return { ...p, phoneText: phoneForms(p.phone)[phoneForm]!, idText: idForms(p.idNumber)[idForm]! } satisfies PlantedPerson;
  }

  /**
   * A note that carries a phone in every written form and an ID number in every written form, each of
   * another person; numbers apart by "；", which no number is written with.
   */
  everyForm(where: string): string {
    const people = PHONE_FORMS.map((f, k) => this.take(where, f, ID_FORMS[k % ID_FORMS.length]));
    const phones = people.map((p) => `${p.name}电话${p.phoneText}`);
    const ids = people.slice(0, ID_FORMS.length).map((p) => `身份证${p.idText}`);
    return [...phones, ...ids].join('；');
  }

  /** Whole planted numbers in the text, each with where it was planted and how it was written. */
  find(text: string): PlantedHit[] {
    return findPlanted(text, this).map((number) => ({ number, ...(this.origin.get(number) ?? { where: 'elsewhere', form: '?' }) }));
  }
}

/** A wage complaint in `area` that carries three people's numbers, each in its own form. */
export function complaintWithNumbers(area: string, n: number, [p1, p2, p3]: readonly PlantedPerson[]): string {
  const emp = employer(n);
  return (
    `我叫${p1!.name}，身份证号${p1!.idText}。我在${area}的${emp}做了三个月，${emp}欠我工资${4000 + (n % 50) * 100}元，就我一个人，` +
    `电话${p1!.phoneText}。工友${p2!.name}的电话${p2!.phoneText}，身份证${p2!.idText}；老乡电话${p3!.phoneText}。`
  );
}

/**
 * Leaks grouped by where they showed (an operation or a console page, ids as {id}) and where the number
 * was planted (the role dropped), with the written forms that came through whole ("every form" when all did).
 */
export function groupLeaks(leaks: { surface: string; hit: PlantedHit }[]): string[] {
  const by = new Map<string, Map<string, { phone: Set<string>; id: Set<string> }>>();
  for (const { surface, hit } of leaks) {
    const s = surface.replace(/[0-9a-f]{24}/g, '{id}');
    const place = hit.where.replace(/^.*'s /, '');
    const places = by.get(s) ?? new Map<string, { phone: Set<string>; id: Set<string> }>();
    const forms = places.get(place) ?? { phone: new Set<string>(), id: new Set<string>() };
    forms[hit.number.startsWith('phone') ? 'phone' : 'id'].add(hit.form);
    by.set(s, places.set(place, forms));
  }
  const named = (kind: string, forms: Set<string>, all: string[]) =>
    forms.size === 0 ? [] : [`${kind} ${forms.size === all.length ? 'every form' : [...forms].join(' / ')}`];
  return [...by].map(
    ([s, places]) =>
      `${s}: ${[...places]
        .map(([p, f]) => `${p} (${[...named('phone', f.phone, PHONE_FORMS), ...named('ID', f.id, ID_FORMS)].join('; ')})`)
        .join(', ')}`,
  );
}
