'use strict';
// Verifies session tokens with Clerk's own @clerk/backend, networkless (with the instance's PEM public key),
// as a Node backend would:
//
//   node verify.cjs <job.json>
//
// The job (written by tests/fidelity/interop/test_backends.py) holds `jwt_key`, `publishable_key`, `results_path` and
// `tokens`: [{name, token, authorized_parties?}]. For each token it writes what `verifyToken` answered (the
// claims, or the error's reason) and what `authenticateRequest` made of a request carrying the token as a
// Bearer header (signed in or not, and the auth object's ids).

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const requireInstalled = createRequire(path.join(process.env.CLERK_INTEROP_PREFIX, 'package.json'));
const { verifyToken, createClerkClient } = requireInstalled('@clerk/backend');

const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

async function verifyOne({ token, authorized_parties: authorizedParties }) {
  const out = {};
  try {
    out.claims = await verifyToken(token, { jwtKey: job.jwt_key, authorizedParties });
  } catch (error) {
    out.verify_error = error?.reason ?? error?.message ?? String(error);
  }
  // authenticateRequest insists on a secret key even when it verifies networkless with `jwtKey`; this one
  // is never sent anywhere (there is no Backend API here, and nothing needs one).
  const clerk = createClerkClient({
    publishableKey: job.publishable_key,
    secretKey: 'sk_test_networkless',
    jwtKey: job.jwt_key,
  });
  const request = new Request('http://localhost:3000/api/me', {
    headers: { authorization: `Bearer ${token}` },
  });
  const state = await clerk.authenticateRequest(request, { jwtKey: job.jwt_key, authorizedParties });
  out.request_state = { is_signed_in: state.isSignedIn, status: state.status, reason: state.reason ?? null };
  if (state.isSignedIn) {
    const auth = state.toAuth();
    out.auth = {
      user_id: auth.userId ?? null,
      session_id: auth.sessionId ?? null,
      org_id: auth.orgId ?? null,
      org_slug: auth.orgSlug ?? null,
      org_role: auth.orgRole ?? null,
      org_permissions: auth.orgPermissions ?? null,
      session_status: auth.sessionStatus ?? null,
      // What an app's `auth.has()` answers for a system permission, which never appears in a real token.
      has_sys_profile_manage: auth.has({ permission: 'org:sys_profile:manage' }),
      has_admin_role: auth.has({ role: 'org:admin' }),
    };
  }
  return out;
}

async function main() {
  const results = {};
  for (const item of job.tokens) {
    results[item.name] = await verifyOne(item);
  }
  fs.writeFileSync(job.results_path, JSON.stringify(results, null, 1));
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`verify.cjs failed: ${error?.stack ?? error}\n`);
    process.exit(2);
  },
);
