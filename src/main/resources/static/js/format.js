// Small pure helpers for display.

/** Builds an element: el("div", {class: "x", onclick: f}, child, "text"...). Text is always text, never HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// Feather icons (MIT): stroked 24 × 24 paths, so the page needs no icon font or emoji font.
const ICONS = {
  clip: [
    "M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48",
  ],
  file: ["M13 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z", "M13 2v7h7"],
  more: [
    "M5 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0",
    "M11 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0",
    "M17 12a1 1 0 1 0 2 0a1 1 0 1 0-2 0",
  ],
  bag: ["M6 2L3 6v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6l-3-4z", "M3 6h18", "M16 10a4 4 0 0 1-8 0"],
  receipt: [
    "M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z",
    "M14 2v6h6",
    "M16 13H8",
    "M16 17H8",
    "M10 9H8",
  ],
};

export function icon(name, size = 20) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  for (const [key, value] of Object.entries({
    viewBox: "0 0 24 24",
    width: size,
    height: size,
    fill: "none",
    stroke: "currentColor",
    "stroke-width": "2",
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
    "aria-hidden": "true",
  })) {
    svg.setAttribute(key, value);
  }
  for (const d of ICONS[name]) {
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

export function time(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function day(iso) {
  const date = new Date(iso);
  const today = new Date();
  const yesterday = new Date(Date.now() - 86400000);
  if (date.toDateString() === today.toDateString()) return "Today";
  if (date.toDateString() === yesterday.toDateString()) return "Yesterday";
  return date.toLocaleDateString([], { weekday: "short", day: "numeric", month: "short", year: "numeric" });
}

/** "10:42" today, "Mon" this week, "3 Dec" before. */
export function shortWhen(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  const age = Date.now() - date.getTime();
  if (new Date().toDateString() === date.toDateString()) return time(iso);
  if (age < 6 * 86400000) return date.toLocaleDateString([], { weekday: "short" });
  return date.toLocaleDateString([], { day: "numeric", month: "short" });
}

export function bytes(n) {
  if (n < 1024) return n + " B";
  if (n < 1024 * 1024) return (n / 1024).toFixed(0) + " KB";
  return (n / 1024 / 1024).toFixed(1) + " MB";
}

/** Who the room is with, from the viewer's side: the server's title (the store, the customer, the other person). */
export function roomTitle(room, me) {
  if (room.title) return room.title;
  const others = room.participants.filter((p) => p.id !== me.id).map((p) => p.name);
  return room.room_type === "group" ? room.name || others.join(", ") : others.join(", ") || room.name;
}

/** In a customer-store room, everyone but its customer speaks for the store. */
export function isStoreSide(room, me) {
  return room.room_type === "customer_store" && isTeamSide(room, me);
}

/** In a conversation with a customer (a store's or support's), the viewer is of the team that answers. */
export function isTeamSide(room, me) {
  const customer = room.customer ?? (room.room_type === "customer_store" ? room.created_by : null);
  return !!customer && customer.id !== me.id;
}

/** Whether a read by this user is a read by "the other side" of my messages (what is_read means per room type). */
export function readsForMe(room, me, readerId) {
  if (readerId === me.id) return false;
  if (room.customer) return (room.customer.id === me.id) !== (room.customer.id === readerId);
  return room.participants.length === 2;
}

export function preview(message) {
  if (!message) return "No messages yet";
  if (message.is_deleted) return "Message deleted";
  switch (message.message_type) {
    case "image":
      return "Photo" + (message.content ? ": " + message.content : "");
    case "file":
      return "File: " + (message.content || message.attachment?.file_name || "");
    case "note":
      return "Note: " + message.content;
    case "product":
      return "Product: " + (message.ref?.snapshot?.name || message.content);
    case "order":
      return "Order " + (message.ref?.snapshot?.order_number || message.content);
    default:
      return message.content;
  }
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat([], { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency ?? ""}`.trim();
  }
}

/** A round badge with a name's initials (decorative: the name is always written next to it). */
export function avatar(name) {
  const words = String(name || "?")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const initials = words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] || "?").slice(0, 2);
  let hue = 0;
  for (const ch of String(name)) hue = (hue * 31 + ch.codePointAt(0)) % 360;
  return el("span", { class: "avatar", "aria-hidden": "true", style: `--hue: ${hue}` }, initials.toUpperCase());
}

/** The snippet as text, with its matches in <mark>: built from offsets, never parsed as HTML. */
export function highlighted(snippet, ranges) {
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(snippet.slice(at, start), el("mark", {}, snippet.slice(start, end)));
    at = end;
  }
  parts.push(snippet.slice(at));
  return parts;
}
