// The store desk inside a conversation. For the team that answers it: status, snooze, assignee and labels, with
// keyboard shortcuts, and the store's reply-time facts. For the customer: the rating card of a resolved
// conversation. Everything goes through the public API (PATCH rooms/{id}/, rooms/{id}/rating/, stores/{id}/stats/).

import { get, patch, post } from "./api.js";
import { el, isTeamSide, time } from "./format.js";

const STATUSES = [
  ["open", "Open", "O"],
  ["pending", "Pending", "P"],
  ["resolved", "Resolved", "R"],
];

export function isConversation(room) {
  return room.room_type === "customer_store" || room.room_type === "customer_support";
}

/** The team's controls of one conversation; {@code onChange} gets the room as the server answered. */
export class DeskBar {
  constructor(room, me, onChange, notify) {
    this.room = room;
    this.me = me;
    this.onChange = onChange;
    this.notify = notify;
    this.element = isConversation(room) && isTeamSide(room, me) ? this.build() : null;
  }

  async change(body) {
    try {
      this.onChange(await patch(`rooms/${this.room.room_id}/`, body));
    } catch (e) {
      this.notify(e.message);
    }
  }

  build() {
    const room = this.room;
    const status = el(
      "div",
      { class: "segmented", role: "group", "aria-label": "Status" },
      ...STATUSES.map(([value, label, key]) =>
        el("button", {
          type: "button",
          "aria-pressed": String(room.status === value),
          "aria-keyshortcuts": `Alt+Shift+${key}`,
          title: `${label} (Alt+Shift+${key})`,
          dataset: { status: value },
          onclick: () => this.change({ status: value }),
        }, label)),
    );
    const snooze = el(
      "select",
      { id: "snooze", "aria-label": "Snooze", onchange: (e) => {
        const until = snoozeUntil(e.target.value);
        e.target.value = "";
        if (until) this.change({ snoozed_until: until });
      } },
      el("option", { value: "" }, room.status === "snoozed" ? `Snoozed until ${time(room.snoozed_until)}` : "Snooze…"),
      el("option", { value: "hour" }, "for an hour"),
      el("option", { value: "tomorrow" }, "until tomorrow 9:00"),
    );
    const team = room.participants.filter((p) => p.id !== room.customer?.id);
    if (room.assignee && !team.some((p) => p.id === room.assignee.id)) team.push(room.assignee);
    const assignee = el(
      "select",
      { id: "assignee", "aria-label": "Assignee", "aria-keyshortcuts": "Alt+Shift+M",
        onchange: (e) => this.change({ assignee: e.target.value || null }) },
      el("option", { value: "" }, "Unassigned"),
      ...team.map((p) => el("option", { value: p.id, selected: room.assignee?.id === p.id },
        p.id === this.me.id ? `${p.name} (me)` : p.name)),
    );
    const labels = el("input", {
      id: "labels",
      "aria-label": "Labels, comma-separated",
      placeholder: "Labels",
      value: room.labels.join(", "),
      onchange: (e) => this.change({ labels: e.target.value.split(",").map((s) => s.trim()).filter(Boolean) }),
    });
    return el("div", { class: "desk-bar", role: "toolbar", "aria-label": "Conversation" }, status, snooze, assignee, labels);
  }

  /** Alt+Shift+O, P, R set the status; Alt+Shift+M takes the conversation. True when the key was one of them. */
  shortcut(e) {
    if (!this.element || !e.altKey || !e.shiftKey) return false;
    // by the key's place, not its character: Alt and Shift change the character on some layouts
    const key = e.code.startsWith("Key") ? e.code.slice(3) : "";
    const status = STATUSES.find(([, , k]) => k === key);
    if (status) this.change({ status: status[0] });
    else if (key === "M") this.change({ assignee: this.me.id });
    else return false;
    e.preventDefault();
    return true;
  }
}

function snoozeUntil(choice) {
  const when = new Date();
  if (choice === "hour") return new Date(when.getTime() + 3600_000).toISOString();
  if (choice === "tomorrow") {
    when.setDate(when.getDate() + 1);
    when.setHours(9, 0, 0, 0);
    return when.toISOString();
  }
  return null;
}

