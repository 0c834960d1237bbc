import DOMPurify from "dompurify";
import $ from "jquery";

export function renderComments(list, comments) {
  for (const c of comments) {
    const item = document.createElement("li");
    // ruleid: javascript.xss-html-sink
    item.innerHTML = `<strong>${c.author}</strong>: ${c.body}`;
    list.appendChild(item);
  }
}

export function showSearch(params) {
  const q = params.get("q");
  // ruleid: javascript.xss-html-sink
  document.getElementById("summary").innerHTML += "Results for " + q;
  // ruleid: javascript.xss-html-sink
  document.querySelector("#banner").insertAdjacentHTML("beforeend", q);
  // ruleid: javascript.xss-html-sink
  document.write(location.hash.slice(1));
  // ruleid: javascript.xss-html-sink
  $("#title").html(params.get("title"));
  // ruleid: javascript.xss-html-sink
  document.querySelector("#card").outerHTML = window.name;
}

export function renderSafely(list, comments, params) {
  for (const c of comments) {
    const item = document.createElement("li");
    // ok: javascript.xss-html-sink
    item.textContent = `${c.author}: ${c.body}`;
    list.appendChild(item);
  }
  const note = document.getElementById("note");
  // ok: javascript.xss-html-sink
  note.innerHTML = DOMPurify.sanitize(params.get("note"));
  // ok: javascript.xss-html-sink
  note.innerHTML = "";
  const sanitizedNote = DOMPurify.sanitize(params.get("note"), { USE_PROFILES: { html: true } });
  // ok: javascript.xss-html-sink
  note.innerHTML = sanitizedNote;
  // ok: javascript.xss-html-sink
  note.innerHTML = `<p class="empty">Nothing here yet</p>`;
  // ok: javascript.xss-html-sink
  $("#title").text(params.get("title"));
  // ok: javascript.xss-html-sink
  const current = $("#title").html();
  return current;
}
