// The admin page: accounts (create with a generated password shown once, disable, new password),
// the sign-in audit and the log of who read point-level data. Plain DOM, the session cookie and
// its CSRF token (common.js's api()).
import { api, escapeHtml, session, show, signInForm } from './common.js';

const $ = (id) => document.getElementById(id);
const time = (t) => (t ? new Date(t).toLocaleString() : '');
const fill = (id, rows) => { $(id).querySelector('tbody').innerHTML = rows.join(''); };
const cells = (values) => `<tr>${values.map((v) => `<td>${escapeHtml(String(v ?? ''))}</td>`).join('')}</tr>`;

function reveal(text) {
  $('secret').textContent = text;
  $('secret').hidden = false;
}

async function loadUsers() {
  const { items } = await api('/api/admin/users');
  fill('users', items.map((u) => `<tr><td>${escapeHtml(u.name)}</td><td>${u.role}</td>`
    + `<td>${u.disabledAt ? 'disabled' : 'active'}</td><td>${time(u.createdAt)}</td><td>${time(u.passwordSetAt)}</td><td>`
    + `<button type="button" data-act="password" data-name="${escapeHtml(u.name)}">New password</button> `
    + (u.disabledAt ? '' : `<button type="button" data-act="disable" data-name="${escapeHtml(u.name)}">Disable</button>`)
    + '</td></tr>'));
}

async function loadAudit() {
  const signIns = await api('/api/admin/sign-ins?limit=200');
  fill('signins', signIns.items.map((e) => cells([time(e.at), e.name, e.outcome, e.address])));
  const user = $('logUser').value.trim();
  const log = await api(`/api/admin/access-log?limit=200${user ? `&user=${encodeURIComponent(user)}` : ''}`);
  fill('log', log.items.map((e) => cells([time(e.at), e.caller, e.role, e.via, `${e.method} ${e.path}`, e.query])));
}

$('users').addEventListener('click', async (ev) => {
  const b = ev.target.closest('button[data-act]');
  if (!b) return;
  const name = b.dataset.name;
  try {
    if (b.dataset.act === 'disable') {
      if (!window.confirm(`Disable ${name}? Their sessions end at once.`)) return;
      await api(`/api/admin/users/${encodeURIComponent(name)}/disable`, { method: 'POST', as: 'text' });
      show(`Disabled ${name}.`);
    } else {
      const r = await api(`/api/admin/users/${encodeURIComponent(name)}/password`, { method: 'POST', body: {} });
      reveal(`New password for ${name} (shown only now): ${r.password}`);
    }
    await Promise.all([loadUsers(), loadAudit()]);
  } catch (e) {
    show(e.message, true);
  }
});

$('create').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const r = await api('/api/admin/users', { method: 'POST', body: { name: $('newName').value, role: $('newRole').value } });
    reveal(`Created ${r.user.name} (${r.user.role}). Password (shown only now): ${r.password}`);
    $('newName').value = '';
    await loadUsers();
  } catch (e) {
    show(e.message, true);
  }
});

$('logFilter').addEventListener('submit', (ev) => {
  ev.preventDefault();
  loadAudit().catch((e) => show(e.message, true));
});

(async () => {
  signInForm();
  const who = await session();
  if (who.role !== 'admin') {
    show(who.authenticated ? `Signed in as ${who.name} (${who.role}): this page is for admins.`
      : 'Sign in as an admin to manage accounts and read the audit.', who.authenticated);
    return;
  }
  show(`Signed in as ${who.name} (admin).`);
  await Promise.all([loadUsers(), loadAudit()]);
})().catch((e) => show(e.message, true));
