/*
 * Support suite chat widget. Embed with one tag:
 *
 *   <script src="https://support.example.com/widget/support-widget.js"
 *           data-gateway="https://support.example.com"
 *           data-user-id="u-1042" data-user-hash="<HMAC-SHA256(secret, user id), hex>"
 *           data-title="Acme support"></script>
 *
 * Without data-user-id the visitor chats anonymously. Everything a message contains is rendered
 * as text (textContent), never as HTML. The conversation, the session token and the last sequence
 * number live in localStorage, so a reload resumes the same conversation without losing or
 * repeating a message; a dropped socket reconnects by itself and resends what was not acknowledged.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var gateway = (script && script.getAttribute('data-gateway')) || window.location.origin;
  var userId = script && script.getAttribute('data-user-id');
  var userHash = script && script.getAttribute('data-user-hash');
  var title = (script && script.getAttribute('data-title')) || 'Support';
  var storeKey = 'support-widget:' + gateway + ':' + (userId || 'visitor');
  var ticketPattern = /\bTKT-[0-9A-Z]{6,}\b/g;

  var state = load();
  var socket = null;
  var retryDelay = 500;

  function load() {
    try {
      var saved = JSON.parse(localStorage.getItem(storeKey) || 'null');
      if (saved && saved.messages) {
        return saved;
      }
    } catch (e) { /* a corrupt entry starts afresh */ }
    return { token: null, tokenExpires: 0, identity: null, conversationId: null, lastSeq: 0, messages: [],
             pending: [] };
  }

  function save() {
    try {
      localStorage.setItem(storeKey, JSON.stringify(state));
    } catch (e) { /* storage full or disabled: the widget still works for this page view */ }
  }

  // ---- the panel -------------------------------------------------------------------------

  var root = document.createElement('section');
  root.className = 'sw-root';
  root.setAttribute('aria-label', title + ' chat');
  var header = document.createElement('header');
  header.className = 'sw-header';
  header.textContent = title;
  var status = document.createElement('p');
  status.className = 'sw-status';
  status.setAttribute('role', 'status');
  var log = document.createElement('ol');
  log.className = 'sw-log';
  log.setAttribute('aria-live', 'polite');
  var typing = document.createElement('p');
  typing.className = 'sw-typing';
  typing.hidden = true;
  typing.textContent = 'Assistant is typing…';
  var form = document.createElement('form');
  form.className = 'sw-form';
  var input = document.createElement('input');
  input.type = 'text';
  input.maxLength = 4000;
  input.placeholder = 'Type your message';
  input.setAttribute('aria-label', 'Your message');
  var send = document.createElement('button');
  send.type = 'submit';
  send.textContent = 'Send';
  form.appendChild(input);
  form.appendChild(send);
  var rating = document.createElement('div');
  rating.className = 'sw-rating';
  rating.hidden = true;
  root.appendChild(header);
  root.appendChild(status);
  root.appendChild(log);
  root.appendChild(typing);
  root.appendChild(rating);
  root.appendChild(form);

  var style = document.createElement('style');
  style.textContent = [
    '.sw-root{position:fixed;right:16px;bottom:16px;width:340px;max-height:520px;display:flex;flex-direction:column;',
    'font:14px/1.4 system-ui,sans-serif;background:#fff;border:1px solid #ccd;border-radius:10px;',
    'box-shadow:0 4px 18px rgba(0,0,0,.15);overflow:hidden;z-index:2147483000}',
    '.sw-header{background:#24477a;color:#fff;padding:10px 12px;font-weight:600}',
    '.sw-status{margin:0;padding:4px 12px;font-size:12px;color:#555;background:#f3f5f9}',
    '.sw-log{list-style:none;margin:0;padding:8px 12px;overflow-y:auto;flex:1}',
    '.sw-msg{margin:6px 0;padding:7px 9px;border-radius:8px;max-width:85%;white-space:pre-wrap;word-wrap:break-word}',
    '.sw-user{background:#24477a;color:#fff;margin-left:auto}',
    '.sw-ai,.sw-human_agent{background:#eef1f6}',
    '.sw-draft{opacity:.75}',
    '.sw-system{background:#fff7e0;font-size:12px}',
    '.sw-cites{margin:4px 0 0;padding:0;list-style:none;font-size:12px}',
    '.sw-ticket{font-weight:600}',
    '.sw-typing{margin:0 12px;font-size:12px;color:#777}',
    '.sw-form{display:flex;border-top:1px solid #dde}',
    '.sw-form input{flex:1;border:0;padding:10px;font:inherit}',
    '.sw-form button{border:0;background:#24477a;color:#fff;padding:0 14px;font:inherit;cursor:pointer}',
    '.sw-form input:focus,.sw-form button:focus,.sw-rating button:focus{outline:2px solid #f0a500}',
    '.sw-rating{padding:6px 12px;font-size:12px}.sw-rating button{margin-right:4px}'
  ].join('');

  // ---- rendering (text only) --------------------------------------------------------------

  function appendText(parent, text) {
    // Ticket numbers stand out; everything is still text nodes, never parsed as HTML.
    var last = 0;
    String(text).replace(ticketPattern, function (match, offset) {
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var ticket = document.createElement('span');
      ticket.className = 'sw-ticket';
      ticket.textContent = match;
      parent.appendChild(ticket);
      last = offset + match.length;
      return match;
    });
    parent.appendChild(document.createTextNode(String(text).slice(last)));
  }

  // Replies a language model is still writing, by the id their final message will carry.
  var drafts = {};

  function render(message) {
    var item = document.createElement('li');
    item.className = 'sw-msg sw-' + (message.role || 'ai');
    appendText(item, message.content || '');
    if (message.citations && message.citations.length) {
      var cites = document.createElement('ul');
      cites.className = 'sw-cites';
      message.citations.forEach(function (citation) {
        var entry = document.createElement('li');
        var link = document.createElement('a');
        link.href = gateway + '/api/v1/knowledge/documents/' + encodeURIComponent(citation.document_id || '');
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = citation.section_path || citation.title || citation.document_id;
        entry.appendChild(link);
        cites.appendChild(entry);
      });
      item.appendChild(cites);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function askRating() {
    rating.textContent = 'How did we do? ';
    rating.hidden = false;
    [1, 2, 3, 4, 5].forEach(function (stars) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = stars + '★';
      button.setAttribute('aria-label', stars + ' of 5');
      button.addEventListener('click', function () {
        transmit({ type: 'message', client_message_id: newId(), content: 'Rating: ' + stars + ' of 5' });
        rating.textContent = 'Thank you for your rating.';
      });
      rating.appendChild(button);
    });
  }

  // ---- connection ---------------------------------------------------------------------------

  function newId() {
    return 'c-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
  }

  function session() {
    if (state.token && state.tokenExpires > Date.now() + 60000) {
      return Promise.resolve(state.token);
    }
    var body = userId ? JSON.stringify({ user_id: userId, user_hash: userHash }) : null;
    return fetch(gateway + '/api/v1/widget/sessions', {
      method: 'POST', headers: body ? { 'Content-Type': 'application/json' } : {}, body: body
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('session refused (' + response.status + ')');
      }
      return response.json();
    }).then(function (issued) {
      if (state.identity && state.identity !== issued.user_id) {
        // A new visitor cannot continue the old visitor's conversation.
        state.conversationId = null;
        state.lastSeq = 0;
      }
      state.token = issued.token;
      state.tokenExpires = Date.parse(issued.expires_at);
      state.identity = issued.user_id;
      save();
      return issued.token;
    });
  }

  function connect() {
    setStatus('Connecting…');
    session().then(function (token) {
      var url = gateway.replace(/^http/, 'ws') + '/ws/chat/' + encodeURIComponent(state.identity) +
        '?token=' + encodeURIComponent(token);
      if (state.conversationId) {
        url += '&conversation_id=' + encodeURIComponent(state.conversationId) + '&last_seq=' + state.lastSeq;
      }
      socket = new WebSocket(url);
      socket.onmessage = onFrame;
      socket.onclose = function (event) {
        socket = null;
        if (event.code === 1008 && /conversation/.test(event.reason || '')) {
          state.conversationId = null;
          state.lastSeq = 0;
          save();
        }
        setStatus('Reconnecting…');
        setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 15000);
      };
    }).catch(function (error) {
      setStatus('Offline: ' + error.message + '. Retrying…');
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 15000);
    });
  }

  function onFrame(event) {
    var frame;
    try {
      frame = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    switch (frame.type) {
      case 'connected':
        retryDelay = 500;
        state.conversationId = frame.conversation_id;
        save();
        setStatus('Connected');
        // What was sent but not acknowledged before the drop goes again; the server answers it once.
        state.pending.forEach(function (pending) {
          socket.send(JSON.stringify(pending));
        });
        break;
      case 'ack':
        state.pending = state.pending.filter(function (p) { return p.client_message_id !== frame.client_message_id; });
        save();
        typing.hidden = false;
        break;
      case 'message':
        if (frame.seq <= state.lastSeq) {
          return;
        }
        state.lastSeq = frame.seq;
        typing.hidden = true;
        if (drafts[frame.message_id]) {
          // The final message replaces the draft the model streamed (it may differ from it).
          drafts[frame.message_id].remove();
          delete drafts[frame.message_id];
        }
        var message = { role: frame.role, content: frame.content, citations: frame.citations || [] };
        state.messages.push(message);
        save();
        render(message);
        if (frame.escalated) {
          setStatus('Connecting you to a person…');
        }
        if (frame.role === 'system' && /resolved/i.test(frame.content || '')) {
          askRating();
        }
        break;
      case 'token':
        typing.hidden = true;
        var draft = drafts[frame.message_id];
        if (!draft) {
          draft = document.createElement('li');
          draft.className = 'sw-msg sw-ai sw-draft';
          drafts[frame.message_id] = draft;
          log.appendChild(draft);
        }
        draft.appendChild(document.createTextNode(frame.text || ''));
        log.scrollTop = log.scrollHeight;
        break;
      case 'error':
        setStatus(frame.message || 'Something went wrong.');
        break;
      default:
        break;
    }
  }

  function transmit(frame) {
    state.pending.push(frame);
    save();
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify(frame));
    }
  }

  // A person who took the conversation over sees that the customer is typing. Not queued when
  // offline: a stale "typing" is worse than none. The gateway also limits how often it passes on.
  var typingSentAt = 0;
  input.addEventListener('input', function () {
    var now = Date.now();
    if (input.value.trim() && now - typingSentAt > 2000 && socket && socket.readyState === 1) {
      typingSentAt = now;
      socket.send(JSON.stringify({ type: 'typing' }));
    }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) {
      return;
    }
    var message = { role: 'user', content: text, citations: [] };
    state.messages.push(message);
    save();
    render(message);
    transmit({ type: 'message', client_message_id: newId(), content: text });
    typingSentAt = 0;
    input.value = '';
    input.focus();
  });

  function start() {
    document.head.appendChild(style);
    document.body.appendChild(root);
    state.messages.forEach(render);
    connect();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
