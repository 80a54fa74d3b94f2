/**
 * Estonian personal identification code (isikukood, EVS 585:2007): GYYMMDDSSSC.
 * G gives sex and century, YYMMDD the birth date, SSS a serial number, C a checksum.
 */
export interface PersonalCodeInfo {
  birthDate: string; // YYYY-MM-DD
  sex: 'male' | 'female';
}

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];

export function personalCodeChecksum(first10: string): number {
  const digits = [...first10].map(Number);
  const weighted = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11;
  const first = weighted(WEIGHTS_1);
  if (first < 10) return first;
  const second = weighted(WEIGHTS_2);
  return second < 10 ? second : 0;
}

/** The birth date and sex a valid code encodes, or null for any invalid code. */
export function parsePersonalCode(code: string): PersonalCodeInfo | null {
  if (!/^[1-8]\d{10}$/.test(code)) return null;
  const g = Number(code[0]);
  const century = 1800 + Math.floor((g - 1) / 2) * 100;
  const year = century + Number(code.slice(1, 3));
  const month = Number(code.slice(3, 5));
  const day = Number(code.slice(5, 7));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  if (personalCodeChecksum(code.slice(0, 10)) !== Number(code[10])) return null;
  return {
    birthDate: date.toISOString().slice(0, 10),
    sex: g % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidPersonalCode(code: string): boolean {
  return parsePersonalCode(code) !== null;
}

/** Builds a valid code from its parts: for demo and test people only. */
export function makePersonalCode(birthDate: string, sex: 'male' | 'female', serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const centuryIndex = Math.floor((Number(year) - 1800) / 100);
  const g = centuryIndex * 2 + (sex === 'male' ? 1 : 2);
  const first10 = `${g}${year.slice(2)}${month}${day}${String(serial).padStart(3, '0')}`;
  return first10 + personalCodeChecksum(first10);
}
