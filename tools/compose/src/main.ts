import { existsSync, writeFileSync } from 'node:fs';
import { buildSupergraph, readCommittedSupergraph, SUPERGRAPH_FILE } from './compose';
import { brokenErrorCodes, currentErrorCodes, ERROR_CODES_FILE, printErrorCodes, readShippedErrorCodes } from './error-codes';

/**
 * `npm run compose` writes the graph's contract: supergraph.graphql and error-codes.json (shipped
 * codes kept, new ones added); `npm run compose -- --check` fails if either is stale. A shipped
 * error code that disappeared or changed kind is refused: add codes, never rename or reuse one.
 */
async function main(): Promise<void> {
  const next = await buildSupergraph();
  const shipped = existsSync(ERROR_CODES_FILE) ? readShippedErrorCodes() : {};
  const current = currentErrorCodes();
  const broken = brokenErrorCodes(shipped, current);
  if (broken.length > 0) {
    console.error(`shipped error codes are API:\n  ${broken.join('\n  ')}`);
    process.exit(1);
  }
  const codes = printErrorCodes(shipped, current);
  if (process.argv.includes('--check')) {
    const stale = [readCommittedSupergraph() !== next && 'supergraph.graphql', printErrorCodes(shipped, {}) !== codes && 'error-codes.json'].filter(Boolean);
    if (stale.length > 0) {
      console.error(`${stale.join(' and ')} stale: run \`npm run compose\` and commit.`);
      process.exit(1);
    }
    console.log('supergraph.graphql and error-codes.json are up to date.');
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, next);
  writeFileSync(ERROR_CODES_FILE, codes);
  console.log(`wrote ${SUPERGRAPH_FILE} and ${ERROR_CODES_FILE}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
