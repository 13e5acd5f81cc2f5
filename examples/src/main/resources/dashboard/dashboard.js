// The operations dashboard: plain JavaScript, no build step. It polls /api/dashboard and renders three tables;
// countdowns tick every second from the server's clock offset.
(function () {
  'use strict';
  let data = null;
  let skew = 0; // server now minus browser now, in ms

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    });
    (children || []).forEach(c => e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
    return e;
  }

  // Times are shown in the host's zone (the calendar's, Asia/Shanghai by default), whatever the browser's.
  function fmt(iso) {
    const opts = { hour12: false };
    if (data && data.zone) opts.timeZone = data.zone;
    return new Date(iso).toLocaleString('zh-CN', opts);
  }

  function countdown(iso) {
    if (!iso) return { text: 'timely (及时)', overdue: false };
    const ms = Date.parse(iso) - (Date.now() + skew);
    const abs = Math.abs(ms);
    const h = Math.floor(abs / 3600000), m = Math.floor(abs / 60000) % 60, s = Math.floor(abs / 1000) % 60;
    const t = (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + s + 's';
    return ms >= 0 ? { text: 'in ' + t, overdue: false } : { text: 'overdue ' + t, overdue: true };
  }

  function fill(tbody, rows, empty) {
    tbody.replaceChildren(...(rows.length ? rows : [el('tr', {}, [el('td', { colspan: '4', class: 'muted', text: empty })])]));
  }

  function render() {
    if (!data) return;
    document.getElementById('now').textContent = fmt(Date.now() + skew);
    fill(document.querySelector('#faults tbody'), data.faults.map(f => el('tr', { 'data-fault': f.faultId }, [
      el('td', {}, [el('strong', { text: f.faultId }), el('div', { class: 'muted', text: f.subject || '' })]),
      el('td', { class: 'level ' + f.currentLevel }, [f.currentLevel + ' ' + f.severityLabel,
        el('div', { class: 'muted rules', text: (f.matchedRules || []).join(' ') }),
        f.repairedAt ? el('div', { class: 'repaired', text: 'repaired ' + fmt(f.repairedAt) }) : '']),
      el('td', { class: 'level ' + f.peakLevel, text: f.peakLevel }),
      el('td', {}, f.nextDuties.map(d => {
        const c = countdown(d.dueAt);
        return el('div', { class: 'duty', title: d.action + ' (' + d.channel + ')' }, [el('code', { text: d.ruleId }), ' ' + d.actor + ' → ' + d.target + ' ',
          el('span', { class: 'due' + (c.overdue ? ' overdue' : ''), 'data-due': d.dueAt || '', text: c.text })]);
      }))
    ])), 'No open faults.');
    fill(document.querySelector('#messages tbody'), data.messages.map(m => el('tr', { 'data-message': m.key }, [
      el('td', {}, [el('code', { text: m.key }), el('div', { class: 'muted', text: m.messageType + ' · ' + (m.recipientClasses || []).join(',') })]),
      el('td', { class: 'state ' + m.state, text: m.state }),
      el('td', { class: 'text', text: m.text }),
      el('td', {}, m.state === 'IN_REVIEW' ? [
        el('button', { 'data-action': 'approve', 'data-key': m.key, text: 'Approve' }),
        el('button', { 'data-action': 'reject', 'data-key': m.key, text: 'Reject' })]
        : m.state === 'APPROVED' ? [el('button', { 'data-action': 'approve', 'data-key': m.key, text: 'Send' })] : [])
    ])), 'No messages.');
    fill(document.querySelector('#dataops tbody'), data.workflows.map(w => el('tr', { 'data-workflow': w.id }, [
      el('td', { text: w.id }), el('td', { text: w.machine }), el('td', { class: 'state', text: w.state }),
      el('td', { class: 'muted', text: fmt(w.updatedAt) })
    ])), 'No data operations.');
  }

  function tick() {
    document.querySelectorAll('.due[data-due]').forEach(s => {
      const c = countdown(s.getAttribute('data-due') || null);
      s.textContent = c.text;
      s.classList.toggle('overdue', c.overdue);
    });
    if (data) document.getElementById('now').textContent = fmt(Date.now() + skew);
  }

  async function load() {
    try {
      const r = await fetch('/api/dashboard', { cache: 'no-store' });
      if (!r.ok) throw new Error('HTTP ' + r.status);
      data = await r.json();
      skew = Date.parse(data.now) - Date.now();
      const sel = document.getElementById('reviewer');
      if (!sel.options.length) {
        (data.reviewers || []).forEach(p => sel.appendChild(el('option', { value: p.id, text: p.label })));
      }
      render();
      document.getElementById('state').textContent = 'live';
    } catch (e) {
      document.getElementById('state').textContent = 'offline: ' + e.message;
    }
  }

  function notice(text, isError) {
    const n = document.getElementById('notice');
    n.textContent = text;
    n.classList.toggle('error', !!isError);
    n.hidden = !text;
  }

  // Approve and reject answer with the rule that refused them; the page shows it instead of a blocking dialog.
  document.addEventListener('click', async (ev) => {
    const b = ev.target.closest('button[data-action]');
    if (!b) return;
    b.disabled = true;
    const action = b.getAttribute('data-action');
    const body = { key: b.getAttribute('data-key'), reviewerId: document.getElementById('reviewer').value };
    if (action === 'reject') body.reason = document.getElementById('reason').value;
    const r = await fetch('/api/messages/' + action, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await r.json().catch(() => ({}));
    if (r.ok) {
      notice(body.key + ': ' + (answer.state || 'done') + (answer.delivered ? ', delivered' : ''), false);
    } else {
      notice((answer.error && answer.error.message) || ('HTTP ' + r.status), true);
    }
    await load();
  });

  load();
  setInterval(load, 5000);
  setInterval(tick, 1000);
})();
