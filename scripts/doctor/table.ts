/** The doctor's findings as a table that fits a terminal: columns wrapped at word boundaries. */
import type { Finding } from './checks.js';

const COLUMNS: ReadonlyArray<{ title: string; width: number; cell: (finding: Finding) => string }> = [
  { title: 'Finding', width: 16, cell: (finding) => `${finding.status.toUpperCase()} ${finding.id}` },
  { title: 'The gateway assumes', width: 34, cell: (finding) => finding.assumption },
  { title: 'Observed', width: 40, cell: (finding) => finding.observed },
  { title: 'What to do', width: 40, cell: (finding) => finding.action },
];

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    // A word longer than the column is cut, so that nothing overflows.
    for (let rest = word; rest !== ''; rest = rest.slice(width)) {
      const piece = rest.slice(0, width);
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= width) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

export function renderTable(findings: readonly Finding[]): string {
  const row = (cells: string[][]): string[] => {
    const height = Math.max(...cells.map((cell) => cell.length));
    return Array.from({ length: height }, (_, line) => COLUMNS.map((column, index) => (cells[index]![line] ?? '').padEnd(column.width)).join(' | ').trimEnd());
  };
  const rule = COLUMNS.map((column) => '-'.repeat(column.width)).join('-+-');
  const header = row(COLUMNS.map((column) => [column.title]));
  const body = findings.flatMap((finding) => [...row(COLUMNS.map((column) => wrap(column.cell(finding), column.width))), rule]);
  return [...header, rule, ...body].join('\n');
}
