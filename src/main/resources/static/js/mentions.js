// The @ picker of the composer: typing @ and the start of a name in a group, store or support room offers the room's
// participants; picking one writes "@Name " and remembers whose id it stands for, so that the message names users by
// id and not only by text.
import { el } from "./format.js";
import { CannedMenu } from "./desk.js";

const TYPED = /(^|\s)@([^\s@]{0,40})$/;

export class MentionPicker extends CannedMenu {
  constructor(input, roomOf, me, excludeCustomer) {
    super(input, roomOf, me, "mention-menu", "Mention someone");
    this.excludeCustomer = excludeCustomer;
    this.chosen = new Map(); // display name → user id
  }

  update() {
    const room = this.roomOf();
    const typed = this.typed();
    if (!room || room.room_type === "private" || typed === null) return this.hide();
    const query = typed.toLowerCase();
    this.items = (room.participants ?? [])
      .filter((p) => p.id !== this.me.id && !(this.excludeCustomer() && p.id === room.customer?.id))
      .filter((p) => p.name.toLowerCase().startsWith(query) || p.id.toLowerCase().startsWith(query))
      .slice(0, 8);
    this.index = 0;
    this.render();
  }

  /** What follows the @ before the caret, or null when the caret is not in a mention. */
  typed() {
    const before = this.input.value.slice(0, this.input.selectionStart ?? this.input.value.length);
    const match = TYPED.exec(before);
    return match ? match[2] : null;
  }

  view(user) {
    return [el("strong", {}, "@" + user.name), " ", el("span", { class: "muted" }, user.id)];
  }

  pick(i) {
    const user = this.items[i];
    const caret = this.input.selectionStart ?? this.input.value.length;
    const before = this.input.value.slice(0, caret).replace(/@[^\s@]*$/, "@" + user.name + " ");
    this.input.value = before + this.input.value.slice(caret);
    this.input.setSelectionRange(before.length, before.length);
    this.chosen.set(user.name, user.id);
    this.hide();
    this.input.focus();
  }

  /** The ids of the users the text still names, once each; the picker starts afresh for the next message. */
  take(content) {
    const ids = [...this.chosen].filter(([name]) => content.includes("@" + name)).map(([, id]) => id);
    this.chosen.clear();
    return [...new Set(ids)];
  }
}
