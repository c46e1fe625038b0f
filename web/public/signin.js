// The sign-in page: name and password → POST /api/session, which sets the HttpOnly session cookie;
// then back to the view the person came from (?next=/patrol), never to another site.
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const next = /^\/(patrol|community|admin)?$/.test(params.get('next') || '') ? params.get('next') : '/';
if (params.has('expired')) {
  $('status').textContent = 'That sign-in link has been used or has expired: sign in with your name and password, or ask for a new link.';
}

$('form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('submit').disabled = true;
  $('status').classList.remove('error');
  $('status').textContent = 'Signing in…';
  try {
    const res = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: $('name').value, password: $('password').value }) });
    if (res.ok) {
      location.replace(next);
      return;
    }
    const problem = await res.json().catch(() => ({}));
    $('status').textContent = res.status === 401 ? 'Wrong name or password.'
      : (problem.detail || `Sign-in failed (${res.status}).`);
  } catch (e) {
    $('status').textContent = 'The hotbeat server cannot be reached. Is it running?';
  }
  $('status').classList.add('error');
  $('password').value = '';
  $('submit').disabled = false;
});
