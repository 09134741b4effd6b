import unhomoglyph from 'unhomoglyph';

/**
 * The key that makes names unique: two names that look alike get the same key. NFKC folds
 * compatibility forms (full-width "Ａnn", ligatures), lower-casing folds case, and the UTS #39
 * confusables mapping (unhomoglyph, from Unicode's confusables.txt, as Matrix clients use it)
 * folds look-alikes across scripts: "Аnn" with a Cyrillic А, "b0b" and "bob". The mapping
 * follows UTS #39's skeleton: NFD, map, NFD.
 */
export function nameKey(name: string): string {
  const folded = name.trim().normalize('NFKC').toLowerCase().normalize('NFD');
  return unhomoglyph(folded).normalize('NFD').toLowerCase();
}
