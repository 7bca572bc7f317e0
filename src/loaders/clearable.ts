/** What the loader set needs of each loader to forget records after a write touched them. */
export interface Clearable {
  clear(id: string): void;
  clearAll(): void;
}
