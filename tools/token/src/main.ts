import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CallerTokenIssuer, callerTokenSettings, fromPrivateJwk, loadLocalKeys, parseRoles, Role, type SigningKey } from '@courierdesk/platform-auth';
import { dataDir } from '@courierdesk/platform-db';

const HELP = `Mint a caller token from the local demo issuer (.data/keys), as an identity provider would.

  npm run token -- --role agent
  npm run token -- --role outlet_partner --outlet <outlet uuid> [--scope "network:read network:write"]
  npm run token -- --role analyst --expires 1h
  npm run token -- --role scanner --scope "tracking:ingest tracking:ingest:any"     (hub / HQ scanner: scans anywhere)
  npm run token -- --role outlet_partner --role scanner --outlet <outlet uuid>       (an outlet's scanner: its outlet only)
  npm run token -- --keys /etc/courierdesk/keys --role scanner   # a key set written by npm run keys -- --out …

Options: --role (repeatable: ${Object.values(Role).join(', ')}), --outlet, --scope, --subject, --expires (default 8h),
--keys <dir> (a key set written by npm run keys; default the local demo issuer in .data/keys).
The issuer and audience follow AUTH_ISSUER and AUTH_AUDIENCE, as the gateway's do.`;

/** The issuer key: from a key set written by `npm run keys`, else the local demo issuer (created on first use). */
async function issuerKey(keysDir: string | undefined): Promise<SigningKey> {
  if (!keysDir) return (await loadLocalKeys(dataDir())).issuer;
  const file = join(keysDir, 'demo-issuer.private.jwk.json');
  try {
    return await fromPrivateJwk(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new Error(`cannot read the issuer key ${file} (write it with: npm run keys -- --out ${keysDir}): ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      outlet: { type: 'string' },
      scope: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      keys: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const roles = parseRoles(values.role ?? []);
  if (values.help || roles.length === 0) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  if (roles.includes(Role.OUTLET_PARTNER) && !values.outlet) throw new Error('--outlet is required for an outlet_partner token');
  const issuer = await issuerKey(values.keys);
  const token = await new CallerTokenIssuer(issuer, callerTokenSettings()).mint(
    { subject: values.subject ?? `${roles[0]}-cli`, roles, outletId: values.outlet ?? null, scopes: values.scope?.split(/\s+/) },
    { expiresIn: values.expires },
  );
  console.log(token);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
