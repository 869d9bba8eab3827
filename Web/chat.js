// The chat page's behaviour (chat.html). Embedded into the binary by the EmbedScenarios plugin and
// inlined into the page by the daemon, which serves one self-contained document.
// Everything the daemon says is inserted as text (textContent), never as HTML.
"use strict";
const $ = (id) => document.getElementById(id);
const log = $("log");
let session = null;   // {id, token, interviewer}
let busy = false;

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}
// Scrolled once the caller has filled the node: scrolling an empty box left a long report
// starting below the fixed footer.
function add(node) { log.appendChild(node); requestAnimationFrame(() => node.scrollIntoView({block: "end"})); return node; }
const reducedMotion = () => window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

// An answer as typed: prose keeps its line breaks, ``` blocks show as code. Text only, never HTML.
function rich(cls, text) {
  const box = el("div", cls); let code = null; let prose = [];
  const flush = () => { if (prose.length) box.appendChild(document.createTextNode(prose.join("\n"))); prose = []; };
  for (const line of String(text).split("\n")) {
    if (line.trim().startsWith("```")) {
      if (code === null) { flush(); code = []; }
      else { const pre = box.appendChild(el("pre")); pre.appendChild(el("code", "", code.join("\n"))); code = null; }
    } else if (code !== null) code.push(line); else prose.push(line);
  }
  if (code !== null) { const pre = box.appendChild(el("pre")); pre.appendChild(el("code", "", code.join("\n"))); }
  flush();
  return box;
}
function status(text) { $("status").textContent = text || ""; }
function pct(x) { return Math.round(x * 10) / 10; }
function bar(score, band) {
  const outer = el("div", "bar " + band); const inner = el("div");
  inner.style.width = Math.max(0, Math.min(100, score)) + "%"; outer.appendChild(inner); return outer;
}

async function call(method, path, body, token) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers["Authorization"] = "Bearer " + token;
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const data = await response.json().catch(() => ({error: "the daemon's reply could not be read"}));
  if (!response.ok) throw new Error(data.error || ("HTTP " + response.status));
  return data;
}

function render(message) {
  const who = (session && session.interviewer) || "Interviewer";
  switch (message.type) {
    case "greeting": {
      if (session) session.interviewer = message.interviewer;
      const box = add(el("div", "msg")); box.appendChild(el("span", "who", message.interviewer + ": "));
      box.appendChild(document.createTextNode(message.text)); break;
    }
    case "question": {
      const q = message.question; const box = add(el("div", "msg"));
      box.dataset.type = "question";
      box.appendChild(el("div", "qhead", "Question " + q.number + "/" + q.total + " · " + q.topic + " · " + q.difficulty));
      $("progress").textContent = "Question " + q.number + " of " + q.total;
      box.appendChild(el("div", "", q.prompt));
      if (q.time_limit) box.appendChild(el("div", "evidence", "Time limit: " + Math.floor(q.time_limit / 60) + ":" + String(q.time_limit % 60).padStart(2, "0")));
      break;
    }
    case "feedback": {
      const r = message.report; const box = add(el("div", "msg")); box.dataset.type = "feedback";
      const head = el("div", "score " + message.band, "Score " + pct(message.score) + "/100 · " + message.band
        + (typeof r.follow_up_from === "number" ? " (" + pct(r.follow_up_from) + " → " + pct(message.score) + " after the follow-up)" : ""));
      box.appendChild(head); box.appendChild(bar(message.score, message.band));
      if (r.matched.length) {
        box.appendChild(el("div", "who", "Covered"));
        const list = box.appendChild(el("ul", "concepts"));
        for (const m of r.matched) { const li = list.appendChild(el("li", "hit", m.concept + " ")); li.appendChild(el("span", "evidence", "— “" + m.evidence + "”")); }
      }
      if (r.missed.length) {
        box.appendChild(el("div", "who", "Missed"));
        const list = box.appendChild(el("ul", "concepts"));
        for (const m of r.missed) list.appendChild(el("li", "miss", m.concept + (m.required ? " (required for strong)" : "")));
      }
      box.appendChild(el("div", "", r.feedback));
      const samples = sampleLine(r);
      if (samples) box.appendChild(el("div", "evidence", samples));
      if (message.hint_cap !== undefined && r.score > message.hint_cap) box.appendChild(el("div", "evidence", "Capped at " + pct(message.hint_cap) + " by the hints you used."));
      break;
    }
    case "follow_up": {
      const box = add(el("div", "msg")); box.appendChild(el("span", "who", who + ": Follow-up — "));
      box.appendChild(document.createTextNode(message.text)); break;
    }
    case "hint": add(el("div", "msg warn", "Hint " + message.number + "/" + message.total + ": " + message.text + " (this question can now score at most " + pct(message.cap) + ")")); break;
    case "reference": add(el("div", "msg info", "Reference answer: " + message.answer + (message.code ? "\n" + message.code : ""))); break;
    case "warning": add(el("div", "msg warn", "warning: " + message.text)); break;
    case "closing": renderClosing(message); break;
    default: if (message.text) add(el("div", "msg info", message.text));
  }
}

