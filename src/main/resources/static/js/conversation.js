// One conversation: history with infinite scroll back, messages grouped by sender and day, live frames, the
// composer (text, replies, files with a progress bar), typing, read ticks, presence, edit, delete, report.

import { ApiError, del, get, objectUrl, patch, post, upload } from "./api.js";
import { bytes, day, el, icon, isStoreSide, isTeamSide, money, readsForMe, roomTitle, time } from "./format.js";
import { CannedMenu, DeskBar, isConversation, ratingCard, storeFacts } from "./desk.js";
import { menuButton } from "./menu.js";
import { RoomSearch } from "./room-search.js";
import { MentionPicker } from "./mentions.js";
import { previewCard } from "./previews.js";

const PAGE = 50;

export class Conversation {
  constructor(root, socket, me, notify) {
    this.root = root;
    this.socket = socket;
    this.me = me;
    this.notify = notify;
    this.room = null;
    this.messages = new Map(); // id → message
    this.order = []; // ids by seq
    this.nodes = new Map(); // id → <li>
    this.pendingNodes = new Map(); // client_msg_id → <li> not yet acknowledged
    this.typers = new Map(); // user id → {name, until}
    this.online = new Map(); // user id → boolean
    this.hasMore = false;
    this.loadingOlder = false;
    this.replyTo = null;
    this.typingSentAt = 0;
    this.build();
  }

