// The web client's service worker: shows the missed-message alerts the service pushes, one per room (a newer one
// replaces the room's older one), and opens the room when one is clicked.

self.addEventListener("push", (event) => {
  let alert = null;
  try {
    alert = event.data?.json();
  } catch {
    // not one of ours: nothing to show
  }
  if (!alert || alert.type !== "missed_messages") return;
  event.waitUntil(
    self.registration.showNotification(alert.title || "Sudamall Chat", {
      body: alert.body,
      tag: alert.room_id,
      icon: "/favicon.ico",
      data: { url: alert.url, room_id: alert.room_id },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const { url, room_id: roomId } = event.notification.data || {};
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        open.postMessage({ type: "open-room", room_id: roomId });
      } else {
        await self.clients.openWindow(url || "/");
      }
    })(),
  );
});
