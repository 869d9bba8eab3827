// The reviewers' page (review.html), served at /review. Embedded into the binary by the
// EmbedScenarios plugin and inlined into the page by the daemon, which serves one self-contained
// document. Everything the daemon sends (names, answers, notes) is inserted as text, never as
// HTML: a candidate's answer may hold markup, script or terminal escapes, and must read as typed.
"use strict";

const TOKEN_KEY = "rehearse-review-token";
const REVIEWER_KEY = "rehearse-reviewer";
const PAGE_SIZE = 50;
const $ = (id) => document.getElementById(id);

const state = {
  token: null,
  filters: {},              // the filters the table shows (and "More" continues)
  rows: [],                 // the loaded session summaries, in the daemon's order
  cursor: null,             // next_cursor of the last page, null on the last page
  sort: {key: "started", dir: "desc"},   // the daemon lists newest first
  openId: null,             // the session shown in #detail
  detail: null,             // its last loaded detail, null while loading or after a failure
  pendingSession: null,     // a #session= link waiting for the token
  loadingMore: false,       // a "More" page is on its way
  listSeq: 0,               // the newest list request: an older reply arriving late is dropped
  detailSeq: 0,             // the same for the detail
};

// What a reviewer typed and has not saved yet, by session, question and attempt. The detail is
// rebuilt after every save and on every reopening; this puts the other answers' typing back.
const drafts = new Map();

// ---- Storage ------------------------------------------------------------------------------
// sessionStorage only: the token lives as long as the tab. Storage can be switched off (a
// private window, a policy); the page then works, it just forgets on reload.
function stored(key) { try { return sessionStorage.getItem(key); } catch { return null; } }
function store(key, value) {
  try { if (value) sessionStorage.setItem(key, value); else sessionStorage.removeItem(key); } catch { /* kept in memory only */ }
}

// ---- Text and elements --------------------------------------------------------------------
// Control characters (a terminal's escape sequences) would be invisible, and bidirectional
// controls would reorder the words around them; shown as symbols, the text reads as it was sent.
function visible(text) {
  return String(text ?? "")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
      (c) => (c === "\u007f" ? "\u2421" : String.fromCharCode(0x2400 + c.charCodeAt(0))))
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
      (c) => "[U+" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") + "]");
}
function text(value) { return document.createTextNode(visible(value)); }
function el(tag, cls, content) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (content !== undefined && content !== null) node.textContent = visible(content);
  return node;
}
// Scores show one decimal at most: 72.5, 80.
function fmtScore(x) { return typeof x === "number" && Number.isFinite(x) ? String(Math.round(x * 10) / 10) : "—"; }
function fmtTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? "") : date.toLocaleString(undefined, {dateStyle: "medium", timeStyle: "short"});
}
function timeEl(iso) {
  const node = el("time", "", fmtTime(iso));
  if (iso) { node.dateTime = String(iso); node.title = String(iso); }
  return node;
}
function candidateNode(name) {
  if (typeof name === "string" && name.trim()) return text(name);
  const node = el("span", "anon", "—");
  node.title = "anonymous";
  return node;
}
function statusBadge(status) {
  const known = status === "live" || status === "ended";
  return el("span", "badge" + (known ? " " + status : ""), status || "—");
}
function say(message, isError) {
  $("status").textContent = visible(message || "");
  $("status").classList.toggle("error", Boolean(isError));
}

// ---- The API ------------------------------------------------------------------------------
class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

// Calls the daemon with the review token. A 401 anywhere means the token is wrong or was
// changed: it is forgotten and the token form comes back (what was typed stays in the page).
async function api(path, {method = "GET", body, as = "json"} = {}) {
  const headers = {"Authorization": "Bearer " + state.token};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {method, headers, cache: "no-store", body: body === undefined ? undefined : JSON.stringify(body)});
  } catch {
    throw new ApiError("the daemon could not be reached", 0);
  }
  if (response.status === 401) {
    tokenRejected();
    throw new ApiError("That review token was not accepted.", 401);
  }
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    const message = data && typeof data.error === "string" ? data.error : "the daemon answered HTTP " + response.status;
    throw new ApiError(message, response.status);
  }
  if (as === "blob") return response.blob();
  try { return await response.json(); } catch { throw new ApiError("the daemon's reply could not be read", response.status); }
}