  build() {
    this.header = el("header", { class: "conversation-header" });
    this.list = el("ol", { class: "messages", "aria-label": "Messages" });
    this.announcer = el("div", { class: "visually-hidden", "aria-live": "polite" });
    this.scroller = el("div", { class: "scroller", tabindex: "0" }, this.list);
    this.scroller.addEventListener("scroll", () => this.scrolled());
    this.typingLine = el("div", { class: "typing", "aria-live": "polite" });
    this.replyBar = el("div", { class: "reply-bar", hidden: true });
    this.progress = el("progress", { class: "upload-progress", max: "1", value: "0", hidden: true, "aria-label": "Upload" });
    this.fileInput = el("input", {
      type: "file",
      id: "file-input",
      class: "visually-hidden",
      accept: "image/png,image/jpeg,image/gif,application/pdf,.doc,.docx",
      onchange: () => this.sendFile(),
    });
    this.input = el("textarea", {
      id: "composer-input",
      rows: "1",
      placeholder: "Write a message",
      "aria-label": "Message",
      maxlength: "5000",
      onkeydown: (e) => {
        if (this.canned.handleKey(e) || this.mentions.handleKey(e)) return;
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.sendText();
        }
      },
      oninput: () => this.typed(),
    });
    const attach = el("label", { class: "icon-button", for: "file-input", title: "Attach a file", tabindex: "0",
      onkeydown: (e) => (e.key === "Enter" || e.key === " ") && this.fileInput.click() }, icon("clip", 22), el("span", { class: "visually-hidden" }, "Attach a file"));
    this.canned = new CannedMenu(this.input, () => this.room, this.me);
    this.mentions = new MentionPicker(this.input, () => this.room, this.me, () => this.noteMode);
    // the team of a conversation writes notes to itself from the same composer (Alt+Shift+N)
    this.noteToggle = el("button", { type: "button", class: "note-toggle", "aria-pressed": "false", hidden: true,
      title: "Internal note: only your team sees it (Alt+Shift+N)", onclick: () => this.setNoteMode(!this.noteMode) }, "Note");
    this.sendButton = el("button", { type: "submit", class: "send" }, "Send");
    this.composer = el(
      "form",
      { class: "composer", onsubmit: (e) => (e.preventDefault(), this.sendText()) },
      this.canned.list,
      this.mentions.list,
      this.fileInput,
      attach,
      this.input,
      this.noteToggle,
      this.sendButton,
    );
    this.context = el("aside", { class: "context", "aria-label": "Order and product" });
    this.deskSlot = el("div", { class: "desk-slot" });
    this.ratingSlot = el("div", { class: "rating-slot" });
    this.search = new RoomSearch(() => this.room, (hit) => this.showMessage(hit.message_id, hit.seq), this.notify);
    const main = el("section", { class: "conversation-main" }, this.header, this.search.element, this.deskSlot, this.scroller, this.typingLine, this.ratingSlot, this.replyBar, this.progress, this.composer);
    this.root.replaceChildren(main, this.context, this.announcer);
    document.addEventListener("visibilitychange", () => this.readLatest());
    document.addEventListener("keydown", (e) => this.desk?.shortcut(e) || this.noteShortcut(e));
    setInterval(() => this.renderTyping(), 1000);
  }

  async open(room) {
    this.emoji ??= (await get("reactions/").catch(() => ({ emoji: [] }))).emoji;
    this.room = room;
    this.messages.clear();
    this.order = [];
    this.nodes.clear();
    this.pendingNodes.clear();
    this.typers.clear();
    this.cancelReply();
    this.mentions.chosen.clear();
    this.list.replaceChildren();
    this.renderHeader();
    this.renderDesk();
    this.search.close();
    this.noteToggle.hidden = !(isConversation(room) && isTeamSide(room, this.me));
    this.setNoteMode(false);
    this.root.hidden = false;
    const page = await get(`rooms/${room.room_id}/messages/?limit=${PAGE}`);
    if (this.room !== room) return;
    this.hasMore = page.has_more;
    for (const message of page.messages) this.store(message);
    this.renderAll();
    this.scrollToEnd();
    const last = page.messages.at(-1);
    this.socket.track(room.room_id, last?.seq ?? 0);
    this.renderContext();
    this.input.focus();
  }

  // --- frames

  messageFrame(message) {
    if (message.room_id !== this.room?.room_id) return;
    const nearEnd = this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 80;
    this.upsert(message);
    if (message.sender?.id !== this.me.id) {
      this.readLatest();
      this.announcer.textContent = `${message.sender?.name ?? "System"}: ${message.content}`;
    }
    if (message.sender) this.typers.delete(message.sender.id);
    this.renderTyping();
    if (nearEnd || message.sender?.id === this.me.id) this.scrollToEnd();
    if (message.message_type === "order") this.renderContext();
  }

  /** Only messages already on the page change: an edit far up the history must not open a gap in it. */
  editedFrame(message) {
    const before = this.messages.get(message.id);
    // the room's frame cannot know which reactions are mine: those I had stay mine
    if (before) this.upsert({ ...message, reactions: withMine(message.reactions, before.reactions) });
  }

  /** Someone reacted: the counts come from the frame, and whether one is mine from who it was. */
  reactionFrame(frame) {
    const before = this.messages.get(frame.message_id);
    if (!before) return;
    const mine = (frame.reactions ?? []).map((r) => ({ ...r,
      me: r.emoji === frame.emoji && frame.user.id === this.me.id ? frame.added : !!before.reactions?.find((b) => b.emoji === r.emoji)?.me }));
    this.upsert({ ...before, reactions: mine });
  }

  /** Gives or takes back my reaction; the answer is the message as I see it. */
  async react(message, emoji) {
    const given = message.reactions?.find((r) => r.emoji === emoji)?.me;
    const path = `rooms/${message.room_id}/messages/${message.id}/reactions/`;
    try {
      this.upsert(given ? await del(path + "?emoji=" + encodeURIComponent(emoji)) : await post(path, { emoji }));
    } catch (e) {
      this.notify(e.message);
    }
  }

  /** Tells the server the user has seen the room up to its newest message, when the page is in view. */
  readLatest() {
    const last = this.messages.get(this.order.at(-1));
    if (!this.room || !last || document.visibilityState !== "visible" || last.sender?.id === this.me.id) return;
    if (this.readUpTo === last.id) return;
    this.readUpTo = last.id;
    this.socket.read(this.room.room_id, last.id);
  }

  /** A send the server refused (muted, blocked, too long...): its bubble goes, and the reason is shown. */
  refused(clientMsgId, text) {
    const node = this.pendingNodes.get(clientMsgId);
    if (!node) return;
    node.remove();
    this.pendingNodes.delete(clientMsgId);
    this.notify(text);
  }

  deletedFrame(roomId, id) {
    const message = this.messages.get(id);
    if (roomId !== this.room?.room_id || !message) return;
    Object.assign(message, { is_deleted: true, content: "", attachment: null, ref: null });
    this.replaceNode(message);
  }

  /**
   * is_read means read by the other side: in a conversation with a customer, the customer or anyone of the team;
   * elsewhere every other participant, which one live read frame settles only in a room of two.
   */
  readFrame(roomId, userId, upToSeq) {
    this.#reached(roomId, userId, upToSeq, "is_read");
  }

  /** The other side's devices have been sent my messages up to the seq: ✓✓. */
  deliveredFrame(roomId, userId, upToSeq) {
    this.#reached(roomId, userId, upToSeq, "is_delivered");
  }

  #reached(roomId, userId, upToSeq, state) {
    if (roomId !== this.room?.room_id || !readsForMe(this.room, this.me, userId)) return;
    for (const id of this.order) {
      const message = this.messages.get(id);
      if (message.sender?.id === this.me.id && message.seq <= upToSeq && !message[state]) {
        message[state] = true;
        message.is_delivered = true; // what is read has been delivered
        this.replaceNode(message);
      }
    }
  }

  typingFrame(roomId, user, isTyping) {
    if (roomId !== this.room?.room_id || user.id === this.me.id) return;
    if (isTyping) this.typers.set(user.id, { name: user.name, until: Date.now() + 6000 });
    else this.typers.delete(user.id);
    this.renderTyping();
  }

  /** Presence is the user's, whichever room the frame came through: kept for when their room is opened. */
  presenceFrame(roomId, user, online) {
    this.online.set(user.id, online);
    if (this.room?.participants.some((p) => p.id === user.id)) this.renderHeader();
  }

  // --- sending

  /** Note mode: what is sent goes to the team only, and the composer shows it. */
  setNoteMode(on) {
    this.noteMode = on && !this.noteToggle.hidden;
    if (this.noteMode && this.typingSentAt && this.room) {
      this.socket.typing(this.room.room_id, false);
      this.typingSentAt = 0;
    }
    this.noteToggle.setAttribute("aria-pressed", String(this.noteMode));
    this.composer.classList.toggle("note-mode", this.noteMode);
    this.input.placeholder = this.noteMode ? "Write a note only your team sees" : "Write a message";
    this.sendButton.textContent = this.noteMode ? "Add note" : "Send";
  }

  noteShortcut(e) {
    if (!e.altKey || !e.shiftKey || e.code !== "KeyN" || this.noteToggle.hidden) return false;
    e.preventDefault();
    this.setNoteMode(!this.noteMode);
    this.input.focus();
    return true;
  }

  sendText() {
    const content = this.input.value.trim();
    if (!content || !this.room) return;
    const clientMsgId = this.socket.sendText(this.room.room_id, content, this.replyTo?.id, this.noteMode, this.mentions.take(content));
    const node = el("li", { class: "message mine pending" + (this.noteMode ? " note" : ""), dataset: { clientMsgId } },
      el("div", { class: "bubble-row" },
        el("div", { class: "bubble" }, el("p", { class: "text" }, content), el("span", { class: "meta" }, "sending…"))));
    this.pendingNodes.set(clientMsgId, node);
    this.list.append(node);
    this.input.value = "";
    this.cancelReply();
    this.socket.typing(this.room.room_id, false);
    this.typingSentAt = 0;
    this.scrollToEnd();
  }

  async sendFile() {
    const file = this.fileInput.files[0];
    this.fileInput.value = "";
    if (!file || !this.room) return;
    const roomId = this.room.room_id;
    this.progress.hidden = false;
    this.progress.value = 0;
    try {
      const attachment = await upload(roomId, file, (done) => (this.progress.value = done));
      const message = await post(`rooms/${roomId}/send_message/`, {
        attachment: attachment.id,
        content: this.input.value.trim(),
        client_msg_id: crypto.randomUUID(),
      });
      this.input.value = "";
      this.messageFrame(message);
    } catch (e) {
      this.notify(e instanceof ApiError ? e.message : "The file could not be sent");
    } finally {
      this.progress.hidden = true;
    }
  }

  typed() {
    // typing a note is nothing the customer should see coming
    if (!this.room || this.noteMode) return;
    const now = Date.now();
    if (this.input.value && now - this.typingSentAt > 3000) {
      this.socket.typing(this.room.room_id, true);
      this.typingSentAt = now;
    }
  }

  /** A product or order card, posted over REST; it comes back as a message frame like any other. */
  async share(action, body) {
    try {
      this.messageFrame(await post(`rooms/${this.room.room_id}/${action}/`, body));
    } catch (e) {
      this.notify(e.message);
    }
  }

  startReply(message) {
    this.replyTo = message;
    // only a note answers a note: the customer never reads what it quotes
    if (message.message_type === "note") this.setNoteMode(true);
    this.replyBar.hidden = false;
    this.replyBar.replaceChildren(
      el("span", {}, "Replying to ", el("strong", {}, message.sender?.name ?? "system"), ": ", message.content.slice(0, 80)),
      el("button", { type: "button", class: "link", onclick: () => this.cancelReply() }, "Cancel"),
    );
    this.input.focus();
  }

  cancelReply() {
    this.replyTo = null;
    this.replyBar.hidden = true;
  }

  async edit(message) {
    const content = prompt("Edit message", message.content);
    if (content == null || !content.trim() || content === message.content) return;
    try {
      this.upsert(await patch(`rooms/${message.room_id}/messages/${message.id}/`, { content }));
    } catch (e) {
      this.notify(e.message);
    }
  }

  async remove(message) {
    if (!confirm("Delete this message for everyone?")) return;
    try {
      await del(`rooms/${message.room_id}/messages/${message.id}/`);
      this.deletedFrame(message.room_id, message.id);
    } catch (e) {
      this.notify(e.message);
    }
  }

  async report(message) {
    const reason = prompt("Why are you reporting this message?", "");
    if (reason == null) return;
    try {
      await post(`messages/${message.id}/flag/`, { reason: reason || "Reported from the web client" });
      this.notify("Thank you: a moderator will look at it.");
    } catch (e) {
      this.notify(e.message);
    }
  }

  // --- history

  async scrolled() {
    if (this.scroller.scrollTop > 200) return;
    await this.loadOlder();
  }

  /** One page older than what the page holds; false when there is none (or one is loading). */
  async loadOlder() {
    if (!this.hasMore || this.loadingOlder || !this.room) return false;
    const oldest = this.order.map((id) => this.messages.get(id)).find((m) => m.seq != null);
    if (!oldest) return false;
    this.loadingOlder = true;
    const room = this.room;
    try {
      const page = await get(`rooms/${room.room_id}/messages/?before_seq=${oldest.seq}&limit=${PAGE}`);
      if (this.room !== room) return false;
      this.hasMore = page.has_more;
      const before = this.scroller.scrollHeight;
      this.prepend(page.messages.filter((m) => !this.messages.has(m.id)));
      this.scroller.scrollTop += this.scroller.scrollHeight - before;
      return true;
    } finally {
      this.loadingOlder = false;
    }
  }

  /** A message found by search: older pages are loaded until it is on the page, then it is scrolled to and marked. */
  async showMessage(id, seq) {
    while (!this.nodes.has(id) && (this.messages.get(this.order[0])?.seq ?? 0) > seq && (await this.loadOlder()));
    const node = this.nodes.get(id);
    if (!node) return this.notify("That message is no longer here");
    node.scrollIntoView({ block: "center" });
    node.classList.add("found");
    setTimeout(() => node.classList.remove("found"), 2500);
  }

  // --- rendering

  store(message) {
    if (!this.messages.has(message.id)) this.order.push(message.id);
    this.messages.set(message.id, message);
    // a message held for moderation has no seq yet: it goes last
    const seq = (id) => this.messages.get(id).seq ?? Number.MAX_SAFE_INTEGER;
    this.order.sort((a, b) => seq(a) - seq(b));
  }

  /** Older messages above the ones shown: only they are rendered, and the one that was first (its divider). */
  prepend(older) {
    if (older.length === 0) return;
    const formerFirst = this.order[0];
    for (const message of older) this.messages.set(message.id, message);
    this.order = [...older.map((m) => m.id), ...this.order];
    const nodes = older.map((message, i) => {
      const node = this.render(message, older[i - 1]);
      this.nodes.set(message.id, node);
      return node;
    });
    this.list.prepend(...nodes);
    if (formerFirst) this.replaceNode(this.messages.get(formerFirst));
  }

  upsert(message) {
    const known = this.messages.has(message.id);
    // the room's copy of my own masked message shows placeholders: I keep the whole text I got in my ack
    const mineBefore = known && this.messages.get(message.id);
    if (message.is_masked && mineBefore && message.sender?.id === this.me.id && !message.is_edited) {
      message = { ...message, content: mineBefore.content };
    }
    const indexBefore = this.order.indexOf(message.id);
    const pending = message.client_msg_id && this.pendingNodes.get(message.client_msg_id);
    if (pending && message.sender?.id === this.me.id) {
      pending.remove();
      this.pendingNodes.delete(message.client_msg_id);
    }
    const lastSeq = this.messages.get(this.order.at(-1))?.seq ?? 0;
    this.store(message);
    if (known) {
      // in place, unless it moved (a held message approved and numbered)
      return indexBefore === this.order.indexOf(message.id) ? this.replaceNode(message) : this.renderAll();
    }
    if (message.seq != null && message.seq > lastSeq && this.order.at(-1) === message.id) {
      const node = this.render(message, this.messages.get(this.order.at(-2)));
      this.nodes.set(message.id, node);
      const firstPending = this.pendingNodes.values().next().value;
      if (firstPending) this.list.insertBefore(node, firstPending);
      else this.list.append(node);
    } else {
      this.renderAll();
    }
  }

  replaceNode(message) {
    const old = this.nodes.get(message.id);
    if (!old) return this.renderAll();
    const index = this.order.indexOf(message.id);
    const node = this.render(message, this.messages.get(this.order[index - 1]));
    this.nodes.set(message.id, node);
    old.replaceWith(node);
  }

  renderAll() {
    this.nodes.clear();
    const items = [];
    let previous = null;
    for (const id of this.order) {
      const message = this.messages.get(id);
      const node = this.render(message, previous);
      this.nodes.set(id, node);
      items.push(node);
      previous = message;
    }
    this.list.replaceChildren(...items, ...this.pendingNodes.values());
  }

  /** A message, with a day divider and the sender's name when it starts a new day or a new run of messages. */
  render(message, previous) {
    const newDay = !previous || day(previous.sent_at) !== day(message.sent_at);
    const mine = message.sender?.id === this.me.id;
    const system = message.message_type === "system";
    const note = message.message_type === "note";
    const startsRun = newDay || previous?.sender?.id !== message.sender?.id || previous?.message_type === "system"
      || (previous?.message_type === "note") !== note;
    const classes = ["message", mine ? "mine" : "theirs", system ? "system" : "", note ? "note" : "", startsRun ? "run-start" : "", message.is_deleted ? "deleted" : "", message.mentions?.includes(this.me.id) ? "mentions-me" : ""];
    const bubble = el("div", { class: "bubble" });
    if (note) bubble.append(el("span", { class: "note-label" }, "Note · only your team sees this"));
    if (startsRun && !mine && !system) bubble.append(el("span", { class: "sender" }, message.sender?.name ?? ""));
    if (message.reply_to) bubble.append(this.quote(message.reply_to));
    if (message.is_deleted) bubble.append(el("p", { class: "text" }, "This message was deleted"));
    else {
      if (message.attachment) bubble.append(this.attachment(message.attachment));
      if (message.ref) bubble.append(card(message.ref));
      if (message.content && !(message.ref && message.content === defaultShareText(message))) {
        bubble.append(el("p", { class: "text" }, message.content));
      }
      if (message.preview) bubble.append(previewCard(message.preview));
    }
    bubble.append(
      el("span", { class: "meta" },
        message.is_edited && !message.is_deleted ? "edited · " : "",
        message.is_masked && !message.is_deleted && (mine || this.me.roles?.includes("moderator"))
          ? el("span", { class: "masked", title: "Contact details in this message are hidden from the others" }, "partly hidden · ")
          : "",
        message.is_flagged && !message.is_deleted && this.me.roles?.includes("moderator") ? el("span", { class: "flagged" }, "flagged · ") : "",
        el("time", { datetime: message.sent_at }, time(message.sent_at)),
        // a note's reader is the team only: it has no ticks, the customer never reads it
        mine && !system && !note ? ticks(message) : null),
    );
    const reactions = message.reactions?.length && !message.is_deleted
      ? el("div", { class: "reactions" }, ...message.reactions.map((r) =>
        el("button", { type: "button", class: "reaction" + (r.me ? " me" : ""), "aria-pressed": String(r.me),
          title: r.me ? "Take your reaction back" : "React with " + r.emoji, onclick: () => this.react(message, r.emoji) },
          r.emoji, " ", el("span", { class: "count" }, String(r.count)))))
      : null;
    const item = el("li", { class: classes.filter(Boolean).join(" "), dataset: { id: message.id, seq: message.seq } });
    if (newDay) item.append(el("div", { class: "day", role: "separator" }, day(message.sent_at)));
    item.append(el("div", { class: "bubble-row" }, bubble, !message.is_deleted && !system ? this.actions(message, mine) : null));
    if (reactions) item.append(reactions);
    return item;
  }

  /** Reply, edit, delete or report: one menu beside the bubble, shown on hover or focus. */
  actions(message, mine) {
    const item = (label, action, danger) => ({ label, danger, action: () => action.call(this, message) });
    const reactable = message.seq != null && message.message_type !== "note";
    return menuButton("Message actions", icon("more"), [
      item("Reply", this.startReply),
      mine && (message.message_type === "text" || message.message_type === "note") && item("Edit", this.edit),
      mine ? item("Delete", this.remove, true) : item("Report", this.report, true),
      ...(reactable ? (this.emoji ?? []).map((emoji) => ({ label: "React " + emoji, action: () => this.react(message, emoji) })) : []),
    ]);
  }

  quote(id) {
    const original = this.messages.get(id);
    return el("blockquote", { class: "quote" },
      original ? [el("strong", {}, original.sender?.name ?? ""), " ", original.is_deleted ? "deleted message" : original.content || "attachment"] : "an earlier message");
  }

  attachment(file) {
    if (file.thumbnail_url) {
      const scale = Math.min(1, 240 / Math.max(file.width || 240, file.height || 240));
      const img = el("img", {
        class: "thumbnail",
        alt: file.file_name,
        width: Math.round((file.width || 240) * scale),
        height: Math.round((file.height || 240) * scale),
      });
      objectUrl(file.thumbnail_url).then((url) => (img.src = url), () => (img.alt = "Image unavailable"));
      const link = el("a", { class: "image-link", href: "#", onclick: async (e) => {
        e.preventDefault();
        window.open(await objectUrl(file.url), "_blank", "noopener");
      } }, img);
      return link;
    }
    return el("a", { class: "file-chip", href: "#", onclick: async (e) => {
      e.preventDefault();
      const a = el("a", { href: await objectUrl(file.url), download: file.file_name });
      a.click();
    } }, icon("file"), el("span", {}, file.file_name), el("small", {}, bytes(file.file_size)));
  }

  renderHeader() {
    if (!this.room) return;
    // the other party: in a conversation with a customer, the customer for the team (not the team's own members)
    const teamSide = isTeamSide(this.room, this.me);
    const others = teamSide ? [this.room.customer ?? this.room.created_by] : this.room.participants.filter((p) => p.id !== this.me.id);
    const online = others.some((p) => p && this.online.get(p.id));
    const title = roomTitle(this.room, this.me);
    const subtitle = [this.room.store?.name, this.room.product?.name].filter((part) => part && part !== title).join(" · ") || kindName(this.room.room_type);
    this.header.replaceChildren(
      el("span", { class: "presence" + (online ? " online" : ""), title: online ? "Online" : "Offline" }, el("span", { class: "visually-hidden" }, online ? "online" : "offline")),
      el("div", {}, el("h2", {}, title), el("p", { class: "subtitle" }, subtitle)),
      el("button", { type: "button", class: "link room-search-toggle", title: "Search in this conversation", onclick: () => this.search.toggle() }, "Search"),
      el("button", { type: "button", class: "link mute", "aria-pressed": String(!!this.room.is_muted),
        title: "A muted conversation sends no e-mail about missed messages", onclick: () => this.toggleMute() },
        this.room.is_muted ? "Unmute" : "Mute"),
    );
  }

  /** The team's desk bar, or the customer's rating card of a resolved conversation. */
  renderDesk() {
    const room = this.room;
    this.desk = new DeskBar(room, this.me, (updated) => this.roomChanged(updated), this.notify);
    this.deskSlot.replaceChildren(...[this.desk.element].filter(Boolean));
    this.ratingSlot.replaceChildren();
    ratingCard(room, this.me, this.notify).then(
      (card) => this.room === room && card && this.ratingSlot.replaceChildren(card),
      () => {},
    );
  }

  /** The room as the server has it now (a change here, or a notice in it); the inbox hears of it too. */
  roomChanged(room) {
    if (this.room?.room_id !== room.room_id) return;
    this.room = room;
    this.renderHeader();
    this.renderDesk();
    this.renderContext();
    this.root.dispatchEvent(new CustomEvent("roomchange", { detail: room }));
  }

  /** Muting stops missed-message e-mails from this conversation; messages still arrive here. */
  async toggleMute() {
    const room = this.room;
    try {
      const updated = room.is_muted ? await del(`rooms/${room.room_id}/mute/`) : await post(`rooms/${room.room_id}/mute/`);
      room.is_muted = updated.is_muted;
      if (this.room === room) this.renderHeader();
    } catch (e) {
      this.notify(e.message);
    }
  }

  renderTyping() {
    const now = Date.now();
    for (const [id, typer] of this.typers) if (typer.until < now) this.typers.delete(id);
    const names = [...this.typers.values()].map((t) => t.name);
    this.typingLine.textContent = names.length ? `${names.join(", ")} ${names.length > 1 ? "are" : "is"} typing…` : "";
  }

  /** Beside a customer-store conversation: the product it is about and the orders shared in it. */
  renderContext() {
    const room = this.room;
    const storeSide = room && isStoreSide(room, this.me);
    this.context.hidden = !room || room.room_type !== "customer_store";
    if (this.context.hidden) return;
    const orders = this.order.map((id) => this.messages.get(id)).filter((m) => m.ref?.type === "order" && !m.is_deleted);
    const customer = room.customer ?? room.created_by;
    const team = room.participants.filter((p) => p.id !== customer?.id);
    const hours = el("p", { class: "availability" });
    if (room.store) this.showAvailability(room, hours);
    this.context.replaceChildren(
      ...[
        room.store ? el("h3", {}, room.store.name) : null,
        room.store ? hours : null,
        el("h3", {}, storeSide ? "Customer" : "About"),
        storeSide && customer ? el("p", { class: "customer" }, customer.name) : null,
        storeSide ? el("h3", {}, "Your team") : null,
        storeSide ? el("p", { class: "team" }, team.map((p) => (p.id === this.me.id ? "You" : p.name)).join(", ")) : null,
        storeSide && room.store ? storeFacts(room.store.id) : null,
        room.product ? card({ type: "product", snapshot: room.product }) : null,
        room.product
          ? el("button", { type: "button", class: "share-product", onclick: () => this.share("share_product", { product: room.product.id }) }, "Share this product in the chat")
          : null,
        orders.length ? el("h3", {}, "Orders in this conversation") : null,
        ...orders.map((m) => card(m.ref)),
        this.orderPicker(room),
      ].filter(Boolean),
    );
  }

  /** The customer's orders at this store, to share one in a click: nobody types an order id. */
  orderPicker(room) {
    const select = el("select", { name: "order", id: "order-picker" });
    const button = el("button", { type: "submit" }, "Share");
    const form = el("form", { class: "share-order", onsubmit: (e) => {
      e.preventDefault();
      if (select.value) this.share("share_order", { order: select.value });
    } },
      el("label", { for: "order-picker" }, "Share an order"),
      el("div", { class: "share-order-row" }, select, button));
    select.disabled = button.disabled = true;
    select.append(el("option", { value: "" }, "Loading orders…"));
    get(`rooms/${room.room_id}/orders/`).then(({ results }) => {
      if (this.room !== room) return;
      select.replaceChildren(...results.map((o) =>
        el("option", { value: o.id }, [o.order_number, o.status, o.total ? money(o.total, o.currency) : null].filter(Boolean).join(" · "))));
      if (results.length === 0) select.append(el("option", { value: "" }, "No orders at this store yet"));
      select.disabled = button.disabled = results.length === 0;
    }, () => select.replaceChildren(el("option", { value: "" }, "Orders unavailable")));
    return form;
  }

  /** Open now and until when, or closed and when it opens, in the viewer's own time. */
  async showAvailability(room, target) {
    try {
      const a = await get(`stores/${room.store.id}/availability/`);
      if (this.room !== room) return;
      const when = (iso) => new Date(iso).toLocaleString([], { weekday: "long", hour: "2-digit", minute: "2-digit" });
      target.classList.toggle("open", a.open);
      target.replaceChildren(
        el("strong", {}, a.open ? "Open now" : "Closed"),
        a.open && a.next_close_at ? ` · closes ${when(a.next_close_at)}` : "",
        !a.open && a.next_open_at ? ` · opens ${when(a.next_open_at)}` : "",
        !a.open && a.auto_reply ? el("span", { class: "auto-reply" }, a.auto_reply) : "",
      );
    } catch {
      target.textContent = "";
    }
  }

  scrollToEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}

