import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEnglish from "@zxcvbn-ts/language-en";
import { invalid } from "@/lib/errors/domain-errors";

/**
 * zxcvbn's scale: 0 too guessable … 4 very unguessable. 3 ("safely unguessable: moderate
 * protection from offline slow-hash scenario", about 10^10 guesses) is what OWASP and NIST
 * guidance amount to for accounts behind argon2 and a sign-in throttle.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

// The dictionaries ship inside the npm packages (common passwords from breach corpora, names,
// English words and keyboard layouts): nothing is fetched at run time.
function passwordEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
  });
  return estimator;
}

export type PasswordStrength = { score: number; acceptable: boolean; warning: string | null; suggestions: string[] };

/**
 * How guessable a new password is, counting the person's own name and email (and the desk's
 * name) as words an attacker would try first.
 */
export function passwordStrength(password: string, personal: readonly string[] = []): PasswordStrength {
  const inputs = ["wiredesk", ...personal.flatMap((value) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((part) => part.length >= 3)];
  const result = passwordEstimator().check(password, inputs);
  return {
    score: result.score,
    acceptable: result.score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}

/** Refuses a guessable new password with a message the form shows beside the field. */
export function assertStrongPassword(password: string, personal: readonly string[], field = "password"): void {
  const strength = passwordStrength(password, personal);
  if (strength.acceptable) return;
  const why = strength.warning ? `${strength.warning.replace(/\.?$/, ".")} ` : "";
  const message = `This password is too easy to guess. ${why}Use a longer phrase of several unrelated words.`;
  throw invalid(message, { [field]: message });
}
