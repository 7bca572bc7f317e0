/**
 * `relations=a&relations=b`: repeated, as in the 2021 calls the fact sheet found, de-duplicated
 * and sorted so that the same need always gives the same URL.
 */
export function relationParams(relations: readonly string[]): Array<[string, string]> {
  return [...new Set(relations)].sort().map((relation) => ['relations', relation]);
}
