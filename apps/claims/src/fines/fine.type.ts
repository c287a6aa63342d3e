import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType, listSize, PersonalData } from '@courierdesk/platform-subgraph';
import { MAX_EVIDENCE_REFS } from '../common/list-bounds';
import { OutletRef, outletRef } from '../refs/refs.type';
import { ARBITRATION_OUTCOMES, FINE_REASONS, FINE_STATUSES, owedFen, type ArbitrationRow, type FineRow } from './fine.row';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

/** FineReason as a GraphQL enum. */
export const FineReasonEnum = enumOf(FINE_REASONS);
/** FineStatus as a GraphQL enum. */
export const FineStatusEnum = enumOf(FINE_STATUSES);
/** ArbitrationOutcome as a GraphQL enum. */
export const ArbitrationOutcomeEnum = enumOf(ARBITRATION_OUTCOMES);
/** ArbitrationStatus as a GraphQL enum. */
export const ArbitrationStatusEnum = enumOf(['OPEN', 'DECIDED'] as const);

registerEnumType(FineReasonEnum, {
  name: 'FineReason',
  description: 'Why an outlet is fined (罚款原因): 不上楼 without evidence, another complaint lost on evidence, a false or premature sign-off (虚假签收) — amounts from the schedule in force when the case arose — or OTHER with HQ’s amount.',
});
registerEnumType(FineStatusEnum, { name: 'FineStatus', description: 'ISSUED, DISPUTED (arbitration open), then UPHELD, OVERTURNED or REDUCED by arbitration.' });
registerEnumType(ArbitrationOutcomeEnum, { name: 'ArbitrationOutcome', description: 'How HQ decides a disputed fine (仲裁结果).' });
registerEnumType(ArbitrationStatusEnum, { name: 'ArbitrationStatus' });

/** An arbitration case (仲裁). */
@ObjectType({ description: 'An outlet’s dispute of a fine (仲裁), and HQ’s decision.' })
export class Arbitration {
  @Field(() => ID)
  id: string;

  @PersonalData<Arbitration>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (a) => ({ outletIds: [a.outletId] }) })
  @Field(() => String, { nullable: true, description: 'The outlet’s statement; long numbers masked without pii:read.' })
  statement: string | null;

  @Directive(listSize(MAX_EVIDENCE_REFS))
  @Field(() => [String], { description: 'References of the outlet’s evidence (stored files, ticket evidence).' })
  evidenceRefs: string[];

  @Field(() => ArbitrationStatusEnum)
  status: string;

  @Field()
  openedAt: Date;

  @Field(() => ArbitrationOutcomeEnum, { nullable: true })
  outcome: string | null;

  @Field(() => Float, { nullable: true, description: 'REDUCED: what the outlet owes after all, in fen.' })
  reducedToFen: number | null;

  @PersonalData<Arbitration>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (a) => ({ outletIds: [a.outletId] }) })
  @Field(() => String, { nullable: true, description: 'HQ’s reasons; long numbers masked without pii:read.' })
  decisionNote: string | null;

  @Field(() => String, { nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  /** The fined outlet: its case, whose notes it reads whole. */
  outletId: string;
}

/** An outlet fine (网点罚款). */
@ObjectType({ description: 'A fine on an outlet (网点罚款), posted to the ledger when issued; arbitration may overturn or reduce it.' })
export class Fine {
  @Field(() => ID)
  id: string;

  @Field(() => OutletRef)
  outlet: OutletRef;

  @Field(() => FineReasonEnum)
  reason: string;

  @Field(() => Float, { description: 'The fine as issued, in fen.' })
  amountFen: number;

  @Field(() => Float, { description: 'What the outlet owes on it now, in fen: 0 when overturned, the reduced amount when reduced.' })
  owedFen: number;

  @Field(() => FineStatusEnum)
  status: string;

  @Field(() => ID, { nullable: true })
  claimId: string | null;

  @Field(() => ID, { nullable: true })
  ticketId: string | null;

  @Field(() => String, { nullable: true })
  waybillNo: string | null;

  @Directive(listSize(MAX_EVIDENCE_REFS))
  @Field(() => [String])
  evidenceRefs: string[];

  @PersonalData<Fine>({ subject: 'CUSTOMER', datum: 'NOTE', owner: (f) => ({ outletIds: [f.outlet.id] }) })
  @Field(() => String, { nullable: true, description: 'HQ’s note on the case; long numbers (a customer’s phone) masked without pii:read.' })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'The fine schedule’s version the amount came from (e.g. liability-2024.1); null for OTHER.' })
  ruleVersion: string | null;

  @Field(() => String, { nullable: true, description: 'Why, in words the outlet reads (Chinese).' })
  explanation: string | null;

  @Field()
  issuedAt: Date;

  @Field(() => Arbitration, { nullable: true })
  arbitration: Arbitration | null;
}

/** A page of fines. */
export const FineConnection = connectionType(Fine, 'Fine');

/** The schema type of an arbitration row. */
export const toArbitration = (row: ArbitrationRow, outletId: string): Arbitration =>
  Object.assign(new Arbitration(), {
    id: row.id,
    outletId,
    statement: row.statement,
    evidenceRefs: row.evidenceRefs,
    status: row.status,
    openedAt: row.openedAt,
    outcome: row.outcome,
    reducedToFen: row.reducedToFen,
    decisionNote: row.decisionNote,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
  });

/** The schema type of a fine and its arbitration. */
export const toFine = (fine: FineRow, arbitration: ArbitrationRow | null): Fine =>
  Object.assign(new Fine(), {
    id: fine.id,
    outlet: outletRef(fine.outletId) as OutletRef,
    reason: fine.reason,
    amountFen: fine.amountFen,
    owedFen: owedFen(fine, arbitration),
    status: fine.status,
    claimId: fine.claimId,
    ticketId: fine.ticketId,
    waybillNo: fine.waybillNo,
    evidenceRefs: fine.evidenceRefs,
    note: fine.note,
    ruleVersion: fine.ruleVersion,
    explanation: fine.explanationZh,
    issuedAt: fine.issuedAt,
    arbitration: arbitration ? toArbitration(arbitration, fine.outletId) : null,
  });
