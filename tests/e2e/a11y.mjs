// Accessibility checks shared by the end-to-end tests: axe-core against WCAG 2.2 AA (plus axe's
// best practices), and the checks axe cannot make on its own: the page's language, no sideways
// scrolling (reflow at 320 px and at 200% zoom), hints and errors joined to their fields by
// aria-describedby, and a visible focus indicator.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Every WCAG 2.0, 2.1 and 2.2 A and AA rule, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// The same axe-core engine that @axe-core/playwright wraps. It is put into each document once and
// run directly: the app changes page without loading a new document, so one copy serves a whole
// journey, and a check takes about a tenth of a second instead of a second.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe on the whole page and returns its violations as short readable lines. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const results = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, AXE_TAGS);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.targets.slice(0, 5).join(" | ")}`);
}

/**
 * Problems axe does not look for, as readable lines (none when all is well):
 *  - <html lang> is not "en-GB";
 *  - the page scrolls sideways (content wider than the screen);
 *  - a hint or error that no field or fieldset names in aria-describedby;
 *  - an aria-describedby naming an id that is not on the page;
 *  - a text field whose own hint or error is missing from its aria-describedby.
 */
export async function pageProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const lang = document.documentElement.lang;
    if (lang !== "en-GB") problems.push(`<html lang="${lang}">, not en-GB`);
    const root = document.scrollingElement;
    if (root.scrollWidth > root.clientWidth) {
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 1 && e.getClientRects().length > 0)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className ? "." + String(e.className).split(" ").join(".") : ""}`);
      problems.push(`scrolls sideways: ${root.scrollWidth}px of content in ${root.clientWidth}px (${wide.slice(-4).join(", ")})`);
    }
    const described = new Set();
    for (const el of document.querySelectorAll("[aria-describedby]")) {
      for (const id of el.getAttribute("aria-describedby").split(/\s+/).filter(Boolean)) {
        described.add(id);
        if (!document.getElementById(id)) problems.push(`${el.tagName.toLowerCase()}#${el.id} is described by missing #${id}`);
      }
    }
    for (const el of document.querySelectorAll(".app-hint-text[id], .app-error-message[id], .app-choice__hint[id]")) {
      if (!described.has(el.id)) problems.push(`#${el.id} ("${el.textContent.slice(0, 40)}") is not in any aria-describedby`);
    }
    for (const el of document.querySelectorAll("#app input[id]:not([type=radio]):not([type=checkbox]), #app textarea[id]")) {
      const own = (el.getAttribute("aria-describedby") || "").split(/\s+/);
      for (const suffix of ["hint", "error"]) {
        const id = `${el.id}-${suffix}`;
        if (document.getElementById(id) && !own.includes(id)) problems.push(`#${el.id} is not described by its own #${id}`);
      }
    }
    return problems;
  });
}

/**
 * The focused element and its focus indicator. Runs in the page (so it is self-contained): pass
 * it to page.evaluate, with a selector to also learn whether the focused element matches it.
 *
 * An indicator is an outline of at least 2px in a colour that is not transparent, or a box
 * shadow (the yellow-and-black ring on links and buttons). Radios and checkboxes are drawn by
 * their label, so for them the label's box is checked.
 */
export function focusState(selector) {
  const el = document.activeElement;
  if (!el || el === document.body) return { matches: false, ok: false, what: "body", how: "nothing has focus" };
  const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 30);
  const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${text ? ` "${text}"` : ""}`;
  const transparent = (colour) => colour === "transparent" || /rgba\([^)]*,\s*0\)$/.test(colour);
  const rings = (style) => {
    const found = [];
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && !transparent(style.outlineColor)) {
      found.push(`outline ${style.outlineWidth} ${style.outlineColor}`);
    }
    if (style.boxShadow && style.boxShadow !== "none") found.push(`box-shadow ${style.boxShadow}`);
    return found;
  };
  const drawnByLabel = el.matches(".app-choice__input");
  const found = drawnByLabel ? rings(getComputedStyle(el.labels[0], "::before")) : rings(getComputedStyle(el));
  return {
    matches: selector ? el.matches(selector) : false,
    ok: found.length > 0,
    what,
    how: found.join("; ") || "no outline or focus ring",
  };
}

/** The focused element and its focus indicator (see `focusState`). */
export async function focusIndicator(page) {
  return page.evaluate(focusState, null);
}

/** Turns the in-app display settings on, as a person would: open "Text size and colours", press. */
export async function useSettings(page, { size, contrast }) {
  const settings = page.locator("#app-top .app-settings");
  if (!(await settings.evaluate((d) => d.open))) await settings.locator("summary").click();
  if (size) await settings.getByRole("button", { name: size }).click();
  if (contrast) await settings.getByRole("button", { name: "High contrast" }).click();
  await settings.locator("summary").click();
}
