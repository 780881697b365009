// The public REST API, with the signed-in user's bearer token.

const TOKEN_KEY = "sudamall-chat-token";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || "http_" + status;
  }
}

export const session = {
  token: sessionStorage.getItem(TOKEN_KEY),
  user: null,

  /** Keeps the token for this tab and reads who it names (the server verifies it; this only labels the UI). */
  signIn(token, user) {
    this.token = token;
    sessionStorage.setItem(TOKEN_KEY, token);
    this.user = user || userFromToken(token);
  },

  signOut() {
    this.token = null;
    this.user = null;
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

function userFromToken(token) {
  try {
    const payload = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return { id: payload.sub, name: payload.name || payload.email || payload.sub, roles: payload.roles || [] };
  } catch {
    return null;
  }
}

export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (session.token) headers.Authorization = "Bearer " + session.token;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path.startsWith("/") ? path : "/api/chat/" + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => api("GET", path);
export const post = (path, body) => api("POST", path, body ?? {});
export const patch = (path, body) => api("PATCH", path, body);
export const del = (path) => api("DELETE", path);

/** Uploads a file to a room, reporting progress (0..1); resolves with the attachment. */
export function upload(roomId, file, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("room_id", roomId);
    form.append("file", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/chat/attachments/");
    request.setRequestHeader("Authorization", "Bearer " + session.token);
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    request.onload = () => {
      let data = null;
      try {
        data = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        // a proxy's HTML error page, say: the status tells enough
      }
      request.status === 201 ? resolve(data) : reject(new ApiError(request.status, data));
    };
    request.onerror = () => reject(new ApiError(0, { detail: "The upload was interrupted" }));
    request.send(form);
  });
}

const blobs = new Map();

/** A file the API serves behind the bearer token, as an object URL an <img> or <a> can use. */
export async function objectUrl(path) {
  if (!blobs.has(path)) {
    blobs.set(
      path,
      fetch(path, { headers: { Authorization: "Bearer " + session.token } }).then(async (response) => {
        if (!response.ok) throw new ApiError(response.status, null);
        return URL.createObjectURL(await response.blob());
      }),
    );
  }
  return blobs.get(path);
}

/** Dev mode only: signs in as any user id. */
export async function devLogin(userId) {
  const data = await api("POST", "/api/auth/dev-login", { user_id: userId });
  return data;
}
