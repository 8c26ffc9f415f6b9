/**
 * The sums of the compiled query's flag columns, each distinct expression summed once.
 * Definitions often share a column: the same population (everybody, the persons aged 65+),
 * the same status. Summing such a column once per definition made every GROUP BY of the
 * query wider for nothing; a later definition's column is read under the first one's name.
 *
 * Pure: names and SQL text in, SQL text out.
 */
export class SharedSums {
  /** Expression (and whether it is summed exactly) → the first column's name. */
  private readonly first = new Map<string, string>();
  /** Column name → the name its sum is read under. */
  private readonly summedAs = new Map<string, string>();
  /** Column name → whether its sum is kept exact (Σx of a mean) rather than cast to BIGINT. */
  private readonly exact = new Map<string, boolean>();

  /** Registers a column of the flags; returns the name its sum is read under. */
  add(alias: string, expression: string, exact: boolean): string {
    if (this.summedAs.has(alias)) throw new Error(`column ${alias} is registered twice`);
    const key = `${exact ? "exact" : "count"}|${expression}`;
    const first = this.first.get(key);
    if (first === undefined) {
      this.first.set(key, alias);
      this.exact.set(alias, exact);
    }
    this.summedAs.set(alias, first ?? alias);
    return first ?? alias;
  }

  /** The name a column's sum is read under (its own, or the first column with its expression). */
  summed(alias: string): string {
    const name = this.summedAs.get(alias);
    if (name === undefined) throw new Error(`unknown column ${alias}`);
    return name;
  }

  /** The SQL sum of a column read under its own name (`summed(alias) === alias`). */
  sumOf(alias: string): string {
    const exact = this.exact.get(alias);
    if (exact === undefined) throw new Error(`${alias} is not summed under its own name`);
    return exact ? `sum(${alias}) AS ${alias}` : `CAST(sum(${alias}) AS BIGINT) AS ${alias}`;
  }
}
