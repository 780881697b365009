// The card of a message's first link: what the service fetched and re-encoded, never loaded from the linked site
// itself (the image comes from the service, signed in), so opening a room tells no outside server who read it.
import { objectUrl } from "./api.js";
import { el } from "./format.js";

export function previewCard(preview) {
  const image = preview.image
    ? el("img", { class: "preview-image", alt: "", width: preview.image.width, height: preview.image.height })
    : null;
  if (image) objectUrl(preview.image.url).then((url) => (image.src = url), () => image.remove());
  return el("a", { class: "link-preview", href: preview.url, target: "_blank", rel: "noopener noreferrer nofollow" },
    image,
    el("span", { class: "preview-text" },
      el("span", { class: "preview-site" }, preview.site_name),
      el("strong", { class: "preview-title" }, preview.title),
      preview.description ? el("span", { class: "preview-description" }, preview.description) : null));
}
