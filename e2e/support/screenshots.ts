import { expect, type Page } from "@playwright/test";

const PHONE = { width: 375, height: 812 };

/** Saves e2e/screenshots/<step>-desktop.png and <step>-phone.png (375×812), then restores the viewport. */
export async function screenshotBoth(page: Page, step: string) {
  const desktop = page.viewportSize();
  // Full-page captures of a scrolled page paint the sticky header mid-page; start from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `e2e/screenshots/${step}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  // Give layout a frame to settle at the new width before capturing.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150);
  // Readable at phone width means nothing in the page body scrolls sideways.
  const overflow = await page.evaluate(() => {
    const main = document.querySelector("main");
    return main ? main.scrollWidth - main.clientWidth : 0;
  });
  expect(overflow, `${step}: content wider than the phone screen`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `e2e/screenshots/${step}-phone.png`, fullPage: true });
  if (desktop) await page.setViewportSize(desktop);
}
