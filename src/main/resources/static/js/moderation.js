// The moderator console: the flag queue (each message with the messages around it, its reporters and why), the
// decisions on it (approve, reject, delete), muting its sender, and the audit log.

import { get, post } from "./api.js";
import { el, shortWhen } from "./format.js";

export class ModerationConsole {
  constructor(root, notify) {
    this.root = root;
    this.notify = notify;
    this.list = el("ul", { class: "flags", id: "moderation-queue", role: "tabpanel", "aria-label": "Flagged messages" });
    this.audit = el("table", { class: "audit", id: "moderation-audit", role: "tabpanel", "aria-label": "Audit log" });
    const tab = (view, label, panel) =>
      el("button", { type: "button", class: "tab", role: "tab", "aria-controls": panel, onclick: () => this.show(view) }, label);
    this.tabs = { queue: tab("queue", "Queue", "moderation-queue"), audit: tab("audit", "Audit log", "moderation-audit") };
    // a tab list: the arrows move between the tabs, Tab goes on into the panel
    const tabList = el("div", { class: "tabs", role: "tablist", "aria-label": "Moderation views", onkeydown: (e) => {
      if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
      const next = this.view === "queue" ? "audit" : "queue";
      this.show(next).then(() => this.tabs[next].focus());
    } }, this.tabs.queue, this.tabs.audit);
    this.root.replaceChildren(
      el("header", { class: "console-header" }, el("h2", {}, "Moderation"), tabList,
        el("button", { type: "button", class: "link", onclick: () => this.refresh() }, "Refresh")),
      el("div", { class: "console-body" }, this.list, this.audit),
    );
    this.view = "queue";
    this.markTabs();
  }

  async open() {
    this.root.hidden = false;
    await this.refresh();
  }

  close() {
    this.root.hidden = true;
  }

  async show(view) {
    this.view = view;
    this.markTabs();
    await this.refresh();
  }

  markTabs() {
    for (const [view, tab] of Object.entries(this.tabs)) {
      tab.setAttribute("aria-selected", String(view === this.view));
      tab.tabIndex = view === this.view ? 0 : -1;
    }
  }

  async refresh() {
    this.list.hidden = this.view !== "queue";
    this.audit.hidden = this.view !== "audit";
    try {
      if (this.view === "queue") await this.loadQueue();
      else await this.loadAudit();
    } catch (e) {
      this.notify(e.message);
    }
  }

  async loadQueue() {
    const { results } = await get("moderation/flags/?status=open&limit=50");
    this.list.replaceChildren(...results.map((flag) => this.entry(flag)));
    if (results.length === 0) this.list.append(el("li", { class: "empty" }, "Nothing to review"));
  }

  entry(flag) {
    const message = flag.message;
    const line = (m, flagged) =>
      el("p", { class: "context-line" + (flagged ? " flagged-line" : "") },
        el("strong", {}, (m.sender?.name ?? "System") + ": "),
        m.is_deleted && !flagged ? el("em", {}, "deleted") : m.content,
        m.is_masked ? el("span", { class: "masked" }, " (hidden from the others)") : "");
    const before = flag.context.filter((m) => m.seq < message.seq);
    const after = flag.context.filter((m) => m.seq > message.seq);
    const reason = el("input", { class: "decision-reason", placeholder: "Reason (kept in the audit log)", "aria-label": `Reason for the decision on ${message.sender?.name ?? "this"}'s message` });
    const decide = (action) => async () => {
      try {
        await post(`moderation/messages/${message.id}/${action}/`, { reason: reason.value || undefined });
        this.notify(`Message ${action === "approve" ? "approved" : action === "reject" ? "rejected" : "deleted"}.`);
        await this.loadQueue();
      } catch (e) {
        this.notify(e.message);
      }
    };
    const mute = async () => {
      try {
        const muted = await post(`moderation/users/${message.sender.id}/mute/`, { duration_minutes: 60, reason: reason.value || undefined });
        this.notify(`${message.sender.name} is muted until ${new Date(muted.muted_until).toLocaleTimeString()}.`);
      } catch (e) {
        this.notify(e.message);
      }
    };
    return el("li", { class: "flag", dataset: { messageId: message.id } },
      el("p", { class: "flag-meta" },
        el("span", { class: "source" }, flag.source === "filter" ? "Content filter" : `Reported by ${flag.reporters.map((r) => r.name).join(", ")}`),
        el("span", { class: "reason" }, flag.reason || "no reason given"), el("time", { datetime: flag.created_at }, shortWhen(flag.created_at))),
      el("div", { class: "flag-context" }, ...before.map((m) => line(m)), line(message, true), ...after.map((m) => line(m))),
      reason,
      el("div", { class: "flag-actions" },
        el("button", { type: "button", class: "approve", onclick: decide("approve") }, "Approve"),
        el("button", { type: "button", class: "reject", onclick: decide("reject") }, "Reject (hide)"),
        el("button", { type: "button", class: "delete", onclick: decide("delete") }, "Delete"),
        message.sender ? el("button", { type: "button", class: "mute-sender", onclick: mute }, "Mute sender 1 h") : null));
  }

  async loadAudit() {
    const { results } = await get("moderation/audit/?limit=100");
    this.audit.replaceChildren(
      el("thead", {}, el("tr", {}, ...["When", "Who", "What", "On", "Why"].map((h) => el("th", {}, h)))),
      el("tbody", {}, ...results.map((e) =>
        el("tr", {},
          el("td", {}, shortWhen(e.created_at)), el("td", {}, e.actor ?? ""), el("td", {}, e.action),
          el("td", {}, `${e.target_type} ${e.target_id}`), el("td", {}, e.reason ?? "")))),
    );
  }
}
