/** One line of an amount's breakdown (金额明细): what it is, how much, under which rule. */
export interface AmountLine {
  /** Stable code of the line, e.g. INSURED_COMPENSATION, UNINSURED_CAP (a deduction is negative). */
  code: string;
  /** Whole fen; negative only for a deduction from an earlier line (a cap). */
  amountFen: number;
  /** The rule that produced the line, e.g. `compensation.uninsured-cap`. */
  ruleCode: string;
}

/** What every liability decision records so it can be replayed and explained (判定依据). */
export interface DecisionRecord {
  /** The rule applied, e.g. `return-freight`, `compensation`. */
  ruleCode: string;
  /** The policy version in force at the time of the event (e.g. `liability-2024.1`). */
  ruleVersion: string;
  /** A sentence a customer can read, in Chinese (给客户的说明). */
  explanationZh: string;
  /** Stable codes for programs: the outcome first, then every fact the rule used. */
  codes: string[];
}

/** Sums the lines of a breakdown. */
export const totalOf = (lines: readonly AmountLine[]): number => lines.reduce((sum, line) => sum + line.amountFen, 0);
