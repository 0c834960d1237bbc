import DOMPurify from "dompurify";

const API_BASE = "/api/v1";
const TOKEN_STORAGE_KEY = "session.accessToken";

export function saveToken(accessToken) {
  sessionStorage.setItem(TOKEN_STORAGE_KEY, accessToken);
}

export function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_STORAGE_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export async function loadComments(postId) {
  const response = await fetch(`${API_BASE}/posts/${encodeURIComponent(postId)}/comments`, {
    headers: authHeaders(),
  });
  if (!response.ok) {
    throw new Error(`comments request failed: ${response.status}`);
  }
  return response.json();
}

export function renderComments(list, comments) {
  list.replaceChildren();
  for (const comment of comments) {
    const item = document.createElement("li");
    const author = document.createElement("strong");
    author.textContent = comment.author;
    const body = document.createElement("div");
    body.className = "comment-body";
    body.innerHTML = DOMPurify.sanitize(comment.html, { USE_PROFILES: { html: true } });
    item.append(author, body);
    list.appendChild(item);
  }
}

export function showStatus(element, message) {
  element.textContent = message;
  element.hidden = false;
  setTimeout(() => {
    element.hidden = true;
  }, 3000);
}

export function clearResults(container) {
  container.innerHTML = "";
}

export function showEmptyState(container) {
  container.innerHTML = `<p class="empty">No results yet. Try another search.</p>`;
}

export function renderSearchTitle(heading, params) {
  heading.textContent = `Results for ${params.get("q") || "everything"}`;
}

export function newClientRequestId() {
  return crypto.randomUUID();
}

export async function refreshPeriodically(postId, list) {
  const tick = async () => {
    try {
      renderComments(list, await loadComments(postId));
    } catch (err) {
      console.warn("refresh failed", err);
    }
  };
  await tick();
  return setInterval(tick, 30_000);
}
