'use strict';
// Runs the user flows with Clerk's own @clerk/clerk-js against the emulator and writes what each produced.
//
//   node [--conditions=react-native] flows.cjs <scenario.json>
//
// The scenario (written by tests/fidelity/interop/conftest.py) names the mode, the publishable key, the emulator's URL
// (given to clerk-js as its documented `proxyUrl`), the seeded users, organization, template and ticket, and
// the file to write the results to: {flow: {ok, data, failed_answers} | {ok: false, error}}. Each flow opens
// its own device, so a failure in one does not spoil the others.

const crypto = require('node:crypto');
const fs = require('node:fs');

const { openDevice, failedAnswers } = require('./clerk_device.cjs');

const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const TEST_CODE = '424242';

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// RFC 6238 (SHA-1, 30 s, 6 digits), as an authenticator app computes it.
function totp(secretBase32) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretBase32.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes.push(parseInt(bits.slice(i, i + 8), 2));
  }
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
  const mac = crypto.createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

async function withDevice(body) {
  const { clerk, storage } = await openDevice(scenario);
  return body(clerk, storage);
}

// Signs in with a password and makes the new session active; answers the session.
async function signInWithPassword(clerk, user) {
  const signIn = await clerk.client.signIn.create({ identifier: user.identifier, password: user.password });
  check(signIn.status === 'complete', `sign-in status ${signIn.status}, expected complete`);
  await clerk.setActive({ session: signIn.createdSessionId });
  check(clerk.session?.id === signIn.createdSessionId, 'the new session is not the active one');
  return clerk.session;
}

async function activeSessionSummary(clerk) {
  const token = await clerk.session.getToken({ skipCache: true });
  check(typeof token === 'string' && token.split('.').length === 3, 'getToken() gave no JWT');
  return { user_id: clerk.user.id, session_id: clerk.session.id, client_id: clerk.client.id, token };
}

