// The operations dashboard: plain JavaScript, no build step. It learns who is signed in from /api/session (with the
// CSRF token every change carries), polls /api/dashboard and renders the tables; countdowns tick every second from
// the server's clock offset. Its words come from the bundle the server put in #texts (the browser's language).
(function () {
  'use strict';
  const T = JSON.parse(document.getElementById('texts').textContent);
  let data = null;
  let me = null;
  let skew = 0; // server now minus browser now, in ms

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    });
    (children || []).forEach(c => e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c));
    return e;
  }

  // A role code (ROOM_MANAGER) in the page's language; the API keeps the codes.
  function role(code) {
    return T['role.' + code] || code;
  }

  // "赵六 (ROOM_MANAGER)" as "赵六 (运营室经理)"
  function who(label) {
    return String(label).replace(/\(([A-Z][A-Z0-9_]+)\)/g, (m, code) => '(' + role(code) + ')');
  }

  function t(key, args) {
    return (T[key] || key).replace(/\{(\w+)\}/g, (m, k) => (args && k in args) ? String(args[k]) : m);
  }

  // Times are shown in the host's zone (the calendar's, Asia/Shanghai by default), whatever the browser's.
  function fmt(iso) {
    const opts = { hour12: false };
    if (data && data.zone) opts.timeZone = data.zone;
    return new Date(iso).toLocaleString('zh-CN', opts);
  }

  function countdown(iso) {
    if (!iso) return { text: t('page.timely'), overdue: false };
    const ms = Date.parse(iso) - (Date.now() + skew);
    const abs = Math.abs(ms);
    const h = Math.floor(abs / 3600000), m = Math.floor(abs / 60000) % 60, s = Math.floor(abs / 1000) % 60;
    const d = (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + s + 's';
    return ms >= 0 ? { text: t('page.in') + ' ' + d, overdue: false } : { text: t('page.overdue') + ' ' + d, overdue: true };
  }

  function fill(tbody, rows, empty) {
    tbody.replaceChildren(...(rows.length ? rows : [el('tr', {}, [el('td', { colspan: '4', class: 'muted', text: empty })])]));
  }

  function faultRow(f) {
    return el('tr', { 'data-fault': f.faultId }, [
      el('td', {}, [el('a', { href: '/faults/' + encodeURIComponent(f.faultId), class: 'fault-link', title: t('fault.timeline') }, [el('strong', { text: f.faultId })]), el('div', { class: 'muted', text: f.subject || '' })]),
      el('td', { class: 'level ' + f.currentLevel }, [f.currentLevel + ' ' + f.severityLabel,
        el('div', { class: 'muted rules', text: (f.matchedRules || []).join(' ') }),
        f.repairedAt ? el('div', { class: 'repaired', text: t('page.repaired') + ' ' + fmt(f.repairedAt) }) : '']),
      el('td', { class: 'level ' + f.peakLevel, text: f.peakLevel }),
      el('td', {}, f.nextDuties.map(d => {
        const c = countdown(d.dueAt);
        return el('div', { class: 'duty', title: d.action + ' (' + d.channel + ')' }, [el('code', { text: d.ruleId }), ' ' + who(d.actor) + ' → ' + who(d.target) + ' ',
          el('span', { class: 'due' + (c.overdue ? ' overdue' : ''), 'data-due': d.dueAt || '', text: c.text })]);
      }))
    ]);
  }

  // A workflow's event (applyViaAms) in the page's language; the API keeps the names, shown on hover.
  function eventName(name) {
    return T['event.' + name] || name;
  }

  // A data-operation or cutover state (SUPERVISOR_APPROVED) in the page's language.
  function stateName(name) {
    return T['workflowState.' + name] || name;
  }

  // "复核通过 → 已复核: 数据操作审核人": the step, where it leads and who may take it (the manual's posts)
  function nextStep(n) {
    const who = n.roles.length ? n.roles.map(role).join(' / ') : t('page.anyone');
    return el('div', { class: 'step', 'data-event': n.event }, [el('span', { class: 'event', title: n.event, text: eventName(n.event) }),
      (n.to ? ' → ' + stateName(n.to) : '') + ': ', el('span', { class: 'who', text: who })]);
  }

  function can(role) {
    return !!(me && me.roles.indexOf(role) >= 0);
  }

  function render() {
    if (!data) return;
    document.getElementById('now').textContent = fmt(Date.now() + skew);
    document.getElementById('clock').textContent = '(' + t(data.clock === 'DATA' ? 'page.clock.data' : 'page.clock.wall') + ')';
    const runs = document.getElementById('runs');
    runs.hidden = !data.earlierRuns;
    runs.textContent = data.earlierRuns ? t('page.earlierRuns', { count: data.earlierRuns }) : '';
    fill(document.querySelector('#faults tbody'), data.faults.map(faultRow), t('page.noOpenFaults'));
    fill(document.querySelector('#repaired tbody'), (data.repaired || []).map(faultRow), t('page.noRepairedFaults'));
    fill(document.querySelector('#messages tbody'), data.messages.map(m => el('tr', { 'data-message': m.key }, [
      el('td', {}, [el('code', { text: m.key }), el('div', { class: 'muted', text: m.messageType + ' · ' + (m.recipientClasses || []).join(',') + ' · ' + m.recipientCount })]),
      el('td', { class: 'state ' + m.state, text: m.state }),
      el('td', { class: 'text', text: m.text }),
      el('td', {}, m.state === 'IN_REVIEW' ? [
        el('button', { 'data-action': 'approve', 'data-key': m.key, text: t('page.approve') }),
        el('button', { 'data-action': 'reject', 'data-key': m.key, text: t('page.reject') })]
        : m.state === 'APPROVED' && can('DUTY_68284') ? [el('button', { 'data-action': 'send', 'data-key': m.key,
          'data-classes': (m.recipientClasses || []).join(','), 'data-count': String(m.recipientCount), text: t('page.send') })] : [])
    ])), t('page.noMessages'));
    const doubts = data.inDoubt || [];
    document.getElementById('in-doubt').hidden = !doubts.length;
    fill(document.querySelector('#in-doubt-messages tbody'), doubts.map(m => el('tr', { 'data-in-doubt': m.key }, [
      el('td', {}, [el('code', { text: m.key }), el('div', { class: 'muted', text: m.messageType + ' · ' + (m.recipientClasses || []).join(',') + ' · ' + m.recipientCount })]),
      el('td', { class: 'muted', text: fmt(m.updatedAt) }),
      el('td', { class: 'text', text: m.text }),
      // the 68284 desk resolves any; 地球村 its own drafts: the server says which are the signed-in person's
      el('td', {}, m.mayResolve ? [
        el('button', { 'data-action': 'confirm-sent', 'data-key': m.key, text: t('page.confirmSent') }),
        el('button', { 'data-action': 'resend', 'data-key': m.key, 'data-classes': (m.recipientClasses || []).join(','),
          'data-count': String(m.recipientCount), text: t('page.resend') })]
        : [el('span', { class: 'muted', text: t('page.inDoubtWaits') })])
    ])), '');
    fill(document.querySelector('#dataops tbody'), data.workflows.map(w => el('tr', { 'data-workflow': w.id }, [
      el('td', { text: w.id }), el('td', { text: w.machine }), el('td', { class: 'state', 'data-state': w.state, title: w.state, text: stateName(w.state) }),
      el('td', { class: 'muted', text: fmt(w.updatedAt) }),
      el('td', { class: 'next' }, (w.nextSteps || []).length ? w.nextSteps.map(nextStep) : [el('span', { class: 'muted', text: t('page.noNextStep') })])
    ])), t('page.noDataops'));
  }

  function tick() {
    document.querySelectorAll('.due[data-due]').forEach(s => {
      const c = countdown(s.getAttribute('data-due') || null);
      s.textContent = c.text;
      s.classList.toggle('overdue', c.overdue);
    });
    if (data) document.getElementById('now').textContent = fmt(Date.now() + skew);
  }

  async function session() {
    const r = await fetch('/api/session', { cache: 'no-store' });
    if (r.status === 401) { location.href = '/login'; return; }
    me = await r.json();
    document.getElementById('me').textContent = me.name + ' (' + me.id + ')';
    document.getElementById('roles').textContent = me.roles.map(role).join(' · ');
  }

  async function load() {
    try {
      const r = await fetch('/api/dashboard', { cache: 'no-store' });
      if (r.status === 401) { location.href = '/login'; return; }
      if (!r.ok) throw new Error('HTTP ' + r.status);
      data = await r.json();
      skew = Date.parse(data.now) - Date.now();
      render();
      document.getElementById('state').textContent = t('page.live');
      document.getElementById('state').setAttribute('data-state', 'live');
    } catch (e) {
      document.getElementById('state').textContent = t('page.offline') + ': ' + e.message;
      document.getElementById('state').setAttribute('data-state', 'offline');
    }
  }

  function notice(text, isError) {
    const n = document.getElementById('notice');
    n.textContent = text;
    n.classList.toggle('error', !!isError);
    n.hidden = !text;
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
      body: JSON.stringify(body) });
  }

  // A mass SMS is sent, or a send in doubt sent again, only after the person confirms the classes and the number of
  // people it reaches.
  function confirmSend(b, question) {
    return new Promise(resolve => {
      const box = document.getElementById('confirm');
      document.getElementById('confirm-text').textContent = t(question,
        { key: b.getAttribute('data-key'), classes: b.getAttribute('data-classes'), count: b.getAttribute('data-count') });
      box.hidden = false;
      const done = (ok) => { box.hidden = true; yes.onclick = null; no.onclick = null; resolve(ok); };
      const yes = document.getElementById('confirm-yes');
      const no = document.getElementById('confirm-no');
      yes.onclick = () => done(true);
      no.onclick = () => done(false);
    });
  }

  // Approve, reject and send answer with the rule that refused them; the page shows it instead of a blocking dialog.
  document.addEventListener('click', async (ev) => {
    const b = ev.target.closest('button[data-action]');
    if (!b) return;
    const action = b.getAttribute('data-action');
    if (action === 'send' && !(await confirmSend(b, 'page.confirmSend'))) { notice(t('page.cancelled'), false); return; }
    if (action === 'resend' && !(await confirmSend(b, 'page.confirmResend'))) { notice(t('page.cancelled'), false); return; }
    b.disabled = true;
    const body = { key: b.getAttribute('data-key') };
    if (action === 'reject') body.reason = document.getElementById('reason').value;
    const r = await post('/api/messages/' + action, body);
    const answer = await r.json().catch(() => ({}));
    if (r.ok) {
      notice(body.key + ': ' + (answer.state || 'done') + (answer.delivered ? ', ' + t('page.delivered') : ''), false);
    } else {
      notice((answer.error && answer.error.message) || ('HTTP ' + r.status), true);
    }
    await load();
  });

  document.getElementById('signout').addEventListener('click', async () => {
    await post('/logout', {});
    location.href = '/login';
  });

  // The live reminder feed: due duties as the server's reminder gave them, newest first.
  let lastReminder = 0;
  async function reminders() {
    const r = await fetch('/api/v1/reminders?after=' + lastReminder, { credentials: 'same-origin' });
    if (!r.ok) return;
    const list = document.getElementById('reminders');
    for (const x of (await r.json()).reminders) {
      lastReminder = Math.max(lastReminder, x.seq);
      if (list.firstElementChild && list.firstElementChild.classList.contains('muted')) list.replaceChildren();
      list.prepend(el('li', { 'data-rule': x.ruleId }, [el('strong', { text: x.ruleId + ' ' + x.subjectId }),
        ' ' + x.text, el('span', { class: 'muted', text: ' ' + fmt(x.at) })]));
    }
  }

  session().then(load).then(reminders);
  setInterval(load, 5000);
  setInterval(reminders, 5000);
  setInterval(tick, 1000);
})();
