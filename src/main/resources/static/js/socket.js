// One WebSocket for all of the user's rooms (/ws/chat/), kept open: it reconnects with back-off, resumes every
// room it has seen from the last seq it holds, and sends what was typed while offline once, under the
// client_msg_id it was given when typed (the server answers a repeat with the first message, never a copy).

import { post } from "./api.js";

export class ChatSocket extends EventTarget {
  constructor() {
    super();
    this.lastSeq = new Map(); // room id → highest seq delivered to the page
    this.pending = new Map(); // client_msg_id → text frame not yet acknowledged
    this.ws = null;
    this.attempt = 0;
    this.holdUntil = 0;
    this.stopped = false;
    this.status = "connecting";
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.ws?.close(1000);
  }

  async connect() {
    if (this.stopped) return;
    this.setStatus("connecting");
    let ticket;
    try {
      ({ ticket } = await post("ws-ticket/"));
    } catch (e) {
      if (e.status === 401) return this.emit("unauthorized");
      return this.retry();
    }
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}/ws/chat/?ticket=${encodeURIComponent(ticket)}`);
    this.ws = ws;
    ws.onopen = () => {
      // the back-off starts over only once a connection has held, not when one is accepted and closed at once
      this.stableTimer = setTimeout(() => (this.attempt = 0), 10000);
      this.setStatus("open");
      for (const [roomId, seq] of this.lastSeq) this.raw({ type: "resume", room_id: roomId, after_seq: seq });
      for (const frame of this.pending.values()) this.raw(frame);
    };
    ws.onmessage = (event) => this.receive(JSON.parse(event.data));
    ws.onclose = (event) => {
      clearTimeout(this.stableTimer);
      if (this.ws !== ws) return;
      this.ws = null;
      if (event.code === 4401) return this.emit("unauthorized");
      this.retry();
    };
  }

  retry() {
    if (this.stopped) return;
    this.setStatus("offline");
    // 0.5 s, 1 s, 2 s ... up to 15 s, with jitter so a thousand clients do not come back in the same instant
    const delay = Math.min(15000, 500 * 2 ** this.attempt++) * (0.75 + Math.random() / 2);
    setTimeout(() => this.connect(), Math.max(delay, this.holdUntil - Date.now()));
  }

  /** Drops the connection as a network failure would, and stays offline for a while (the reconnect test). */
  simulateDrop(offlineMillis = 2000) {
    this.holdUntil = Date.now() + offlineMillis;
    this.ws?.close(4000);
  }

  /** Frames go to the page as they come; the page keeps messages by id, so a replayed one replaces itself. */
  receive(frame) {
    if (frame.type === "ack" || (frame.type === "error" && frame.client_msg_id)) {
      this.pending.delete(frame.client_msg_id);
    }
    // the ack is answered straight away, out of the room's order: only message frames move the resume point
    if (frame.type === "message" && frame.message?.seq != null) this.track(frame.message.room_id, frame.message.seq);
    this.emit(frame.type, frame);
  }

  /** The page holds a room's messages up to seq: resume from there after a reconnect. */
  track(roomId, seq) {
    if (!this.lastSeq.has(roomId) || seq > this.lastSeq.get(roomId)) this.lastSeq.set(roomId, seq);
  }

  /** Text, or with {@code note} the team's internal note; acked by client_msg_id. */
  sendText(roomId, content, replyTo, note = false, mentions = []) {
    const clientMsgId = crypto.randomUUID();
    const frame = { type: "text", room_id: roomId, content, client_msg_id: clientMsgId };
    if (replyTo) frame.reply_to = replyTo;
    if (note) frame.message_type = "note";
    if (mentions.length) frame.mentions = mentions;
    this.pending.set(clientMsgId, frame);
    this.raw(frame);
    return clientMsgId;
  }

  typing(roomId, isTyping) {
    this.raw({ type: "typing", room_id: roomId, is_typing: isTyping });
  }

  read(roomId, messageId) {
    this.raw({ type: "read", room_id: roomId, up_to: messageId });
  }

  raw(frame) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  setStatus(status) {
    this.status = status;
    this.emit("status", { status });
  }

  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