// Empty filters are left out: the daemon reads an empty value as a value.
function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value) !== "") search.set(key, String(value));
  }
  const joined = search.toString();
  return joined ? "?" + joined : "";
}

// ---- Token --------------------------------------------------------------------------------
// The fragment is split by hand: URLSearchParams would turn a "+" in a token into a space.
function readFragment() {
  const out = {};
  for (const part of location.hash.replace(/^#/, "").split("&")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    try { out[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1)); } catch { /* a malformed escape: that part is ignored */ }
  }
  return out;
}
// The address names the open session, so a reload or a copied link opens it again; it never
// holds the token.
function setFragment(sessionId) {
  const hash = sessionId ? "#session=" + encodeURIComponent(sessionId) : "";
  history.replaceState(null, "", location.pathname + location.search + hash);
}
function showTokenForm(message) {
  $("app").hidden = true;
  $("forget").hidden = true;
  $("token-form").hidden = false;
  $("token-message").textContent = message || "";
  say("");
  $("token").value = "";
  $("token").focus();
}
function showApp() {
  $("token-form").hidden = true;
  $("token-message").textContent = "";
  $("app").hidden = false;
  $("forget").hidden = false;
}
function tokenRejected() {
  state.token = null;
  store(TOKEN_KEY, null);
  showTokenForm("That review token was not accepted.");
}
function acceptToken(event) {
  event.preventDefault();
  const token = $("token").value.trim();
  if (!token) return;
  state.token = token;
  store(TOKEN_KEY, token);
  $("token").value = "";
  showApp();
  loadList(false);
  // A session left open when the token was refused keeps its typed grades; it reloads only if
  // it never loaded.
  if (state.openId && !state.detail) openSession(state.openId);
  else if (!state.openId && state.pendingSession) openSession(state.pendingSession);
  state.pendingSession = null;
}
function forgetToken() {
  state.token = null;
  store(TOKEN_KEY, null);
  state.rows = [];
  state.cursor = null;
  renderRows();
  closeDetail(false);
  showTokenForm("");
}

// ---- Sessions table -----------------------------------------------------------------------
function formFilters() {
  const fields = $("filters").elements;
  return {
    candidate: fields.namedItem("candidate").value.trim(),
    scenario: fields.namedItem("scenario").value.trim(),
    status: fields.namedItem("status").value,
    since: fields.namedItem("since").value,
  };
}
function sameFilters(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
function applyFilters() {
  state.filters = formFilters();
  state.cursor = null;
  loadList(false);
}

async function loadList(append) {
  const seq = ++state.listSeq;
  const params = Object.assign({}, state.filters, {limit: PAGE_SIZE});
  if (append && state.cursor) params.cursor = state.cursor;
  const moreHadFocus = document.activeElement === $("more");
  state.loadingMore = append;
  say(append ? "Loading more sessions…" : "Loading sessions…");
  try {
    const data = await api("/v1/review/sessions" + query(params));
    if (seq !== state.listSeq) return;
    const page = Array.isArray(data.sessions) ? data.sessions : [];
    // A session that moved between pages while paging would show twice; the first copy stays.
    const known = new Set(append ? state.rows.map((s) => s.id) : []);
    const fresh = page.filter((s) => s && typeof s.id === "string" && !known.has(s.id));
    state.rows = append ? state.rows.concat(fresh) : fresh;
    state.cursor = typeof data.next_cursor === "string" && data.next_cursor ? data.next_cursor : null;
    renderRows();
    say(countText());
    // The More button hides on the last page; focus goes to the first new row, not the void.
    if (append && moreHadFocus && !state.cursor && fresh.length) { const row = rowById(fresh[0].id); if (row) row.focus(); }
  } catch (error) {
    if (seq !== state.listSeq || error.status === 401) return;
    if (error.status === 404) {
      state.rows = [];
      state.cursor = null;
      renderRows();
      $("empty").hidden = true;
      say("Review is not turned on for this daemon (start it with --review-token).", true);
      return;
    }
    say("Could not load the sessions: " + error.message, true);
  } finally {
    if (seq === state.listSeq) state.loadingMore = false;
  }
}
function countText() {
  const n = state.rows.length;
  if (!n) return "";
  return n + (n === 1 ? " session" : " sessions") + (state.cursor ? " shown; press More for older ones." : ".");
}

// Missing values (no candidate, no reviewed score yet) sort last either way: they are unknown,
// not small.
const SORT_VALUE = {
  candidate: (s) => (typeof s.candidate === "string" && s.candidate ? s.candidate.toLocaleLowerCase() : null),
  scenario: (s) => String(s.scenario ?? "").toLocaleLowerCase(),
  started: (s) => { const t = Date.parse(s.started_at); return Number.isNaN(t) ? null : t; },
  status: (s) => String(s.status ?? ""),
  answered: (s) => (typeof s.answered === "number" ? s.answered : null),
  score: (s) => (typeof s.score === "number" ? s.score : null),
  reviewed_score: (s) => (typeof s.reviewed_score === "number" ? s.reviewed_score : null),
  reviewed: (s) => (typeof s.reviewed === "number" ? s.reviewed : null),
};
function sortedRows() {
  const value = SORT_VALUE[state.sort.key] || SORT_VALUE.started;
  const sign = state.sort.dir === "asc" ? 1 : -1;
  return state.rows
    .map((s, index) => ({s, index, v: value(s)}))
    .sort((a, b) => {
      if (a.v === null) return b.v === null ? a.index - b.index : 1;
      if (b.v === null) return -1;
      const order = typeof a.v === "string" ? a.v.localeCompare(b.v) : a.v - b.v;
      return order ? order * sign : a.index - b.index;   // ties keep the daemon's order
    })
    .map((x) => x.s);
}
function sortBy(key) {
  state.sort = state.sort.key === key ? {key, dir: state.sort.dir === "asc" ? "desc" : "asc"} : {key, dir: "asc"};
  renderRows();
}
function markSortHeaders() {
  for (const th of $("sessions").tHead.querySelectorAll("th[data-key]")) {
    if (th.dataset.key === state.sort.key) th.setAttribute("aria-sort", state.sort.dir === "asc" ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
}

function cell(content, cls) {
  const td = el("td", cls);
  td.append(typeof content === "string" ? text(content) : content);
  return td;
}
function rowFor(s) {
  const tr = document.createElement("tr");
  tr.dataset.id = s.id;
  tr.tabIndex = 0;
  const reviewed = typeof s.reviewed_score === "number" ? fmtScore(s.reviewed_score) : el("span", "dim", "—");
  if (typeof reviewed !== "string") reviewed.title = "not reviewed yet";
  tr.append(
    cell(candidateNode(s.candidate), "candidate"),
    cell(String(s.scenario ?? ""), "scenario"),
    cell(timeEl(s.started_at), "started"),
    cell(statusBadge(s.status), "status"),
    cell((s.answered ?? 0) + "/" + (s.questions ?? 0), "num answered"),
    cell(fmtScore(s.score), "num score"),
    cell(reviewed, "num reviewed-score"),
    cell(String(s.reviewed ?? 0), "num reviewed"),
  );
  if (s.id === state.openId) { tr.classList.add("open"); tr.setAttribute("aria-current", "true"); }
  return tr;
}
function renderRows() {
  $("sessions").tBodies[0].replaceChildren(...sortedRows().map(rowFor));
  $("empty").hidden = state.rows.length > 0;
  $("more").hidden = !state.cursor;
  markSortHeaders();
}
// Rows are found by comparing ids, not by a selector: an id is the daemon's text.
function rowById(id) {
  for (const tr of $("sessions").tBodies[0].rows) if (tr.dataset.id === id) return tr;
  return null;
}
// A session's new numbers replace its row where it stands: re-sorting would move the row away
// from under the reviewer.
function updateRow(summary) {
  if (!summary || typeof summary.id !== "string") return;
  const index = state.rows.findIndex((s) => s.id === summary.id);
  if (index === -1) return;
  state.rows[index] = summary;
  const old = rowById(summary.id);
  if (old) old.replaceWith(rowFor(summary));
}
function patchRow(id, fields) {
  const current = state.rows.find((s) => s.id === id);
  if (current) updateRow(Object.assign({}, current, fields));
}
function markOpenRow() {
  for (const tr of $("sessions").tBodies[0].rows) {
    const open = tr.dataset.id === state.openId;
    tr.classList.toggle("open", open);
    if (open) tr.setAttribute("aria-current", "true"); else tr.removeAttribute("aria-current");
  }
}

// ---- A session ----------------------------------------------------------------------------
function showDetail(visibleNow) {
  $("detail").hidden = !visibleNow;
  $("layout").classList.toggle("open", visibleNow);
}
async function openSession(id) {
  if (state.openId !== id) state.detail = null;
  state.openId = id;
  markOpenRow();
  setFragment(id);
  showDetail(true);
  const seq = ++state.detailSeq;
  if (!state.detail) $("detail-body").replaceChildren(el("p", "dim", "Loading the session…"));
  try {
    const data = await api("/v1/review/sessions/" + encodeURIComponent(id));
    if (seq !== state.detailSeq) return;
    renderDetail(data);
    updateRow(data.session);
    // Keyboard users land on the session they opened; j then reaches its first answer.
    $("detail-title").focus();
  } catch (error) {
    if (seq !== state.detailSeq || error.status === 401) return;
    $("detail-body").replaceChildren(el("p", "error", "Could not open the session: " + error.message));
  }
}
// After a save: the grade history and the totals come from the daemon, without a loading
// message in between (it would wipe the forms while the reviewer works).
async function refreshDetail(id, saved) {
  const seq = ++state.detailSeq;
  try {
    const data = await api("/v1/review/sessions/" + encodeURIComponent(id));
    if (seq !== state.detailSeq || state.openId !== id) return false;
    renderDetail(data);
    updateRow(data.session);
    const article = attemptById(saved.question, saved.attempt);
    if (article) showMessage(article.querySelector(".grade-msg"), "Saved", "ok");
    return true;
  } catch (error) {
    if (seq === state.detailSeq && error.status !== 401) say("Saved, but the session could not be reloaded: " + error.message, true);
    return false;
  }
}
function closeDetail(returnFocus = true) {
  const id = state.openId;
  state.openId = null;
  state.detail = null;
  state.detailSeq++;
  showDetail(false);
  $("detail-body").replaceChildren();
  if (!state.pendingSession) setFragment(null);
  markOpenRow();
  if (returnFocus) { const row = id ? rowById(id) : null; (row || $("f-candidate")).focus(); }
}

function renderDetail(data) {
  const focus = focusedField();
  state.detail = data;
  const sid = data.session && data.session.id ? data.session.id : state.openId;
  const questions = Array.isArray(data.questions) ? data.questions : [];
  const body = $("detail-body");
  body.replaceChildren(detailHeader(data), ...questions.map((q) => questionNode(sid, q)));
  if (!questions.length) body.append(el("p", "dim", "No question was asked in this session."));
  if (focus) restoreFocus(focus);
}

function fact(list, label, value) {
  list.append(el("dt", "", label));
  const dd = el("dd");
  dd.append(...(Array.isArray(value) ? value : [value]).map((v) => (typeof v === "string" ? text(v) : v)));
  list.append(dd);
}
function detailHeader(data) {
  const s = data.session || {};
  const head = el("header", "detail-head");
  const title = el("h2");
  title.id = "detail-title";
  title.tabIndex = -1;
  title.append(candidateNode(s.candidate));
  if (!(typeof s.candidate === "string" && s.candidate.trim())) title.append(el("span", "dim", " anonymous candidate"));
  head.append(title);
  const facts = el("dl", "facts");
  fact(facts, "Scenario", String(s.scenario ?? ""));
  fact(facts, "Started", timeEl(s.started_at));
  const status = [statusBadge(s.status)];
  if (s.ended_at) status.push(" ", timeEl(s.ended_at));
  if (s.end_reason) status.push(" (" + s.end_reason + ")");
  fact(facts, "Status", status);
  fact(facts, "Answered", (s.answered ?? 0) + " of " + (s.questions ?? 0));
  fact(facts, "Score", fmtScore(s.score));
  fact(facts, "Reviewed score", typeof s.reviewed_score === "number" ? fmtScore(s.reviewed_score) : "— (not reviewed yet)");
  fact(facts, "Reviewed", (s.reviewed ?? 0) + ((s.reviewed ?? 0) === 1 ? " answer" : " answers"));
  fact(facts, "Transcript", el("code", "transcript", String(data.transcript ?? "")));
  head.append(facts);
  return head;
}

function questionNode(sid, q) {
  const box = el("section", "question");
  box.dataset.question = String(q.question_id ?? "");
  const title = el("h3");
  title.append(el("span", "qnum", (q.number ?? "?") + ". "), text(q.prompt));
  if (q.skipped) title.append(el("span", "mark skipped", "Skipped"));
  box.append(title);
  const hints = Array.isArray(q.hints) ? q.hints : [];
  const meta = [q.topic, q.difficulty].filter(Boolean).map(String);
  meta.push(hints.length ? hints.length + (hints.length === 1 ? " hint taken" : " hints taken") : "no hints");
  meta.push("scorer " + fmtScore(q.score));
  if (typeof q.reviewed_score === "number") meta.push("reviewed " + fmtScore(q.reviewed_score));
  box.append(el("p", "meta", meta.join(" · ")));
  if (hints.length) {
    box.append(el("p", "label", "Hints taken"));
    const list = el("ul", "hints");
    for (const hint of hints) list.append(el("li", "", hint));
    box.append(list);
  }
  const attempts = Array.isArray(q.attempts) ? q.attempts : [];
  for (const attempt of attempts) box.append(attemptNode(sid, q, attempt));
  if (q.follow_up && !attempts.some((a) => a.attempt === 2)) box.append(el("p", "asked", "Follow-up asked, not answered: " + q.follow_up));
  if (!attempts.length) box.append(el("p", "dim", q.skipped ? "Skipped without an answer." : "Not answered."));
  return box;
}

function attemptNode(sid, q, a) {
  const article = el("article", "attempt");
  article.dataset.question = String(q.question_id ?? "");
  article.dataset.attempt = String(a.attempt);
  const followUp = a.attempt === 2;
  const heading = el("h4", "", followUp ? "Answer to the follow-up" : "Answer");
  if (a.overtime) heading.append(el("span", "mark overtime", "Overtime"));
  article.append(heading);
  article.append(el("p", "asked", (followUp ? "Follow-up: " : "Asked: ") + (a.asked ?? "")));
  article.append(answerNode(a));
  const scorer = el("p", "scorer" + (bandClass(a.band) ? " " + bandClass(a.band) : ""),
    "Scorer: " + fmtScore(a.score) + (a.band ? " · " + a.band : ""));
  article.append(scorer);
  const matched = Array.isArray(a.matched) ? a.matched : [];
  if (matched.length) {
    article.append(el("p", "label", "Matched"));
    const list = el("ul", "concepts matched");
    for (const m of matched) {
      const item = el("li", "hit", m.concept + " ");
      item.append(el("span", "evidence", "— “" + (m.evidence ?? "") + "”"));
      if (m.term) item.title = "matched term: " + visible(m.term);
      list.append(item);
    }
    article.append(list);
  }
  const missed = Array.isArray(a.missed) ? a.missed : [];
  if (missed.length) {
    article.append(el("p", "label", "Missed"));
    const list = el("ul", "concepts missed");
    for (const m of missed) {
      const item = el("li", "miss", m.concept);
      if (m.required) item.append(" ", el("span", "required", "(required)"));
      list.append(item);
    }
    article.append(list);
  }
  if (a.feedback) article.append(el("p", "feedback", a.feedback));
  article.append(reviewsNode(a.reviews));
  article.append(gradeForm(sid, q, a));
  return article;
}
function bandClass(band) { return ["weak", "partial", "strong"].includes(band) ? "band-" + band : ""; }

// The answer as typed, with each matched concept's evidence marked where it stands. Spans count
// UTF-8 bytes; a span that does not land exactly on its evidence is left unmarked rather than
// marking the wrong words.
function answerNode(a) {
  const answer = String(a.answer ?? "");
  if (!answer.trim()) return el("div", "answer none", "(no answer)");
  const box = el("div", "answer");
  let at = 0;
  for (const [start, end, concepts] of evidenceRanges(answer, Array.isArray(a.matched) ? a.matched : [])) {
    if (start > at) box.append(text(answer.slice(at, start)));
    const mark = el("mark", "", answer.slice(start, end));
    mark.title = visible(concepts);
    box.append(mark);
    at = end;
  }
  if (at < answer.length) box.append(text(answer.slice(at)));
  return box;
}
function evidenceRanges(answer, matched) {
  const bytes = new TextEncoder().encode(answer);
  const decoder = new TextDecoder();
  const ranges = [];
  for (const m of matched) {
    const span = Array.isArray(m.span) ? m.span : [];
    const [from, to] = span;
    if (span.length !== 2 || !Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from || to > bytes.length) continue;
    const piece = decoder.decode(bytes.subarray(from, to));
    if (piece !== m.evidence) continue;
    const start = decoder.decode(bytes.subarray(0, from)).length;
    ranges.push([start, start + piece.length, String(m.concept ?? "")]);
  }
  ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  // Words that show two concepts are marked once, titled with both.
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) {
      last[1] = Math.max(last[1], range[1]);
      if (!last[2].split(", ").includes(range[2])) last[2] += ", " + range[2];
    } else merged.push(range.slice());
  }
  return merged;
}

// Reviews arrive oldest first and the last one counts; they show latest first.
function reviewsNode(reviews) {
  const list = Array.isArray(reviews) ? reviews : [];
  if (!list.length) return el("p", "dim reviews-none", "Not reviewed yet.");
  const box = el("div", "reviews-box");
  box.append(el("p", "label", "Reviews"));
  const ol = el("ol", "reviews");
  list.slice().reverse().forEach((review, index) => {
    const latest = index === 0;
    const item = el("li", latest ? "review counts" : "review superseded");
    item.append(el("span", "rscore", fmtScore(review.score)));
    item.append(el("span", "mark " + (latest ? "counts" : "superseded"), latest ? "counts" : "superseded"));
    item.append(text(review.reviewer ? " by " + review.reviewer + " · " : " · "), timeEl(review.time));
    if (review.note) item.append(el("div", "note", review.note));
    ol.append(item);
  });
  box.append(ol);
  return box;
}

// ---- Grading ------------------------------------------------------------------------------
let formCount = 0;
function draftKey(sid, questionId, attempt) { return JSON.stringify([sid, questionId, attempt]); }

function gradeForm(sid, q, a) {
  const n = ++formCount;
  const key = draftKey(sid, q.question_id, a.attempt);
  const form = el("form", "grade");
  form.setAttribute("aria-label", "Your grade for question " + (q.number ?? "") + (a.attempt === 2 ? ", answer to the follow-up" : ""));
  const score = document.createElement("input");
  Object.assign(score, {type: "number", name: "score", id: "grade-" + n + "-score", min: "0", max: "100", step: "0.1", required: true, placeholder: "0–100"});
  score.inputMode = "decimal";
  const note = document.createElement("textarea");
  Object.assign(note, {name: "note", id: "grade-" + n + "-note", maxLength: 2000, rows: 2, placeholder: "Why (optional; Ctrl+Enter saves)"});
  const save = el("button", "", "Save");
  save.type = "submit";
  save.name = "save";
  const message = el("span", "grade-msg");
  message.setAttribute("role", "status");
  message.setAttribute("aria-live", "polite");
  const scoreLabel = el("label", "", "Your score");
  scoreLabel.htmlFor = score.id;
  const noteLabel = el("label", "", "Note");
  noteLabel.htmlFor = note.id;
  const buttons = el("div", "buttons");
  buttons.append(save, message);
  form.append(scoreLabel, score, noteLabel, note, buttons);

  const draft = drafts.get(key);
  if (draft) { score.value = draft.score; note.value = draft.note; }
  form.addEventListener("input", () => {
    if (score.value || note.value) drafts.set(key, {score: score.value, note: note.value});
    else drafts.delete(key);
  });
  // Enter in the score field submits by itself (the form's implicit submission); in the note,
  // Enter is a new line and Ctrl/Cmd+Enter saves.
  note.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); submitForm(form); }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveGrade(form, sid, q.question_id, a.attempt, key);
  });
  return form;
}
// requestSubmit checks the fields first, as pressing Save would.
function submitForm(form) {
  if (typeof form.requestSubmit === "function") form.requestSubmit();
  else form.querySelector("button[type=submit]").click();
}
function showMessage(node, message, kind) {
  if (!node) return;
  node.textContent = visible(message);
  node.className = "grade-msg" + (kind ? " " + kind : "");
}

