import type { TRole } from '../../../contracts/common';
import type { RequestContext } from '../../platform/auth/context';
import { getMeta, setMeta } from '../../platform/db/meta';
import { seedOfficeDirectory } from '../office-directory/index';
import { createOffice, listOffices } from '../offices/index';
import { createUser, ensureAdmin } from '../users/index';
import { seedDemoCompanies } from './demo.companies';
import { seedDemoPlaces } from './demo.places';
import { seedSyntheticDemo } from './demo.synthetic';

/** Password of every demo account (README "Demo logins"). Never used outside demo mode. */
export const DEMO_PASSWORD = 'kausa-demo-2026';

/** Demo accounts: one per role, plus a counsellor of the second service centre (to show office separation). */
export const DEMO_USERS: ReadonlyArray<{
  email: string;
  displayName: string;
  role: TRole;
  office: 'state' | 'dus' | 'hagen';
}> = [
  {
    email: 'coordinator@kausa.example',
    displayName: 'Clara Koordination',
    role: 'coordinator',
    office: 'state',
  },
  { email: 'counsellor@kausa.example', displayName: 'Deniz Beratung', role: 'counsellor', office: 'dus' },
  {
    email: 'counsellor.hagen@kausa.example',
    displayName: 'Hanna Beratung',
    role: 'counsellor',
    office: 'hagen',
  },
  { email: 'volunteer@kausa.example', displayName: 'Vera Elternlotsin', role: 'volunteer', office: 'dus' },
  { email: 'viewer@kausa.example', displayName: 'Viktor Förderer', role: 'viewer', office: 'state' },
];

/**
 * Seeds the demo installation once (marker `demo_seeded` in `app_meta`): the admin with the demo
 * password, a state office (NRW) with the service centres Düsseldorf and Hagen (from the seed pages),
 * one account per role, the public office directory imported from `data/kausa-offices/` and the demo
 * companies of Düsseldorf and Hagen (`demo.companies.ts`) with their training places (`demo.places.ts`),
 * and a few hundred synthetic clients with cases, companies and places around both offices
 * (`demo.synthetic.ts`, from the matching module's generator). Safe to call at every start.
 * @param ctx a system context
 * @returns true when it seeded now
 */
export async function seedDemo(ctx: RequestContext): Promise<boolean> {
  if (await getMeta(ctx.db, 'demo_seeded')) return false;
  await ensureAdmin(ctx, { password: DEMO_PASSWORD, mustChange: false });
  const root = (await listOffices(ctx)).find((o) => o.parentId === null);
  if (!root) throw new Error('no root office');
  const state = await createOffice(ctx, {
    parentId: root.id,
    kind: 'state_office',
    name: 'KAUSA Landesstelle Nordrhein-Westfalen',
    landCode: '05',
  });
  const dus = await createOffice(ctx, {
    parentId: state.id,
    kind: 'service_centre',
    name: 'KAUSA Servicestelle Düsseldorf',
    landCode: '05',
  });
  const hagen = await createOffice(ctx, {
    parentId: state.id,
    kind: 'service_centre',
    name: 'KAUSA Servicestelle Hagen',
    landCode: '05',
  });
  const officeIds = { state: state.id, dus: dus.id, hagen: hagen.id };
  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const { user } = await createUser(ctx, {
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      officeId: officeIds[u.office],
      locale: 'de',
      password: DEMO_PASSWORD,
    });
    userIds.set(u.email, user.id);
  }
  // The public office directory from the seed pages, its Düsseldorf and Hagen entries linked to the tree.
  await seedOfficeDirectory(ctx, [dus, hagen]);
  await seedDemoCompanies(ctx, {
    dusOfficeId: dus.id,
    hagenOfficeId: hagen.id,
    dusCounsellorId: userIds.get('counsellor@kausa.example') as string,
    hagenCounsellorId: userIds.get('counsellor.hagen@kausa.example') as string,
  });
  // Their training places (after the companies: looked up by name and postcode in each office).
  await seedDemoPlaces(ctx, {
    dusOfficeId: dus.id,
    hagenOfficeId: hagen.id,
    dusCounsellorId: userIds.get('counsellor@kausa.example') as string,
    hagenCounsellorId: userIds.get('counsellor.hagen@kausa.example') as string,
  });
  // A few hundred synthetic clients with cases, companies and places around both offices (issue 6).
  const started = performance.now();
  const counts = await seedSyntheticDemo(ctx, {
    dus: { officeId: dus.id, counsellorId: userIds.get('counsellor@kausa.example') as string },
    hagen: { officeId: hagen.id, counsellorId: userIds.get('counsellor.hagen@kausa.example') as string },
  });
  ctx.log.info({ counts, ms: Math.round(performance.now() - started) }, 'synthetic demo records seeded');
  await setMeta(ctx.db, 'demo_seeded', new Date().toISOString());
  return true;
}
