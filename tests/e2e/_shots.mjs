import { PHONE, launchBrowser, startServer } from "./harness.mjs";
import { JOURNEYS, mouse, newJourneyPage, startJourney, walk } from "./journeys.mjs";
const server = await startServer();
const browser = await launchBrowser();
for (const journey of JOURNEYS) {
  const { page, context } = await newJourneyPage(browser, { viewport: PHONE });
  await startJourney(page, server.origin);
  await walk(page, journey, mouse(page), {
    answered: async (step) => {
      if (["letter", "send-it", "what-happens-next", "free-help"].includes(step.slug)) {
        await page.waitForTimeout(300);
        const h = await page.evaluate(() => document.documentElement.scrollHeight);
        console.log(journey.name, step.slug, h);
        await page.screenshot({ path: `/tmp/shots/${journey.name}-${step.slug}.png`, fullPage: true });
      }
    },
  });
  await context.close();
}
await browser.close();
server.close();
