import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '@courierdesk/platform-db';
import { KEY_FILES, writeKeySet } from './key-set';

const HELP = `Write the keys the services need when they run as separate processes (docs/deployment.md).

  npm run keys                      # into .data/keys (the keys npm start uses; adds their public sets)
  npm run keys -- --out /etc/courierdesk/keys
  npm run keys -- --out <dir> --no-issuer   # a deployment whose identity provider issues caller tokens

Private keys already in the directory are kept; only the public key sets are written again.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'no-issuer': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const dir = resolve(values.out ?? `${dataDir()}/keys`);
  const { files, created } = await writeKeySet(dir, { withIssuer: !values['no-issuer'] });
  const state = (file: string | undefined) => (file && created.includes(file) ? 'new' : 'kept');
  console.log(`Key set in ${dir}:
  ${KEY_FILES.internalPrivate} (${state(files.internalPrivate)})  gateway: INTERNAL_SIGNING_KEY_FILE — keep it secret
  ${KEY_FILES.internalJwks}  network, tracking: INTERNAL_JWKS_FILE`);
  if (files.issuerPrivate) {
    console.log(`  ${KEY_FILES.issuerPrivate} (${state(files.issuerPrivate)})  mints caller tokens: npm run token -- --keys ${dir} --role agent
  ${KEY_FILES.issuerJwks}  gateway: AUTH_JWKS_FILE`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
