// Small progressive enhancements; every page works without JavaScript.
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-copy]');
  if (button && navigator.clipboard) {
    navigator.clipboard.writeText(button.dataset.copy);
    button.textContent = button.dataset.copied || 'Copied';
  }
});
// Countdowns: <span data-deadline="2026-11-26T10:00:00Z">; shows the true time left.
function tick() {
  document.querySelectorAll('[data-deadline]').forEach((el) => {
    const left = Math.max(0, Date.parse(el.dataset.deadline) - Date.now());
    const s = Math.floor(left / 1000);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    el.textContent = (h > 0 ? h + ':' : '') + String(m).padStart(2, '0') + ':' + String(sec).padStart(2, '0');
  });
}
setInterval(tick, 1000);
document.addEventListener('DOMContentLoaded', tick);
