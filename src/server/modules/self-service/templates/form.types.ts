import type { TClientLanguage } from '../../../../contracts/self-service';

/** Review state of one translation (issue 7: every translation carries one). */
export interface Review {
  state: 'draft' | 'reviewed';
  /** Who reviewed it (name or role); null while draft. */
  reviewer: string | null;
  /** `YYYY-MM-DD`; null while draft. */
  reviewedOn: string | null;
}

/** The texts of the profile form in one language; keys missing in a translation fall back to German. */
export interface FormTexts<K extends string = string> {
  language: TClientLanguage;
  review: Review;
  texts: Partial<Record<K, string>>;
}
