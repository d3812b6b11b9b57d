import { initAll } from '/lib/nhsuk/nhsuk-frontend.min.js';

initAll();

// Warns a signed-in user before their session ends for want of activity, and lets them stay signed in. Without
// JavaScript there is no warning: the next page after the timeout asks them to sign in again.
const body = document.body;
const timeout = Number(body.dataset.idleTimeout || 0);
const warning = Number(body.dataset.idleWarning || 0);
const dialog = document.getElementById('idle-warning');
if (timeout > 0 && dialog && typeof dialog.showModal === 'function') {
  let warnAt;
  let endAt;
  let ticker;
  const countdown = dialog.querySelector('[data-idle-countdown]');
  const schedule = () => {
    clearTimeout(warnAt);
    clearTimeout(endAt);
    warnAt = setTimeout(warn, (timeout - warning) * 1000);
    endAt = setTimeout(() => { window.location.href = '/signed-out?reason=idle'; }, timeout * 1000);
  };
  const warn = () => {
    const until = Date.now() + warning * 1000;
    const tick = () => {
      const left = Math.max(0, Math.round((until - Date.now()) / 1000));
      countdown.textContent = left >= 60 ? `${Math.ceil(left / 60)} minutes` : `${left} seconds`;
    };
    tick();
    ticker = setInterval(tick, 1000);
    dialog.showModal();
  };
  dialog.querySelector('[data-idle-stay]').addEventListener('click', async () => {
    clearInterval(ticker);
    const answer = await fetch('/session/keep-alive', { method: 'POST', headers: { 'X-Requested-With': 'fetch' }, credentials: 'same-origin' });
    dialog.close();
    if (answer.ok) { schedule(); } else { window.location.href = '/signed-out?reason=idle'; }
  });
  schedule();
}
