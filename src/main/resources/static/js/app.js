// The web client: sign-in, then the inbox beside the open conversation, both fed by one socket.

import { devLogin, get, patch, post, session } from "./api.js";
import { Conversation } from "./conversation.js";
import { el, highlighted, shortWhen } from "./format.js";
import { isConversation } from "./desk.js";
import { Inbox } from "./inbox.js";
import { ModerationConsole } from "./moderation.js";
import { forgetBrowser, setUpPush } from "./push.js";
import { ChatSocket } from "./socket.js";

const DEMO_USERS = [
  ["demo-alice", "Alice Moreno", "customer"],
  ["demo-bob", "Bob Okafor", "customer"],
  ["demo-owner", "Sam Rivera", "store owner"],
  ["demo-staff", "Kim Lee", "store staff"],
  ["demo-moderator", "Mia Chen", "moderator"],
];

const $ = (selector) => document.querySelector(selector);

function notify(text) {
  const toast = $("#toast");
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => (toast.hidden = true), 4000);
}

/** A token handed over by the host page: ?token= (removed from the address bar at once) or postMessage. */
function tokenFromHost() {
  const params = new URLSearchParams(location.search);
  const token = params.get("token");
  if (token) {
    params.delete("token");
    history.replaceState(null, "", location.pathname + (params.size ? "?" + params : "") + location.hash);
  }
  return token;
}

function showSignIn() {
  $("#app").hidden = true;
  $("#signin").hidden = false;
  const list = $("#demo-users");
  list.replaceChildren(
    ...DEMO_USERS.map(([id, name, role]) =>
      el("li", {}, el("button", { type: "button", class: "demo-user", dataset: { userId: id }, onclick: () => signInAs(id) },
        el("strong", {}, name), el("span", {}, role))),
    ),
  );
  $("#signin-form").onsubmit = (e) => {
    e.preventDefault();
    const id = $("#user-id").value.trim();
    if (id) signInAs(id);
  };
}

async function signInAs(userId) {
  try {
    const { token, user } = await devLogin(userId);
    session.signIn(token, user);
    start();
  } catch (e) {
    $("#signin-error").textContent =
      e.status === 404 || e.status === 403
        ? "Dev sign-in is off on this server: open the chat from the marketplace."
        : e.message;
  }
}

async function start() {
  started = true;
  const me = session.user;
  $("#signin").hidden = true;
  $("#app").hidden = false;
  $("#me").textContent = me.name;
  const socket = new ChatSocket();
  const conversation = new Conversation($("#conversation"), socket, me, notify);
  const inbox = new Inbox($("#rooms"), $("#room-filter"), me, openRoom, $("#desk-tabs"));
  window.__chat = { socket, inbox, conversation }; // for the browser tests and the curious

  const moderator = me.roles?.some((r) => r === "moderator" || r === "admin");
  const console_ = moderator ? new ModerationConsole($("#console"), notify) : null;
  if (console_) {
    $("#moderation-open").hidden = false;
    $("#moderation-open").onclick = () => {
      $("#conversation").hidden = true;
      document.body.classList.add("in-conversation");
      console_.open();
    };
  }

  async function openRoom(roomId) {
    console_?.close();
    inbox.select(roomId);
    document.body.classList.add("in-conversation");
    const room = inbox.rooms.get(roomId) ?? (await get(`rooms/${roomId}/`));
    await conversation.open(room);
    inbox.setUnread(roomId, 0);
    history.replaceState(null, "", "#room=" + roomId);
  }

  socket.addEventListener("status", ({ detail }) => {
    $("#connection").hidden = detail.status === "open";
    $("#connection").textContent =
      detail.status === "connecting" ? "Connecting…" : "You are offline. Reconnecting… messages you send will go out then.";
    if (detail.status === "open") inbox.load().catch(() => {});
  });
  socket.addEventListener("unauthorized", () => {
    session.signOut();
    showSignIn();
  });
  /** A conversation's state moved (a notice, or the customer wrote in one not open): read it again. */
  async function refreshRoom(roomId) {
    try {
      const room = await get(`rooms/${roomId}/`);
      inbox.rooms.set(roomId, room);
      inbox.render();
      conversation.roomChanged(room);
    } catch {
      // gone or no longer ours: the inbox drops it on its next load
    }
  }
  $("#conversation").addEventListener("roomchange", ({ detail }) => {
    inbox.rooms.set(detail.room_id, detail);
    inbox.render();
  });

  socket.addEventListener("message", ({ detail }) => {
    const message = detail.message;
    const known = inbox.rooms.get(message.room_id);
    if (message.message_type === "system" || (known && isConversation(known) && known.status !== "open")) {
      refreshRoom(message.room_id);
    }
    // rooms too large for unread frames are counted here
    const counted = message.sender?.id !== me.id && message.room_id !== inbox.activeId;
    inbox.messageArrived(message, counted && inbox.isLarge(message.room_id), counted);
    conversation.messageFrame(detail.message);
  });
  socket.addEventListener("ack", ({ detail }) => {
    inbox.messageArrived(detail.message);
    conversation.messageFrame(detail.message);
  });
  socket.addEventListener("message_edited", ({ detail }) => {
    inbox.messageChanged(detail.message);
    conversation.editedFrame(detail.message);
  });
  socket.addEventListener("reaction", ({ detail }) => conversation.reactionFrame(detail));
  // a link's card arrived after the message (or an edit took it away): the message is shown anew, like an edit
  socket.addEventListener("preview", ({ detail }) => conversation.editedFrame(detail.message));
  socket.addEventListener("message_deleted", ({ detail }) => {
    inbox.messageChanged({ ...detail.message, room_id: detail.room_id, is_deleted: true });
    conversation.deletedFrame(detail.room_id, detail.message.id);
  });
  socket.addEventListener("read", ({ detail }) => conversation.readFrame(detail.room_id, detail.user.id, detail.up_to_seq));
  socket.addEventListener("delivered", ({ detail }) =>
    conversation.deliveredFrame(detail.room_id, detail.user.id, detail.up_to_seq));
  socket.addEventListener("typing", ({ detail }) => conversation.typingFrame(detail.room_id, detail.user, detail.is_typing));
  socket.addEventListener("presence", ({ detail }) => conversation.presenceFrame(detail.room_id, detail.user, detail.online));
  socket.addEventListener("unread", ({ detail }) => {
    if (detail.room_id !== inbox.activeId) inbox.setUnread(detail.room_id, detail.unread_count);
  });
  socket.addEventListener("error", ({ detail }) =>
    detail.client_msg_id ? conversation.refused(detail.client_msg_id, detail.message) : notify(detail.message));

  setUpSearch(openRoom);
  setUpSettings();
  setUpPush($("#browser-push"), openRoom, notify).catch(() => {}); // no push in this browser: the setting stays hidden

  setUpNewChat(me, async (body) => {
    const room = await post("rooms/", body);
    inbox.rooms.set(room.room_id, room);
    await openRoom(room.room_id);
  });

  $("#back").onclick = () => document.body.classList.remove("in-conversation");
  $("#sign-out").onclick = async () => {
    // the next person on this browser must not get this user's alerts
    await forgetBrowser().catch(() => {});
    socket.stop();
    session.signOut();
    location.hash = "";
    location.reload();
  };

  await inbox.load();
  socket.start();
  const asked = new URLSearchParams(location.search);
  if (asked.get("store")) {
    // "Chat with the store" on a product page: the customer's room with that store, about that product
    try {
      const room = await post("rooms/", {
        participants: [],
        room_type: "customer_store",
        store: asked.get("store"),
        product: asked.get("product") || undefined,
      });
      inbox.rooms.set(room.room_id, room);
      history.replaceState(null, "", location.pathname);
      return openRoom(room.room_id);
    } catch (e) {
      notify(e.message);
    }
  }
  const wanted = new URLSearchParams(location.hash.slice(1)).get("room");
  if (wanted && inbox.rooms.has(wanted)) openRoom(wanted);
}