async function saveGrade(form, sid, questionId, attempt, key) {
  // One save at a time per answer: a second Enter while the first is on its way would record
  // the grade twice. (The button is not disabled: that would throw the focus away.)
  if (form.dataset.saving) return;
  const message = form.querySelector(".grade-msg");
  const scoreField = form.elements.namedItem("score");
  const score = Number(scoreField.value);
  if (scoreField.value.trim() === "" || !Number.isFinite(score) || score < 0 || score > 100) {
    showMessage(message, "Enter a score from 0 to 100.", "error");
    scoreField.focus();
    return;
  }
  const body = {question_id: questionId, attempt, score};
  const note = form.elements.namedItem("note").value.trim();
  if (note) body.note = note;
  const reviewer = $("reviewer").value.trim();
  if (reviewer) body.reviewer = reviewer;
  form.dataset.saving = "1";
  form.setAttribute("aria-busy", "true");
  showMessage(message, "Saving…", "");
  try {
    const created = await api("/v1/review/sessions/" + encodeURIComponent(sid) + "/grades", {method: "POST", body});
    drafts.delete(key);
    const fields = {reviewed: created.reviewed};
    if (typeof created.reviewed_score === "number") fields.reviewed_score = created.reviewed_score;
    patchRow(sid, fields);
    say("Saved");
    showMessage(message, "Saved", "ok");
    const refreshed = state.openId === sid && await refreshDetail(sid, {question: String(questionId), attempt: String(attempt)});
    // Without a fresh detail the form still holds what was saved; it empties so it is not sent twice.
    if (!refreshed && form.isConnected) form.reset();
  } catch (error) {
    // Whatever was typed stays in the form.
    if (error.status === 400) showMessage(message, error.message, "error");
    else if (error.status === 401) showMessage(message, "Not saved: the review token was not accepted; enter it again, then Save.", "error");
    else showMessage(message, "Not saved: " + String(error.message).replace(/[.\s]+$/, "") + ", try again.", "error");
  } finally {
    delete form.dataset.saving;
    form.removeAttribute("aria-busy");
  }
}