function renderClosing(message) {
  const c = message.closing; const box = add(el("div", "msg")); box.dataset.type = "closing";
  const who = (session && session.interviewer) || "Interviewer";
  box.appendChild(el("div", "", who + ": " + message.text));
  box.appendChild(el("h3", "", "Your results"));
  const table = box.appendChild(el("table"));
  const head = table.appendChild(el("tr"));
  for (const h of ["#", "Question", "Topic", "Level", "Score", "Hints"]) head.appendChild(el("th", "", h));
  c.questions.forEach((q, i) => {
    const row = table.appendChild(el("tr"));
    const score = q.skipped ? "skipped" : (q.answered ? String(pct(q.score)) : "—");
    for (const v of [String(i + 1), q.prompt, q.topic, q.difficulty, score, String(q.hints_used)]) row.appendChild(el("td", "", v));
  });
  const band = c.band || "partial";  // the daemon's bands (config bands.strong / bands.partial)
  if (c.questions.some(q => q.answered)) {
    box.appendChild(el("div", "score " + band, "Overall " + pct(c.overall) + "/100"));
    box.appendChild(bar(c.overall, band));
  } else {
    box.appendChild(el("div", "", "Nothing was answered, so there is nothing to score."));
  }
  if (c.topics.length > 1) box.appendChild(el("div", "", "By topic: " + c.topics.map(t => t.topic + " " + pct(t.average)).join(" · ")));
  if (c.most_missed.length) {
    box.appendChild(el("div", "who", "Most missed"));
    const list = box.appendChild(el("ul", "concepts"));
    for (const m of c.most_missed) { const li = list.appendChild(el("li", "miss", m.concept + (m.count > 1 ? " (" + m.count + "×) " : " "))); if (m.sentence) li.appendChild(el("span", "evidence", "— " + m.sentence)); }
  }
  const answered = c.questions.filter(q => q.reference);
  if (answered.length) {
    box.appendChild(el("div", "who", "Reference answers"));
    c.questions.forEach((q, i) => {
      if (!q.reference) return;
      const details = box.appendChild(el("details", "reference"));
      details.appendChild(el("summary", "", (i + 1) + ". " + q.prompt));
      details.appendChild(el("div", "", q.reference));
    });
  }
  box.appendChild(el("div", "evidence", "Transcript on the daemon: " + c.transcript));
  // The report starts where the reader starts: at its top, not its last line.
  requestAnimationFrame(() => box.scrollIntoView({block: "start", behavior: reducedMotion() ? "auto" : "smooth"}));
}

function setEnabled(on) {
  for (const id of ["answer", "send", "hint", "skip", "end"]) $(id).disabled = !on;
  // While an interview runs the setup folds away (a phone needs the room); "New interview"
  // opens it again.
  document.body.classList.toggle("running", Boolean(session));
  if (!session) document.body.classList.remove("setup-open");
  if (on) $("answer").focus();
}

function apply(reply) {
  for (const m of reply.messages) render(m);
  if (reply.session.status === "finished") {
    setEnabled(false); sessionStorage.removeItem("rehearse.session"); session = null;
    status("The interview has ended. Start another whenever you like.");
  } else {
    status(reply.session.status === "follow_up" ? "Answer the follow-up, or Skip." : "");
  }
}

// The daemon's /help describes the terminal (Ctrl-D, backslashes); the page answers it itself.
const WEB_HELP = "Type your answer in the box and press Enter or the send button (Shift+Enter starts a new line). "
  + "Hint asks for a hint (it lowers the most this question can score), Skip moves on, End finishes the interview. "
  + "You can also type /hint, /skip, /repeat, /score, /time or /quit.";

// An input whose reply never came (a 503, a dropped connection): sending the same text again
// reuses its id, so the daemon records it once however many tries it took.
let unsent = null;
function inputID(text) {
  if (unsent && unsent.text === text) return unsent.id;
  const id = self.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
  unsent = {text, id};
  return id;
}

async function send(text) {
  if (!session || busy || !text.trim()) return;
  if (text.trim() === "/help") { add(el("div", "msg info", WEB_HELP)); $("answer").value = ""; return; }
  busy = true; setEnabled(false);
  if (!text.startsWith("/")) add(rich("msg me", text));
  try {
    const reply = await call("POST", "/v1/sessions/" + session.id + "/input", {text, input_id: inputID(text)}, session.token);
    unsent = null;
    if (!text.startsWith("/")) $("answer").value = "";
    apply(reply);
  } catch (error) {
    add(el("div", "msg warn", String(error.message) + " — your answer is still in the box; send it again."));
  } finally {
    busy = false; if (session) setEnabled(true);
  }
}

