// A menu button as the WAI-ARIA menu-button pattern has it: Enter, Space or ArrowDown opens it on its first item,
// arrows, Home and End move, Escape closes it back on the button, Tab or a click elsewhere closes it.

import { el } from "./format.js";

let openMenu = null;

document.addEventListener("pointerdown", (e) => {
  if (openMenu && !openMenu.root.contains(e.target)) openMenu.close(false);
});

/** items: [{label, action, danger?}]; the falsy ones are left out. */
export function menuButton(label, content, items) {
  const root = el("div", { class: "menu" });
  const list = el("div", { class: "menu-list", role: "menu", "aria-label": label, hidden: true });
  const button = el(
    "button",
    {
      type: "button",
      class: "menu-button",
      title: label,
      "aria-label": label,
      "aria-haspopup": "menu",
      "aria-expanded": "false",
    },
    content,
  );
  const entries = items.filter(Boolean).map((item) =>
    el(
      "button",
      {
        type: "button",
        role: "menuitem",
        tabindex: "-1",
        class: "menu-item" + (item.danger ? " danger" : ""),
        onclick: () => {
          menu.close(true);
          item.action();
        },
      },
      item.label,
    ),
  );
  list.append(...entries);
  root.append(button, list);

  const menu = {
    root,
    open(focusLast = false) {
      if (openMenu && openMenu !== menu) openMenu.close(false);
      openMenu = menu;
      list.hidden = false;
      root.classList.add("open");
      button.setAttribute("aria-expanded", "true");
      // opens upwards when the bubble is near the bottom of the view
      const below = window.innerHeight - button.getBoundingClientRect().bottom;
      list.classList.toggle("up", below < list.offsetHeight + 16);
      (focusLast ? entries.at(-1) : entries[0])?.focus();
    },
    close(refocus) {
      if (openMenu === menu) openMenu = null;
      list.hidden = true;
      root.classList.remove("open");
      button.setAttribute("aria-expanded", "false");
      if (refocus) button.focus();
    },
  };

  button.addEventListener("click", () => (list.hidden ? menu.open() : menu.close(true)));
  button.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      menu.open(e.key === "ArrowUp");
    }
  });
  list.addEventListener("keydown", (e) => {
    const at = entries.indexOf(document.activeElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      entries[(move + entries.length) % entries.length].focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      menu.close(true);
    } else if (e.key === "Tab") {
      menu.close(false);
    }
  });
  return root;
}