// The field that had the focus before the detail was rebuilt gets it back in the new detail,
// with the caret where it was.
function focusedField() {
  const active = document.activeElement;
  if (!active || !$("detail-body").contains(active)) return null;
  const article = active.closest("article.attempt");
  if (!article || !active.name) return null;
  let start = null, end = null;
  try { start = active.selectionStart; end = active.selectionEnd; } catch { /* a field without a caret */ }
  return {question: article.dataset.question, attempt: article.dataset.attempt, name: active.name, start, end};
}
function restoreFocus(focus) {
  const article = attemptById(focus.question, focus.attempt);
  if (!article) return;
  const field = [...article.querySelectorAll("[name]")].find((node) => node.name === focus.name);
  if (!field) return;
  field.focus({preventScroll: true});
  if (typeof focus.start === "number" && field.tagName === "TEXTAREA") {
    try { field.setSelectionRange(focus.start, focus.end ?? focus.start); } catch { /* not every field has a caret */ }
  }
}
function attemptById(question, attempt) {
  for (const article of $("detail-body").querySelectorAll("article.attempt")) {
    if (article.dataset.question === question && article.dataset.attempt === attempt) return article;
  }
  return null;
}

// ---- CSV ----------------------------------------------------------------------------------
// The export follows the filters as they stand in the form; if they were changed without
// pressing Filter, the table follows too, so what is downloaded is what is shown.
async function downloadCsv() {
  const button = $("csv");
  if (button.getAttribute("aria-busy") === "true") return;
  const filters = formFilters();
  if (!sameFilters(filters, state.filters)) { state.filters = filters; state.cursor = null; loadList(false); }
  button.setAttribute("aria-busy", "true");
  say("Preparing the CSV…");
  try {
    const blob = await api("/v1/review/export.csv" + query(filters), {as: "blob"});
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = "rehearse-review.csv";
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: some browsers start reading the file after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say("CSV downloaded.");
  } catch (error) {
    if (error.status !== 401) say("Could not download the CSV: " + error.message, true);
  } finally {
    button.removeAttribute("aria-busy");
  }
}

