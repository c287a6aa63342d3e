import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '@courierdesk/platform-subgraph';

/**
 * Relay page info of tracking's connections. Same fields as the platform's `PageInfo`, under a
 * name of its own: two subgraphs may resolve one value type only if every one of them marks it
 * `@shareable`, and the platform's PageInfo (network's too) does not yet. Once it does, tracking
 * goes back to the platform's connectionType and this type disappears from the graph.
 */
@ObjectType('TrackingPageInfo', { description: 'Where a page sits in its connection (Relay); the fields of PageInfo.' })
export class TrackingPageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** `<Name>Connection` and `<Name>Edge` types for a node type (the platform's connectionType, with TrackingPageInfo). */
export function trackingConnectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Page<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => TrackingPageInfo)
    pageInfo: TrackingPageInfo;
  }
  return Connection as unknown as ClassType<Page<T>>;
}
