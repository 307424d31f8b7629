// The human agent console. Everything a message or a customer wrote is put on the page as text
// (textContent), never as HTML. Writes carry the CSRF token from the support_csrf cookie.
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var me = null;
  var queue = [];
  var mine = [];
  var open = null;        // the handoff shown in the conversation view
  var shown = {};         // message ids already in the transcript
  var early = null;       // live messages that arrive while the transcript is still loading
  var events = null;

  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)support_csrf=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function api(method, path, body) {
    var options = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (method !== 'GET') {
      options.headers['X-CSRF-Token'] = csrf();
    }
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      if (response.status === 401) {
        showSignIn();
        throw new Error('signed out');
      }
      return response.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!response.ok) {
          var error = new Error((data && (data.detail || data.title)) || ('HTTP ' + response.status));
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function notice(text) {
    $('notice').textContent = text || '';
  }

  // ---- sign in -------------------------------------------------------------------------------

  function showSignIn() {
    me = null;
    if (events) {
      events.close();
      events = null;
    }
    $('desk').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('sign-in').hidden = false;
  }

  function start(agent) {
    me = agent;
    $('sign-in').hidden = true;
    $('desk').hidden = false;
    $('sign-out').hidden = false;
    $('who').textContent = agent.name || agent.agent_id;
    listen();
    loadQueue();
  }

  $('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    $('sign-in-error').textContent = '';
    api('POST', '/api/v1/console/session', { username: form.username.value, password: form.password.value })
      .then(start)
      .catch(function (error) { $('sign-in-error').textContent = error.message; });
  });

  $('sign-out').addEventListener('click', function () {
    api('DELETE', '/api/v1/console/session').finally(showSignIn);
  });

  // ---- live updates --------------------------------------------------------------------------

  function listen() {
    events = new EventSource('/api/v1/console/events');
    events.addEventListener('queue', function () { loadQueue(); });
    events.addEventListener('typing', function (event) {
      var update = JSON.parse(event.data);
      if (open && update.conversation_id === open.conversationId) {
        customerTyping();
      }
    });
    events.addEventListener('turn', function (event) {
      var update = JSON.parse(event.data);
      if (open && update.conversation_id === open.conversationId) {
        if (update.messages.some(function (m) { return m.role === 'user'; })) {
          $('typing').hidden = true;
        }
        if (early) {
          Array.prototype.push.apply(early, update.messages);
        } else {
          update.messages.forEach(addMessage);
        }
      }
    });
  }

  // ---- queue ---------------------------------------------------------------------------------

  function loadQueue() {
    return Promise.all([
      api('GET', '/api/v1/handoffs?status=waiting&limit=100'),
      api('GET', '/api/v1/handoffs?status=claimed&limit=100')
    ]).then(function (lists) {
      queue = lists[0] || [];
      mine = (lists[1] || []).filter(function (h) { return h.claimedBy === me.agent_id; });
      renderQueue();
    }).catch(function () { /* shown by the next update */ });
  }

  function waited(since) {
    var seconds = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 1000));
    return seconds < 60 ? seconds + ' s' : Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s';
  }

  // The customer's latest words quoted in the handoff summary (its '- "..."' lines), to pick from the queue.
  function lastSaid(summary) {
    var said = null;
    (summary || '').split('\n').forEach(function (line) {
      var quoted = /^- "(.*)"$/.exec(line.trim());
      if (quoted) { said = quoted[1]; }
    });
    return said;
  }

  function entry(handoff, action, label) {
    var item = el('li');
    item.dataset.handoff = handoff.id;
    item.dataset.conversation = handoff.conversationId;
    item.appendChild(el('strong', handoff.userId));
    item.appendChild(el('div', (handoff.reasons || []).join(', '), 'reasons'));
    var said = lastSaid(handoff.summary);
    if (said) {
      item.appendChild(el('div', '\u201c' + (said.length > 120 ? said.slice(0, 119) + '\u2026' : said) + '\u201d',
        'said'));
    }
    var meta = el('div', handoff.priority + ' · frustration ' + Number(handoff.frustration).toFixed(2)
      + ' · waiting ', 'meta');
    var clock = el('span', waited(handoff.createdAt), 'waited');
    clock.dataset.since = handoff.createdAt;
    meta.appendChild(clock);
    item.appendChild(meta);
    var button = el('button', label);
    button.type = 'button';
    button.addEventListener('click', function () { action(handoff); });
    item.appendChild(button);
    return item;
  }

  function renderQueue() {
    clear($('queue'));
    clear($('mine'));
    $('queue-count').textContent = '(' + queue.length + ')';
    queue.forEach(function (h) { $('queue').appendChild(entry(h, claim, 'Claim')); });
    mine.forEach(function (h) { $('mine').appendChild(entry(h, show, 'Open')); });
  }

  setInterval(function () {
    // Only the displayed waiting times move; no request is made.
    Array.prototype.forEach.call(document.querySelectorAll('.waited'), function (clock) {
      clock.textContent = waited(clock.dataset.since);
    });
  }, 1000);

  function claim(handoff) {
    notice('');
    api('POST', '/api/v1/handoffs/' + encodeURIComponent(handoff.id) + '/claim')
      .then(function (claimed) { return loadQueue().then(function () { show(claimed); }); })
      .catch(function (error) {
        notice(error.status === 409 ? 'Another agent took this conversation.' : error.message);
        loadQueue();
      });
  }

  // ---- conversation --------------------------------------------------------------------------

  function show(handoff) {
    open = handoff;
    shown = {};
    $('conversation').hidden = false;
    $('conversation-title').textContent = handoff.userId + ' — ' + handoff.conversationId;
    $('reasons').textContent = (handoff.reasons || []).join(', ');
    $('summary').textContent = handoff.summary || '';
    clear($('transcript'));
    clear($('hits'));
    clear($('results'));
    early = [];
    api('GET', '/api/v1/memory/conversations/' + encodeURIComponent(handoff.conversationId) + '/messages?size=100')
      .then(function (page) { (page.items || []).forEach(addMessage); trend(page.items || []); })
      .catch(function (error) { notice(error.message); })
      .finally(function () {
        // What arrived live meanwhile comes after the stored transcript (addMessage skips repeats).
        var pending = early || [];
        early = null;
        pending.forEach(addMessage);
      });
    api('GET', '/api/v1/accounts/' + encodeURIComponent(handoff.userId)).then(account)
      .catch(function () { clear($('account')); $('account').appendChild(el('dd', 'No account (visitor).')); });
    api('GET', '/api/v1/tickets?userId=' + encodeURIComponent(handoff.userId) + '&size=10').then(tickets)
      .catch(function () { clear($('tickets')); });
  }

  var typingTimer = null;

  // The widget signals at most every 2 s while the customer types; show it a little longer.
  function customerTyping() {
    $('typing').hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { $('typing').hidden = true; }, 4000);
  }

  var ROLES = { user: 'Customer', ai: 'AI', human_agent: 'Agent', system: 'System' };

  function addMessage(message) {
    var id = message.messageId || message.message_id;
    if (shown[id]) {
      return;
    }
    shown[id] = true;
    var item = el('li', null, 'role-' + message.role);
    item.appendChild(el('span', ROLES[message.role] || message.role, 'who'));
    item.appendChild(document.createTextNode(message.content || ''));
    $('transcript').appendChild(item);
    $('transcript').scrollTop = $('transcript').scrollHeight;
    (message.citations || []).forEach(function (citation) {
      $('hits').appendChild(el('li', citation.sectionPath || citation.section_path || citation.title));
    });
  }

  function trend(messages) {
    var moods = messages.filter(function (m) { return m.role === 'user' && m.sentiment; })
      .map(function (m) { return Number(m.sentiment.polarity).toFixed(2); });
    var last = messages.filter(function (m) { return m.role === 'user' && m.sentiment; }).pop();
    $('trend').textContent = moods.length ? moods.join(' → ') + (last ? ' (' + last.sentiment.trend
      + ', frustration ' + Number(last.sentiment.frustration).toFixed(2) + ')' : '') : 'no measurements';
  }

  function account(data) {
    var list = $('account');
    clear(list);
    var rows = [
      ['Name', data.profile && data.profile.name],
      ['Plan', data.plan && data.plan.name],
      ['Subscription', data.subscription && data.subscription.status],
      ['Latest invoice', data.latestInvoice && (data.latestInvoice.number + ' · ' + data.latestInvoice.status)]
    ];
    rows.forEach(function (row) {
      list.appendChild(el('dt', row[0]));
      list.appendChild(el('dd', row[1] || '—'));
    });
  }

  function tickets(page) {
    clear($('tickets'));
    (page.items || []).forEach(function (t) {
      $('tickets').appendChild(el('li', t.id + ' · ' + t.status + ' · ' + t.subject));
    });
  }

  $('reply').addEventListener('submit', function (event) {
    event.preventDefault();
    var box = event.target.content;
    var text = box.value.trim();
    if (!open || !text) {
      return;
    }
    api('POST', '/api/v1/console/handoffs/' + encodeURIComponent(open.id) + '/messages', { content: text })
      .then(function () { box.value = ''; })
      .catch(function (error) { notice(error.message); });
  });

  function finish(action) {
    if (!open) {
      return;
    }
    var note = $('note').value.trim();
    api('POST', '/api/v1/handoffs/' + encodeURIComponent(open.id) + '/' + action, { note: note })
      .then(function () {
        $('note').value = '';
        open = null;
        $('conversation').hidden = true;
        loadQueue();
      })
      .catch(function (error) { notice(error.message); });
  }

  $('release').addEventListener('click', function () { finish('release'); });
  $('resolve').addEventListener('click', function () { finish('resolve'); });

  $('search').addEventListener('submit', function (event) {
    event.preventDefault();
    var q = event.target.q.value.trim();
    api('GET', '/api/v1/knowledge/search?k=3&q=' + encodeURIComponent(q)).then(function (result) {
      clear($('results'));
      (result.hits || []).forEach(function (hit) {
        var item = el('li');
        item.appendChild(el('strong', hit.sectionPath || hit.title));
        item.appendChild(el('div', hit.snippet));
        var insert = el('button', 'Insert');
        insert.type = 'button';
        insert.addEventListener('click', function () {
          var box = $('reply').content;
          box.value = (box.value ? box.value + '\n' : '') + hit.snippet;
          box.focus();
        });
        item.appendChild(insert);
        $('results').appendChild(item);
      });
    }).catch(function (error) { notice(error.message); });
  });

  api('GET', '/api/v1/console/session').then(start).catch(function () { showSignIn(); });
}());