// ---- Keyboard -----------------------------------------------------------------------------
// Where letters are being typed, j, k and / are letters. A number field takes neither, so they
// stay shortcuts there: that is how j and k step from one score field to the next.
function isTyping(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  if (target.tagName !== "INPUT") return false;
  return !["number", "checkbox", "radio", "button", "submit", "reset"].includes(target.type);
}
function moveAttempt(step) {
  const inputs = [...$("detail-body").querySelectorAll("form.grade input[name=score]")];
  if (!inputs.length) return;
  const current = document.activeElement ? document.activeElement.closest("article.attempt") : null;
  let index = current ? inputs.findIndex((input) => current.contains(input)) : -1;
  index = index === -1 ? (step > 0 ? 0 : inputs.length - 1) : Math.min(inputs.length - 1, Math.max(0, index + step));
  inputs[index].closest("article.attempt").scrollIntoView({block: "nearest"});
  inputs[index].focus();
}
function onKey(event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || $("app").hidden) return;
  if (event.key === "Escape") {
    if (!$("detail").hidden) { event.preventDefault(); closeDetail(); }
    return;
  }
  if (isTyping(event.target)) return;
  if (event.key === "/") {
    event.preventDefault();
    $("f-candidate").focus();
    $("f-candidate").select();
  } else if ((event.key === "j" || event.key === "k") && !$("detail").hidden) {
    event.preventDefault();
    moveAttempt(event.key === "j" ? 1 : -1);
  }
}
function onRowKey(event) {
  const row = event.target instanceof Element && event.target.matches("tr[data-id]") ? event.target : null;
  if (!row) return;
  if (event.key === "Enter") { event.preventDefault(); openSession(row.dataset.id); }
  else if (event.key === "ArrowDown" && row.nextElementSibling) { event.preventDefault(); row.nextElementSibling.focus(); }
  else if (event.key === "ArrowUp" && row.previousElementSibling) { event.preventDefault(); row.previousElementSibling.focus(); }
}
function onRowClick(event) {
  const row = event.target instanceof Element ? event.target.closest("tr[data-id]") : null;
  // A click that ends a text selection is someone copying a name, not opening the session.
  if (!row || String(window.getSelection ? window.getSelection() : "").length) return;
  openSession(row.dataset.id);
}