async function start() {
  if (session && !confirm("Start a new interview? The one in progress stays unfinished.")) return;
  const body = {scenario: $("scenario").value, follow_up: $("followup").checked};
  const count = parseInt($("count").value, 10);
  if (count > 0) body.count = count;
  // Optional, and kept in this browser so a returning candidate need not type it again.
  const candidate = $("candidate").value.trim();
  if (candidate) body.candidate = candidate;
  try { candidate ? localStorage.setItem("rehearse.candidate", candidate) : localStorage.removeItem("rehearse.candidate"); } catch { /* storage off */ }
  $("start").disabled = true;
  try {
    const reply = await call("POST", "/v1/sessions", body);
    session = {id: reply.id, token: reply.token, interviewer: null};
    history.replaceState(null, "", "/");
    sessionStorage.setItem("rehearse.session", JSON.stringify(session));
    log.textContent = "";
    setEnabled(true); apply(reply);
  } catch (error) {
    add(el("div", "msg warn", "Could not start: " + error.message));
  } finally { $("start").disabled = false; }
}

// A session link (#session=ID&token=TOKEN, as `rehearse practice --server` prints) or this
// tab's own session: the conversation so far is rebuilt from the transcript.
async function resume() {
  const params = new URLSearchParams(location.hash.slice(1));
  let saved = params.get("session") && params.get("token") ? {id: params.get("session"), token: params.get("token")} : null;
  if (!saved) saved = JSON.parse(sessionStorage.getItem("rehearse.session") || "null");
  if (!saved) return;
  try {
    session = {id: saved.id, token: saved.token, interviewer: null};
    const state = await call("GET", "/v1/sessions/" + session.id, undefined, session.token);
    session.interviewer = state.interviewer || null;
    const response = await fetch("/v1/sessions/" + session.id + "/transcript", {headers: {"Authorization": "Bearer " + session.token}});
    const lines = (await response.text()).split("\n").filter(Boolean).map(line => JSON.parse(line));
    log.textContent = "";
    replay(lines, state.total, Boolean(state.closing));
    if (state.status === "finished") {
      if (state.closing) renderClosing(state.closing);
      session = null; setEnabled(false); status("This interview has ended."); return;
    }
    sessionStorage.setItem("rehearse.session", JSON.stringify(session));
    setEnabled(true);
  } catch (error) { session = null; sessionStorage.removeItem("rehearse.session"); status("Could not resume: " + error.message); }
}

// What graded samples did to a score, in one line (as the terminal says it); "" without samples.
function sampleLine(r) {
  if (!Array.isArray(r.closest_samples)) return "";
  const parts = [];
  if (r.matched_sample) parts.push("Closest accepted answer: " + r.matched_sample.label + " (graded " + pct(r.matched_sample.score) + ").");
  if (!r.closest_samples.length) { parts.push("No graded answer resembles yours, so the rubric alone scored it."); return parts.join(" "); }
  let text = "Graded answers closest to yours: " + r.closest_samples.map(s => pct(s.score)).join(", ");
  if (typeof r.concept_score === "number" && Math.abs(r.concept_score - r.score) >= 0.05) text += " (they moved the score " + pct(r.concept_score) + " → " + pct(r.score) + ")";
  parts.push(text + ".");
  return parts.join(" ");
}

function replay(lines, total, hasClosing) {
  for (const r of lines) {
    switch (r.type) {
      case "question": render({type: "question", question: {number: r.number, total, topic: r.topic, difficulty: r.difficulty, prompt: r.prompt}}); break;
      case "answer": add(rich("msg me", r.text)); break;
      case "score": render({type: "feedback", score: r.final_score, band: r.band, report: {score: r.score, matched: r.matched || [], missed: r.missed || [], feedback: r.feedback || "", concept_score: r.concept_score, closest_samples: r.closest_samples, matched_sample: r.matched_sample}}); break;
      case "follow_up": render({type: "follow_up", text: r.text}); break;
      case "hint": add(el("div", "msg warn", "Hint " + r.number + ": " + r.text)); break;
      case "skip": add(el("div", "msg info", "Skipped.")); break;
      case "session_end": if (!hasClosing) add(el("div", "msg", "The interview ended (" + r.reason + "). Overall " + pct(r.overall || 0) + "/100.")); break;
    }
  }
}

async function loadScenarios() {
  try {
    const data = await call("GET", "/v1/scenarios");
    for (const s of data.scenarios) {
      const option = el("option", "", s.title + " (" + s.count + " questions)"); option.value = s.id;
      if (s.default) option.selected = true; $("scenario").appendChild(option);
    }
  } catch (error) { status("Could not list the scenarios: " + error.message); }
}

$("start").addEventListener("click", start);
$("setup").addEventListener("click", () => document.body.classList.toggle("setup-open"));
$("send").addEventListener("click", () => send($("answer").value));
$("hint").addEventListener("click", () => send("/hint"));
$("skip").addEventListener("click", () => send("/skip"));
$("end").addEventListener("click", () => send("/quit"));
$("answer").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); send($("answer").value); }
});
try { $("candidate").value = localStorage.getItem("rehearse.candidate") || ""; } catch { /* storage off */ }
loadScenarios().then(resume);
