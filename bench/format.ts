/** Formatting helpers for docs/benchmarks.md. */

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a'
  return value < 10 ? value.toFixed(2) : value.toFixed(1)
}

export function count(value: number): string {
  return Math.round(value).toLocaleString('en-GB')
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a'
}

export function verdict(pass: boolean): string {
  return pass ? '**pass**' : '**miss**'
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

/** A row of the "Against the targets" table: what was promised, what was measured, pass or miss. */
export type TargetRow = [target: string, measured: string, result: string]
