import { writeFileSync } from 'node:fs';
import { buildSupergraph, readCommittedSupergraph, SUPERGRAPH_FILE } from './compose';

/** `npm run compose` writes supergraph.graphql; `npm run compose -- --check` fails if it is stale. */
async function main(): Promise<void> {
  const next = await buildSupergraph();
  if (process.argv.includes('--check')) {
    if (readCommittedSupergraph() !== next) {
      console.error('supergraph.graphql is stale: run `npm run compose` and commit it.');
      process.exit(1);
    }
    console.log('supergraph.graphql is up to date.');
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, next);
  console.log(`wrote ${SUPERGRAPH_FILE}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