function defaultShareText(message) {
  const snapshot = message.ref?.snapshot ?? {};
  return message.ref?.type === "product" ? "Check out this product: " + snapshot.name : "Order reference: " + snapshot.order_number;
}

/** A product (picture, name, price; the whole card links to its page when it has one) or an order (number, status, total). */
function card(ref) {
  const s = ref.snapshot ?? {};
  if (ref.type === "product") {
    const link = safeUrl(s.url);
    const picture = safeUrl(s.image_url);
    return el("div", { class: "card product" },
      picture ? el("img", { class: "card-image", src: picture, alt: "", width: "64", height: "64", loading: "lazy" }) : el("span", { class: "card-icon" }, icon("bag", 28)),
      el("div", { class: "card-body" },
        link ? el("a", { class: "card-title", href: link, target: "_blank", rel: "noopener" }, s.name, el("span", { class: "visually-hidden" }, " (opens the product page)")) : el("strong", { class: "card-title" }, s.name),
        s.price ? el("span", {}, money(s.price, s.currency)) : null));
  }
  return el("div", { class: "card order" }, el("span", { class: "card-icon" }, icon("receipt", 28)),
    el("div", { class: "card-body" }, el("strong", { class: "card-title" }, "Order " + (s.order_number ?? "")), el("span", {}, [s.status, s.total ? money(s.total, s.currency) : null].filter(Boolean).join(" · "))));
}

/** A link or picture the platform gave: web addresses and this site's own paths only (no javascript: or data:). */
function safeUrl(url) {
  if (typeof url !== "string") return null;
  return /^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url) ? url : null;
}

/** A room type as people say it. */
function kindName(type) {
  return { customer_store: "Store conversation", customer_support: "Support", group: "Group", private: "Private chat" }[type] ?? type;
}

/** The counts of a room-wide frame, with "mine" kept from what this page knew. */
function withMine(next, before) {
  return (next ?? []).map((r) => ({ ...r, me: !!before?.find((b) => b.emoji === r.emoji)?.me }));
}

/** ✓ sent, ✓✓ delivered to the other side's devices, ✓✓ in colour read by them. */
function ticks(message) {
  const [state, label, marks] = message.is_read
    ? ["read", "Read", "✓✓"]
    : message.is_delivered ? ["delivered", "Delivered", "✓✓"] : ["sent", "Sent", "✓"];
  return el("span", { class: "ticks " + state, title: label }, marks, el("span", { class: "visually-hidden" }, state));
}
