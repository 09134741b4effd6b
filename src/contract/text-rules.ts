/**
 * What a name or topic may not contain: characters that show nothing or change how the text
 * around them shows. Format characters (\p{Cf}: zero-width spaces and joiners, bidi controls, the
 * BOM), controls (\p{Cc}), and the letters that render as blank (Hangul fillers U+3164, U+115F,
 * U+1160, U+FFA0; the Braille blank U+2800). With them, "Ann" and "Ann\u200b" would be two people.
 */
export const invisibleCharacter = /[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** A name must show something: at least one letter or digit (fillers excluded above). */
export const visibleLetterOrDigit = /[\p{L}\p{N}]/u;

export const hasNoInvisible = (text: string): boolean => !invisibleCharacter.test(text);
export const showsSomething = (text: string): boolean => visibleLetterOrDigit.test(text);
