// Browser notifications: this browser subscribed to the service's pushes of missed messages, through the service
// worker (sw.js), which shows them and opens the room on a click.

import { del, get, post } from "./api.js";

const supported = () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

function keyBytes(base64url) {
  const text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * The setting's checkbox: on subscribes this browser (asking the user's permission first), off unsubscribes it.
 * Hidden where the browser cannot push or the service does not. A click on a notification opens the room.
 */
export async function setUpPush(box, openRoom, notify) {
  const setting = box.closest(".setting");
  if (!supported()) return;
  let key;
  try {
    key = (await get("push/key/")).public_key;
  } catch {
    return; // this service does not push
  }
  const registration = await navigator.serviceWorker.register("/sw.js");
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type === "open-room" && event.data.room_id) openRoom(event.data.room_id);
  });
  setting.hidden = false;
  box.checked = await ownSubscription(registration);
  box.onchange = async () => {
    try {
      if (box.checked) {
        if ((await Notification.requestPermission()) !== "granted") throw new Error("Notifications are blocked for this site.");
        const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
        await post("push/subscriptions/", subscription.toJSON());
        notify("This browser will tell you about messages you miss.");
      } else {
        await forgetBrowser();
        notify("No more notifications in this browser.");
      }
    } catch (e) {
      box.checked = !box.checked;
      notify(e.message);
    }
  };
}

/**
 * Whether this browser is subscribed for the signed-in user. A subscription left by someone else (a session that
 * ended without signing out) is dropped here, or its alerts would show to whoever uses the browser now.
 */
async function ownSubscription(registration) {
  const subscription = await registration.pushManager.getSubscription();
  if (!subscription) return false;
  const mine = (await get("push/subscriptions/")).some((s) => s.endpoint === subscription.endpoint);
  if (!mine) await subscription.unsubscribe();
  return mine && Notification.permission === "granted";
}

/** Unsubscribes this browser, on the service and at the push service (sign-out, or the setting turned off). */
export async function forgetBrowser() {
  if (!supported()) return;
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  try {
    const mine = (await get("push/subscriptions/")).find((s) => s.endpoint === subscription.endpoint);
    if (mine) await del("push/subscriptions/" + mine.id + "/");
  } finally {
    await subscription.unsubscribe();
  }
}
