// The inbox: the user's rooms, newest activity first, with the other party, store, product, last message and
// unread badge, kept up to date by socket frames.

import { get } from "./api.js";
import { isConversation } from "./desk.js";
import { avatar, el, isStoreSide, isTeamSide, preview, roomTitle, shortWhen } from "./format.js";

export class Inbox {
  constructor(list, filter, me, onOpen, deskTabs) {
    this.list = list;
    this.filter = filter;
    this.me = me;
    this.onOpen = onOpen;
    this.rooms = new Map();
    this.activeId = null;
    // the store desk's tabs, for whoever answers conversations: whose (mine, unassigned, all) and which status
    this.deskTabs = deskTabs;
    this.desk = { who: "all", status: "any" };
    filter.addEventListener("change", () => this.render());
    deskTabs.addEventListener("click", (e) => {
      const button = e.target.closest("button");
      if (!button) return;
      if (button.dataset.who) this.desk.who = button.dataset.who;
      if (button.dataset.status) this.desk.status = button.dataset.status;
      for (const b of deskTabs.querySelectorAll("button")) {
        b.setAttribute("aria-pressed", String(b.dataset.who === this.desk.who || b.dataset.status === this.desk.status));
      }
      this.render();
    });
  }

  /** Whether the room passes the desk's tabs: any room while they show all, else the team's conversations. */
  onDeskTab(room) {
    const { who, status } = this.desk;
    if (who === "all" && status === "any") return true;
    if (!isConversation(room) || !isTeamSide(room, this.me)) return false;
    if (who === "mine" && room.assignee?.id !== this.me.id) return false;
    if (who === "unassigned" && room.assignee) return false;
    return status === "any" || room.status === status;
  }

  async load() {
    const rooms = [];
    let cursor = null;
    do {
      const page = await get("rooms/?limit=100" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
      rooms.push(...page.results);
      cursor = page.next_cursor;
    } while (cursor && rooms.length < 1000);
    this.rooms = new Map(rooms.map((room) => [room.room_id, room]));
    this.render();
  }

  async refresh(roomId) {
    try {
      this.rooms.set(roomId, await get(`rooms/${roomId}/`));
      this.render();
    } catch {
      this.rooms.delete(roomId);
      this.render();
    }
  }

  /**
   * A message frame: the room moves to the top, with the message as its last; {@code countIt} adds one unread, and
   * {@code mentionIt} one unread mention when the message names me.
   */
  messageArrived(message, countIt = false, mentionIt = countIt) {
    const room = this.rooms.get(message.room_id);
    if (!room) return this.refresh(message.room_id);
    const newer = !room.last_message || (message.seq ?? 0) > (room.last_message.seq ?? 0);
    if (newer || room.last_message.id === message.id) {
      room.last_message = message;
      room.last_message_at = message.sent_at;
    }
    if (countIt && newer) room.unread_count = (room.unread_count ?? 0) + 1;
    if (mentionIt && newer && message.mentions?.includes(this.me.id)) room.unread_mentions = (room.unread_mentions ?? 0) + 1;
    this.render();
  }

  /** An edit or a deletion: the preview follows when it is the room's last message. */
  messageChanged(message) {
    const room = this.rooms.get(message.room_id);
    if (!room?.last_message || room.last_message.id !== message.id) return;
    room.last_message = { ...room.last_message, ...message };
    this.render();
  }

  /** Rooms above the server's large-room size (100) get no unread frames. */
  isLarge(roomId) {
    return (this.rooms.get(roomId)?.participant_count ?? 0) > 100;
  }

  setUnread(roomId, count) {
    const room = this.rooms.get(roomId);
    if (!room) return;
    room.unread_count = count;
    if (count === 0) room.unread_mentions = 0;
    this.render();
  }

  select(roomId) {
    this.activeId = roomId;
    this.render();
  }

  render() {
    const kind = this.filter.value;
    this.deskTabs.hidden = ![...this.rooms.values()].some((room) => isConversation(room) && isTeamSide(room, this.me));
    const rooms = [...this.rooms.values()]
      .filter((room) => matches(room, kind, this.me) && (this.deskTabs.hidden || this.onDeskTab(room)))
      .sort((a, b) => (b.last_message_at || b.created_at).localeCompare(a.last_message_at || a.created_at));
    this.list.replaceChildren(
      ...rooms.map((room) => {
        const unread = room.room_id === this.activeId ? 0 : room.unread_count;
        return el(
          "li",
          {},
          el(
            "button",
            {
              class: "room" + (room.room_id === this.activeId ? " active" : ""),
              "aria-current": room.room_id === this.activeId ? "true" : null,
              dataset: { roomId: room.room_id },
              onclick: () => this.onOpen(room.room_id),
            },
            avatar(roomTitle(room, this.me)),
            el(
              "span",
              { class: "room-body" },
              el(
                "span",
                { class: "room-line" },
                el("span", { class: "room-title" }, roomTitle(room, this.me)),
                el("time", { class: "room-time", datetime: room.last_message_at }, shortWhen(room.last_message_at)),
              ),
              room.status && isTeamSide(room, this.me)
                ? el("span", { class: "room-desk" },
                    el("span", { class: "status status-" + room.status }, room.status),
                    room.assignee ? ` · ${room.assignee.id === this.me.id ? "you" : room.assignee.name}` : " · unassigned",
                    ...room.labels.map((label) => el("span", { class: "label" }, label)))
                : null,
              room.product || room.store
                ? el(
                    "span",
                    { class: "room-context" },
                    [room.store && isStoreSide(room, this.me) ? room.store.name : null, room.product?.name]
                      .filter(Boolean)
                      .join(" · "),
                  )
                : null,
              el(
                "span",
                { class: "room-line" },
                el("span", { class: "room-preview" }, preview(room.last_message)),
                unread > 0 && room.unread_mentions > 0
                  ? el("span", { class: "badge mention-badge", "aria-label": `${room.unread_mentions} mentioning you` }, "@")
                  : null,
                unread > 0 ? el("span", { class: "badge", "aria-label": `${unread} unread` }, unread) : null,
              ),
            ),
          ),
        );
      }),
    );
    if (rooms.length === 0) this.list.append(el("li", { class: "empty" }, "No conversations yet"));
  }
}

function matches(room, kind, me) {
  if (kind === "all") return true;
  if (kind === "store") return isStoreSide(room, me);
  return room.room_type === kind;
}
