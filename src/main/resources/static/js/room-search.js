// "Search in this conversation": the same search as the inbox's, limited to the open room (room_id), with the hits
// listed under the header; picking one scrolls the conversation to it, loading older pages as far as it needs.
import { get } from "./api.js";
import { el, highlighted, shortWhen } from "./format.js";

export class RoomSearch {
  /** {@code room()} is the open room; {@code pick(hit)} shows a hit's message in the conversation. */
  constructor(room, pick, notify) {
    this.room = room;
    this.pick = pick;
    this.notify = notify;
    this.input = el("input", { type: "search", id: "room-search-input", placeholder: "Search in this conversation",
      "aria-label": "Search in this conversation", onkeydown: (e) => e.key === "Escape" && this.close() });
    this.results = el("ol", { class: "room-search-results", "aria-label": "Found in this conversation" });
    this.element = el("form", { class: "room-search", role: "search", hidden: true, onsubmit: (e) => (e.preventDefault(), this.run()) },
      el("div", { class: "room-search-bar" },
        this.input,
        el("button", { type: "submit" }, "Search"),
        el("button", { type: "button", class: "link", onclick: () => this.close() }, "Close")),
      this.results);
  }

  toggle() {
    if (this.element.hidden) this.openBar();
    else this.close();
  }

  openBar() {
    this.element.hidden = false;
    this.input.focus();
  }

  close() {
    this.element.hidden = true;
    this.input.value = "";
    this.results.replaceChildren();
  }

  async run() {
    const room = this.room();
    const q = this.input.value.trim();
    if (!room || !q) return;
    try {
      const { results: hits } = await get(`search/?q=${encodeURIComponent(q)}&room_id=${room.room_id}&limit=50`);
      if (this.room() !== room) return;
      this.results.replaceChildren(...hits.map((hit) =>
        el("li", {}, el("button", { type: "button", class: "search-hit", dataset: { messageId: hit.message_id }, onclick: () => this.pick(hit) },
          el("span", { class: "room-line" },
            el("strong", {}, hit.sender?.name ?? "System"),
            el("time", { datetime: hit.sent_at }, shortWhen(hit.sent_at))),
          el("span", { class: "room-preview" }, highlighted(hit.snippet, hit.highlights))))));
      if (hits.length === 0) this.results.append(el("li", { class: "empty" }, "Nothing found in this conversation"));
    } catch (error) {
      this.notify(error.message);
    }
  }
}