const flows = {
  async load() {
    return withDevice(async clerk => {
      check(clerk.loaded === true, 'clerk.loaded is not true');
      // Before its first sign-in or sign-up a device may have no client on the server yet; clerk-js still
      // gives it a client resource to start from.
      check(clerk.client && clerk.client.signIn && clerk.client.signUp, 'no client resource after load');
      check(clerk.session === null || clerk.session === undefined, 'a fresh device has an active session');
      const env = clerk.__internal_environment;
      return {
        client_id: clerk.client.id ?? null,
        application_name: env?.displayConfig?.applicationName ?? null,
        instance_type: env?.displayConfig?.instanceEnvironmentType ?? null,
      };
    });
  },

  async sign_up() {
    return withDevice(async clerk => {
      const { email, password, first_name, last_name } = scenario.sign_up;
      let signUp = await clerk.client.signUp.create({ emailAddress: email, password });
      check(signUp.status === 'missing_requirements', `sign-up status ${signUp.status} after create`);
      signUp = await signUp.update({ firstName: first_name, lastName: last_name });
      check(signUp.firstName === first_name, 'update() did not set the first name');
      signUp = await signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
      check(signUp.verifications.emailAddress.status === 'unverified', 'email verification was not prepared');
      signUp = await signUp.attemptEmailAddressVerification({ code: TEST_CODE });
      check(signUp.status === 'complete', `sign-up status ${signUp.status} after verifying the email code`);
      await clerk.setActive({ session: signUp.createdSessionId });
      check(clerk.user?.primaryEmailAddress?.emailAddress === email, 'the new user has not that email');
      return { ...(await activeSessionSummary(clerk)), first_name: clerk.user.firstName };
    });
  },

  async sign_in_password() {
    let kept = null;
    const summary = await withDevice(async (clerk, storage) => {
      kept = storage;
      // clerk-js reads the emulator's error envelope as it reads the real one: code and the field it names.
      let refused = null;
      try {
        await clerk.client.signIn.create({ identifier: scenario.unknown_identifier });
      } catch (error) {
        refused = `${error.errors?.[0]?.code} ${error.errors?.[0]?.meta?.paramName}`;
      }
      check(refused === 'form_identifier_not_found identifier', `an unknown identifier gave ${refused}`);
      await signInWithPassword(clerk, scenario.users.password);
      return activeSessionSummary(clerk);
    });
    // The same device after an app restart or a page reload: loading restores the signed-in session.
    const { clerk: again } = await openDevice(scenario, kept);
    check(again.session?.id === summary.session_id, 'after a reload the session is not active again');
    check(again.user?.id === summary.user_id, 'after a reload the user is not signed in');
    return { ...summary, reloaded_token: await again.session.getToken({ skipCache: true }) };
  },

  async sign_in_email_code() {
    return withDevice(async clerk => {
      const user = scenario.users.email_code;
      let signIn = await clerk.client.signIn.create({ identifier: user.identifier });
      check(signIn.status === 'needs_first_factor', `sign-in status ${signIn.status} after create`);
      const factor = signIn.supportedFirstFactors.find(f => f.strategy === 'email_code');
      check(factor, 'email_code is not a supported first factor');
      signIn = await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor.emailAddressId });
      signIn = await signIn.attemptFirstFactor({ strategy: 'email_code', code: TEST_CODE });
      check(signIn.status === 'complete', `sign-in status ${signIn.status} after the email code`);
      await clerk.setActive({ session: signIn.createdSessionId });
      return activeSessionSummary(clerk);
    });
  },

  async totp_second_factor() {
    return withDevice(async clerk => {
      const user = scenario.users.totp;
      let signIn = await clerk.client.signIn.create({ identifier: user.identifier, password: user.password });
      check(signIn.status === 'needs_second_factor', `sign-in status ${signIn.status}, expected a second factor`);
      check(
        signIn.supportedSecondFactors.some(f => f.strategy === 'totp'),
        'totp is not a supported second factor',
      );
      signIn = await signIn.attemptSecondFactor({ strategy: 'totp', code: totp(user.totp_secret) });
      check(signIn.status === 'complete', `sign-in status ${signIn.status} after the TOTP code`);
      await clerk.setActive({ session: signIn.createdSessionId });
      return activeSessionSummary(clerk);
    });
  },

  async reset_password() {
    const user = scenario.users.reset;
    const summary = await withDevice(async clerk => {
      let signIn = await clerk.client.signIn.create({
        strategy: 'reset_password_email_code',
        identifier: user.identifier,
      });
      check(signIn.status === 'needs_first_factor', `sign-in status ${signIn.status} after create`);
      signIn = await signIn.attemptFirstFactor({ strategy: 'reset_password_email_code', code: TEST_CODE });
      check(signIn.status === 'needs_new_password', `sign-in status ${signIn.status}, expected needs_new_password`);
      signIn = await signIn.resetPassword({ password: user.new_password, signOutOfOtherSessions: true });
      check(signIn.status === 'complete', `sign-in status ${signIn.status} after the new password`);
      await clerk.setActive({ session: signIn.createdSessionId });
      return activeSessionSummary(clerk);
    });
    // The new password works on another device; the old one no longer does.
    await withDevice(async clerk => {
      let refused = null;
      try {
        await clerk.client.signIn.create({ identifier: user.identifier, password: user.password });
      } catch (error) {
        refused = error.errors?.[0]?.code ?? String(error);
      }
      check(refused === 'form_password_incorrect', `the old password gave ${refused}`);
      await signInWithPassword(clerk, { identifier: user.identifier, password: user.new_password });
    });
    return summary;
  },

  async ticket() {
    return withDevice(async clerk => {
      const signIn = await clerk.client.signIn.create({ strategy: 'ticket', ticket: scenario.ticket.ticket });
      check(signIn.status === 'complete', `sign-in status ${signIn.status} with a ticket`);
      await clerk.setActive({ session: signIn.createdSessionId });
      return activeSessionSummary(clerk);
    });
  },

  async multi_session() {
    return withDevice(async clerk => {
      const first = await signInWithPassword(clerk, scenario.users.password);
      const second = await signInWithPassword(clerk, scenario.users.second);
      check(first.id !== second.id, 'the second sign-in reused the first session');
      const ids = clerk.client.signedInSessions.map(s => s.id).sort();
      check(ids.length === 2, `${ids.length} signed-in sessions on the client, expected 2`);
      check(clerk.user.id === scenario.users.second.id, 'the second user is not the active one');
      await clerk.setActive({ session: first.id });
      check(clerk.user.id === scenario.users.password.id, 'switching back did not make the first user active');
      const firstToken = await clerk.session.getToken({ skipCache: true });
      await clerk.setActive({ session: second.id });
      const secondToken = await clerk.session.getToken({ skipCache: true });
      // Signing out of one session leaves the other signed in and active.
      await clerk.signOut({ sessionId: first.id });
      const left = clerk.client.signedInSessions.map(s => s.id);
      check(left.length === 1 && left[0] === second.id, `signed-in sessions after signing one out: ${left}`);
      check(clerk.session?.id === second.id, 'the remaining session is not the active one');
      return {
        session_ids: ids,
        first_token: firstToken,
        second_token: secondToken,
        signed_out_session_id: first.id,
      };
    });
  },

  async organizations() {
    return withDevice(async clerk => {
      const { organization } = scenario;
      await signInWithPassword(clerk, scenario.users.org_member);
      const memberships = clerk.user.organizationMemberships.map(m => m.organization.id);
      check(memberships.includes(organization.id), 'the membership is not on the user');
      // By slug first, then by id (setActive takes either).
      await clerk.setActive({ session: clerk.session.id, organization: organization.slug });
      check(clerk.organization?.id === organization.id, 'setActive by slug did not activate the organization');
      await clerk.setActive({ session: clerk.session.id, organization: null });
      await clerk.setActive({ session: clerk.session.id, organization: organization.id });
      check(clerk.organization?.id === organization.id, 'setActive did not make the organization active');
      const orgActiveToken = await clerk.session.getToken({ skipCache: true });
      await clerk.setActive({ session: clerk.session.id, organization: null });
      check(!clerk.organization, 'setActive({organization: null}) left an organization active');
      const plain = await clerk.session.getToken({ skipCache: true });
      const template = await clerk.session.getToken({ template: scenario.template.name, skipCache: true });
      const explicitOrg = await clerk.session.getToken({ organizationId: organization.id, skipCache: true });
      return {
        user_id: clerk.user.id,
        session_id: clerk.session.id,
        tokens: { org_active: orgActiveToken, plain, template, organization: explicitOrg },
      };
    });
  },

  async sign_out() {
    return withDevice(async clerk => {
      const session = await signInWithPassword(clerk, scenario.users.password);
      await clerk.signOut();
      check(!clerk.session, 'a session is still active after signOut()');
      check(!clerk.user, 'a user is still set after signOut()');
      return { session_id: session.id };
    });
  },

  async destroy() {
    return withDevice(async clerk => {
      const session = await signInWithPassword(clerk, scenario.users.password);
      const clientId = clerk.client.id;
      await clerk.client.destroy();
      check(clerk.client.id === '' && clerk.client.sessions.length === 0, 'the client survived destroy()');
      return { session_id: session.id, client_id: clientId };
    });
  },
};

async function main() {
  const results = {};
  const only = scenario.flows ?? Object.keys(flows);
  for (const name of only) {
    failedAnswers.length = 0;
    try {
      results[name] = { ok: true, data: await flows[name]() };
      results[name].failed_answers = [...failedAnswers];
    } catch (error) {
      const codes = (error?.errors ?? []).map(e => `${e.code}: ${e.longMessage ?? e.message}`);
      results[name] = {
        ok: false,
        error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}${codes.length ? ` [${codes.join('; ')}]` : ''}`,
      };
    }
  }
  fs.writeFileSync(scenario.results_path, JSON.stringify(results, null, 1));
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`flows.cjs failed: ${error?.stack ?? error}\n`);
    process.exit(2);
  },
);
