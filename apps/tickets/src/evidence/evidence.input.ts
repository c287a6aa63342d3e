import { Field, ID, InputType, Int } from 'type-graphql';
import { EvidenceKind } from '@courierdesk/domain-ticket';

/** Evidence for a ticket (举证): its metadata and where the file is stored. */
@InputType({ description: 'Evidence (证据) for a ticket: the file is uploaded to storage first; this records what it is and where it is kept.' })
export class AttachEvidenceInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => EvidenceKind)
  kind: string;

  @Field({ description: 'Where the file is kept (object storage key or URL), 1–200 characters.' })
  storageRef: string;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters.' })
  fileName?: string | null;

  @Field(() => String, { nullable: true, description: 'MIME type, e.g. image/jpeg.' })
  contentType?: string | null;

  @Field(() => Int, { nullable: true, description: 'Size in bytes, 0 or more.' })
  sizeBytes?: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the file, 64 hex digits: shows the file was not changed after it was recorded.' })
  sha256?: string | null;

  @Field(() => String, { nullable: true, description: 'What it shows, up to 4,000 characters.' })
  description?: string | null;
}
