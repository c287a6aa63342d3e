import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import type { LedgerCheckResult } from './ledger.service';
import type { PayOutcome } from './payout.service';

/*
 * Money in GraphQL (金额): fields named *Fen of type Float holding whole numbers of fen. GraphQL's
 * Int is 32-bit (±¥21.4 million): enough for one parcel's declared value (tracking's Int fields),
 * not for a balance summed over a network's years. A JSON number is exact for integers up to 2^53
 * (¥90 trillion) and every client reads it without a parser; a custom scalar (BigInt, Long) would
 * have to be declared by every subgraph that shares it, known to the gateway's supergraph and
 * mapped in every client's codegen, and a String would make clients parse amounts. The server
 * writes only integers, and refuses an input that is not one (INVALID_AMOUNT).
 */

/** payClaim's argument: the claim and the client's idempotency key. */
@InputType({ description: 'Pay an approved claim (赔付). Send one idempotency key per payout request (a UUID) and send it again on every retry: the first result comes back.' })
export class PayClaimInput {
  @Field(() => ID)
  claimId: string;

  @Field({ description: '1–255 characters, no control characters. The same key with another claim is refused (IDEMPOTENCY_KEY_REUSED).' })
  idempotencyKey: string;
}

/** A payout (赔付记录) as recorded when it was made. */
@ObjectType({ description: 'A claim’s payout, as recorded when it was made (a retry returns the same record).' })
export class Payout {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  claimId: string;

  @Field()
  claimNumber: string;

  @Field(() => Float, { description: 'Paid to the customer, in fen (a whole number).' })
  amountFen: number;

  @Field({ description: 'The customer’s ledger account credited: CUSTOMER:<waybill no>.' })
  customerAccountId: string;

  @Field(() => String, { nullable: true, description: 'The place that bears the carrier fault internally and was charged back the same amount (OUTLET:<id> or TRANSIT_CENTRE:<id>); null when none.' })
  bearingAccountId: string | null;

  @Field(() => ID, { description: 'The payout’s ledger entry (NETWORK → customer).' })
  entryId: string;

  @Field(() => ID, { nullable: true, description: 'The chargeback’s ledger entry (bearing place → NETWORK).' })
  chargebackEntryId: string | null;

  @Field()
  paidAt: Date;

  @Field({ description: 'Who paid it.' })
  paidBy: string;
}

/** payClaim's answer. */
@ObjectType()
export class PayClaimPayload {
  @Field(() => Payout)
  payout: Payout;

  @Field({ description: 'True when this call replayed an earlier payout with the same key (nothing was paid now).' })
  replayed: boolean;
}

/** The ledger's check (试算平衡). */
@ObjectType({ description: 'The ledger’s check: every entry’s postings sum to zero (unbalancedEntries 0), and so do all postings (trialBalanceFen 0).' })
export class LedgerCheck {
  @Field(() => Float)
  entries: number;

  @Field(() => Float)
  postings: number;

  @Field(() => Float, { description: 'Entries whose postings do not sum to zero or that have fewer than two: 0 in a sound ledger.' })
  unbalancedEntries: number;

  @Field(() => Float, { description: 'Sum of every posting, in fen: 0 in a sound ledger.' })
  trialBalanceFen: number;

  @Field({ description: 'unbalancedEntries = 0 and trialBalanceFen = 0.' })
  balanced: boolean;
}

/** An account's balance (余额), derived from its postings. */
@ObjectType({ description: 'A ledger account’s balance, the sum of its postings (never stored): + money received, − money paid; an outlet below zero has paid the network (fines, chargebacks).' })
export class AccountBalance {
  @Field({ description: 'NETWORK, OUTLET:<id>, TRANSIT_CENTRE:<id> or CUSTOMER:<waybill no>.' })
  accountId: string;

  @Field(() => Float, { description: 'In fen (a whole number).' })
  balanceFen: number;
}

/** The schema type of a payout as recorded. */
export function toPayout(p: PayOutcome['payout']): Payout {
  return Object.assign(new Payout(), {
    id: p.payoutId,
    claimId: p.claimId,
    claimNumber: p.claimNumber,
    amountFen: p.amountFen,
    customerAccountId: p.customerAccountId,
    bearingAccountId: p.bearingAccountId,
    entryId: p.entryId,
    chargebackEntryId: p.chargebackEntryId,
    paidAt: new Date(p.paidAt),
    paidBy: p.paidBy,
  });
}

/** The schema type of a payout outcome. */
export function toPayClaimPayload(outcome: PayOutcome): PayClaimPayload {
  return Object.assign(new PayClaimPayload(), { payout: toPayout(outcome.payout), replayed: outcome.replayed });
}

/** The schema type of a ledger check. */
export const toLedgerCheck = (r: LedgerCheckResult): LedgerCheck => Object.assign(new LedgerCheck(), { ...r, balanced: r.unbalancedEntries === 0 && r.trialBalanceFen === 0 });