/** My settings: missed-message e-mails on or off. */
async function setUpSettings() {
  const box = $("#email-alerts");
  try {
    box.checked = (await get("me/")).email_alerts;
  } catch (e) {
    notify(e.message);
  }
  box.onchange = async () => {
    try {
      box.checked = (await patch("me/", { email_alerts: box.checked })).email_alerts;
      notify(box.checked ? "You will get e-mails about missed messages." : "No more e-mails about missed messages.");
    } catch (e) {
      box.checked = !box.checked;
      notify(e.message);
    }
  };
}

/** The search box: results replace the room list until the box is cleared; a result opens its room. */
function setUpSearch(openRoom) {
  const input = $("#search-input");
  const results = $("#search-results");
  const show = (searching) => {
    results.hidden = !searching;
    $("#rooms").hidden = searching;
  };
  input.addEventListener("input", () => !input.value.trim() && show(false));
  $("#search").onsubmit = async (e) => {
    e.preventDefault();
    if (!input.value.trim()) return show(false);
    try {
      const { results: hits } = await get("search/?q=" + encodeURIComponent(input.value));
      results.replaceChildren(
        ...hits.map((hit) =>
          el("li", {}, el("button", { type: "button", class: "room search-hit", onclick: () => openRoom(hit.room_id) },
            el("span", { class: "room-line" },
              el("span", { class: "room-title" }, hit.sender?.name ?? "System"),
              el("time", { class: "room-time", datetime: hit.sent_at }, shortWhen(hit.sent_at))),
            el("span", { class: "room-preview" }, highlighted(hit.snippet, hit.highlights)))),
        ),
      );
      if (hits.length === 0) results.append(el("li", { class: "empty" }, "No messages found"));
      show(true);
    } catch (error) {
      notify(error.message);
    }
  };
}


/** The "New conversation" form: a store (about a product), a person, or a group. */
function setUpNewChat(me, create) {
  const form = $("#new-chat");
  const fields = () => {
    const kind = form.kind.value;
    for (const label of form.querySelectorAll("[data-for]")) label.hidden = !label.dataset.for.split(" ").includes(kind);
  };
  form.kind.onchange = fields;
  fields();
  if (me.id.startsWith("demo-")) {
    // the demo data's store and products, so a first visit can start right away
    form.store.value = "demo-store";
    form.product.value = "demo-mug";
  }
  form.onsubmit = async (e) => {
    e.preventDefault();
    const kind = form.kind.value;
    const users = form.users.value.split(",").map((id) => id.trim()).filter(Boolean);
    const body =
      kind === "store"
        ? { participants: [], room_type: "customer_store", store: form.store.value.trim(), product: form.product.value.trim() || undefined }
        : { participants: users, room_type: kind, name: kind === "group" ? form.name.value.trim() || undefined : undefined };
    try {
      await create(body);
      form.closest("details").open = false;
    } catch (error) {
      notify(error.message);
    }
  };
}

let started = false;

window.addEventListener("message", (event) => {
  if (event.source === window.parent && event.data?.type === "sudamall-chat-token" && event.data.token) {
    // a refreshed token replaces the old one for the next requests; the page is not started twice
    session.signIn(event.data.token);
    if (!started) start();
  }
});

const handed = tokenFromHost();
if (handed) session.signIn(handed);
else if (session.token) session.signIn(session.token);
if (session.token && session.user) start();
else showSignIn();