/** For the customer of a resolved conversation: 1 to 5 and an optional comment, once per resolution. */
export async function ratingCard(room, me, notify) {
  if (!isConversation(room) || room.customer?.id !== me.id || room.status !== "resolved") return null;
  const state = await get(`rooms/${room.room_id}/rating/`);
  if (!state.requested) {
    return state.rating ? el("p", { class: "rating-card rated" }, `You rated this conversation ${state.rating.rating} of 5. Thank you!`) : null;
  }
  let chosen = 0;
  const stars = [1, 2, 3, 4, 5].map((n) =>
    el("button", { type: "button", class: "star", "aria-pressed": "false", "aria-label": `${n} of 5`, dataset: { stars: n },
      onclick: () => {
        chosen = n;
        stars.forEach((star, i) => star.setAttribute("aria-pressed", String(i < n)));
        send.disabled = false;
      } }, "★"));
  const comment = el("textarea", { id: "rating-comment", rows: "2", maxlength: "1000", placeholder: "Anything to add? (optional)", "aria-label": "Comment" });
  const send = el("button", { type: "submit", disabled: true }, "Send rating");
  const card = el("form", { class: "rating-card", "aria-label": "Rate this conversation", onsubmit: async (e) => {
    e.preventDefault();
    try {
      const rated = await post(`rooms/${room.room_id}/rating/`, { rating: chosen, comment: comment.value || null });
      card.replaceWith(el("p", { class: "rating-card rated" }, `You rated this conversation ${rated.rating.rating} of 5. Thank you!`));
    } catch (error) {
      notify(error.message);
    }
  } },
    el("h3", {}, "How did we do?"),
    el("div", { class: "stars", role: "group", "aria-label": "Rating" }, ...stars),
    comment,
    send);
  return card;
}

/** The store's reply-time facts, for its team beside a conversation. */
export function storeFacts(storeId) {
  const box = el("section", { class: "store-facts", "aria-label": "Your replies" }, el("h3", {}, "Your replies, last 30 days"));
  get(`stores/${storeId}/stats/`).then((s) => {
    const rows = [
      ["Conversations", s.conversations],
      ["First reply (median)", duration(s.first_response.median_seconds)],
      ["Answered within an hour", s.answered_within_hour_share == null ? "—" : `${Math.round(s.answered_within_hour_share * 100)} %`],
      ["Resolved", s.by_status.resolved],
      ["Rating", s.ratings.count ? `${s.ratings.average} of 5 (${s.ratings.count})` : "—"],
    ];
    box.append(el("dl", {}, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
  }, () => box.remove());
  return box;
}

function duration(seconds) {
  if (seconds == null) return "—";
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/** The composer's "/" menu: the store's canned replies by shortcut, filled in for the conversation. */
export class CannedMenu {
  constructor(input, roomOf, me, id = "canned-menu", label = "Canned replies") {
    this.input = input;
    this.roomOf = roomOf;
    this.me = me;
    this.id = id;
    this.items = [];
    this.index = 0;
    this.list = el("ul", { class: "canned-menu", id, role: "listbox", "aria-label": label, hidden: true });
    input.addEventListener("input", () => this.update());
  }

  /** One entry of the menu. */
  view(item) {
    return [el("strong", {}, "/" + item.shortcut), " ", item.text];
  }

  async update() {
    const room = this.roomOf();
    const value = this.input.value;
    if (!room || !isConversation(room) || !isTeamSide(room, this.me) || !/^\/[a-z0-9_-]*$/.test(value)) return this.hide();
    try {
      const { results } = await get(`rooms/${room.room_id}/canned_replies/?q=${encodeURIComponent(value.slice(1))}`);
      if (this.input.value !== value) return;
      this.items = results;
      this.index = 0;
      this.render();
    } catch {
      this.hide();
    }
  }

  render() {
    this.list.hidden = this.items.length === 0;
    this.input.setAttribute("aria-expanded", String(!this.list.hidden));
    if (!this.list.hidden) this.input.setAttribute("aria-controls", this.id);
    this.list.replaceChildren(...this.items.map((item, i) =>
      el("li", { role: "option", id: `${this.id}-${i}`, "aria-selected": String(i === this.index),
        onmousedown: (e) => (e.preventDefault(), this.pick(i)) },
        ...this.view(item))));
    if (!this.list.hidden) this.input.setAttribute("aria-activedescendant", `${this.id}-${this.index}`);
  }

  hide() {
    this.items = [];
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  /** Arrows move, Enter or Tab picks, Escape closes; true when the menu took the key. */
  handleKey(e) {
    if (this.list.hidden) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      this.index = (this.index + (e.key === "ArrowDown" ? 1 : this.items.length - 1)) % this.items.length;
      this.render();
    } else if (e.key === "Enter" || e.key === "Tab") {
      this.pick(this.index);
    } else if (e.key === "Escape") {
      this.hide();
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  }

  /** The reply's text goes into the composer, to read over and send. */
  pick(i) {
    this.input.value = this.items[i].text;
    this.hide();
    this.input.focus();
  }
}