// ---- Start --------------------------------------------------------------------------------
function start() {
  $("token-form").addEventListener("submit", acceptToken);
  $("forget").addEventListener("click", forgetToken);
  $("filters").addEventListener("submit", (event) => { event.preventDefault(); applyFilters(); });
  // The reset event comes before the fields are cleared.
  $("filters").addEventListener("reset", () => setTimeout(applyFilters, 0));
  $("csv").addEventListener("click", downloadCsv);
  // Not disabled while loading (that would throw the focus away); a second press waits instead.
  $("more").addEventListener("click", () => { if (!state.loadingMore) loadList(true); });
  $("close").addEventListener("click", () => closeDetail());
  for (const th of $("sessions").tHead.querySelectorAll("th[data-key]")) {
    th.querySelector("button").addEventListener("click", () => sortBy(th.dataset.key));
  }
  const rows = $("sessions").tBodies[0];
  rows.addEventListener("click", onRowClick);
  rows.addEventListener("keydown", onRowKey);
  document.addEventListener("keydown", onKey);
  $("reviewer").value = stored(REVIEWER_KEY) || "";
  $("reviewer").addEventListener("input", () => store(REVIEWER_KEY, $("reviewer").value.trim()));

  // A link such as #token=T&session=ID: the token is kept for the tab and leaves the address
  // bar (and so the history and any copied link) at once; the session stays.
  const fragment = readFragment();
  if (fragment.token) {
    store(TOKEN_KEY, fragment.token);
    setFragment(fragment.session || null);
  }
  state.token = fragment.token || stored(TOKEN_KEY);
  state.filters = formFilters();
  if (!state.token) {
    state.pendingSession = fragment.session || null;
    showTokenForm("");
    return;
  }
  showApp();
  loadList(false);
  if (fragment.session) openSession(fragment.session);
}

start();
