import { parseArgs } from 'node:util';
import { CallerTokenIssuer, callerTokenSettings, loadLocalKeys, parseRoles, Role } from '@courierdesk/platform-auth';
import { dataDir } from '@courierdesk/platform-db';

const HELP = `Mint a caller token from the local demo issuer (.data/keys), as an identity provider would.

  npm run token -- --role agent
  npm run token -- --role outlet_partner --outlet <outlet uuid> [--scope "network:read network:write"]
  npm run token -- --role analyst --expires 1h
  npm run token -- --role scanner --scope "tracking:ingest tracking:ingest:any"     (hub / HQ scanner: scans anywhere)
  npm run token -- --role outlet_partner --role scanner --outlet <outlet uuid>       (an outlet's scanner: its outlet only)

Options: --role (repeatable: ${Object.values(Role).join(', ')}), --outlet, --scope, --subject, --expires (default 8h).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      outlet: { type: 'string' },
      scope: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const roles = parseRoles(values.role ?? []);
  if (values.help || roles.length === 0) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  if (roles.includes(Role.OUTLET_PARTNER) && !values.outlet) throw new Error('--outlet is required for an outlet_partner token');
  const { issuer } = await loadLocalKeys(dataDir());
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
