import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordStrength } from "../../lib/password/strength.ts";
import { bundlePasswordStrengthScript } from "./bundle.ts";
import { describeStrength } from "./password-strength.ts";

const ALL_UNMET = [
  { id: "length", met: false },
  { id: "letter", met: false },
  { id: "digit", met: false },
];
const ALL_MET = ALL_UNMET.map(({ id }) => ({ id, met: true }));

describe("describeStrength", () => {
  it("shows nothing to rate for an empty field, with every requirement unmet", () => {
    expect(describeStrength("")).toEqual({ score: null, label: "", feedback: "", requirements: ALL_UNMET });
  });

  it("rates a short password and ticks off only what it meets", () => {
    expect(describeStrength("abc")).toEqual({
      score: 0,
      label: "Mycket svagt lösenord",
      feedback: "Följder som ”abc” eller ”123” är lätta att gissa.",
      requirements: [
        { id: "length", met: false },
        { id: "letter", met: true },
        { id: "digit", met: false },
      ],
    });
  });

  it("rates a long passphrase as very strong, without feedback", () => {
    expect(describeStrength("blåbärsöl7 kräftskiva")).toEqual({
      score: 4,
      label: "Mycket starkt lösenord",
      feedback: "",
      requirements: ALL_MET,
    });
  });

  it("recognises keyboard rows without any word list", () => {
    expect(describeStrength("qwertyuiop1")).toMatchObject({
      score: 1,
      label: "Svagt lösenord",
      feedback: "Tangenter i en rad på tangentbordet är lätta att gissa.",
    });
  });

  it("counts the user's own e-mail as easy to guess", () => {
    expect(describeStrength("Kvarnberg77").score).toBe(4);
    expect(describeStrength("Kvarnberg77", ["kvarnberg@example.se"])).toMatchObject({
      score: 1,
      feedback: "Lösenordet liknar ditt namn eller din e-postadress.",
    });
  });

  it("is only a hint: without word lists it rates common passwords higher than the server", () => {
    for (const pw of ["password1", "Sommar2024"]) {
      expect(describeStrength(pw).score).toBeGreaterThan(passwordStrength(pw).score);
    }
  });
});

// The real bundle in a real browser, under the CSP the site sends.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'";

const REQUIREMENT_ITEMS = `
  <li data-requirement="length">Minst 8 och högst 200 tecken långt.</li>
  <li data-requirement="letter">Innehåller minst en bokstav (a - ö).</li>
  <li data-requirement="digit">Innehåller minst en siffra.</li>`;

const PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Nytt lösenord</title>
<script src="/static/password-strength.js" defer></script></head>
<body>
<form id="first">
  <label for="email">E-post</label> <input id="email" type="email">
  <label for="pw">Nytt lösenord</label>
  <input id="pw" type="password" data-password-strength="pw-strength"
         data-password-user-inputs="email" data-password-feedback="pw-feedback">
  <output id="pw-strength"></output> <meter min="0" max="4" value="0"></meter>
  <p id="pw-feedback"></p>
  <ul>${REQUIREMENT_ITEMS}</ul>
</form>
<form id="second">
  <label for="pw2">Lösenord</label>
  <input id="pw2" type="password" data-password-strength="pw2-strength">
  <output id="pw2-strength"><meter min="0" max="4" value="0"></meter></output>
  <ul>${REQUIREMENT_ITEMS}</ul>
</form>
</body></html>`;

// Runs wherever the tests run: CI installs Chromium, and a missing browser must fail, not skip.
describe("password-strength.js in Chromium", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const script = await bundlePasswordStrengthScript();
    server = createServer((req, res) => {
      if (req.url === "/static/password-strength.js") {
        res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
      } else {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP }).end(PAGE);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    });
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForLoadState("load");
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const metStates = (form: string) =>
    page.$$eval(`#${form} li`, (items) => items.map((li) => `${li.getAttribute("data-met")}:${li.querySelector(".visually-hidden")?.textContent}`));

  it("marks every requirement as not met as soon as the page has loaded", async () => {
    expect(await metStates("first")).toEqual(Array(3).fill("false: (ej uppfyllt)"));
    expect(await page.textContent("#pw-strength")).toBe("");
    expect(await page.getAttribute("#pw-strength", "data-score")).toBeNull();
  });

  it("updates label, data-score, meter, feedback and requirements while typing", async () => {
    await page.fill("#pw", "abc");
    expect(await page.textContent("#pw-strength")).toBe("Mycket svagt lösenord");
    expect(await page.getAttribute("#pw-strength", "data-score")).toBe("0");
    expect(await page.$eval("#first meter", (m) => (m as HTMLMeterElement).value)).toBe(0);
    expect(await page.textContent("#pw-feedback")).toBe("Följder som ”abc” eller ”123” är lätta att gissa.");
    expect(await metStates("first")).toEqual(["false: (ej uppfyllt)", "true: (uppfyllt)", "false: (ej uppfyllt)"]);

    await page.fill("#pw", "blåbärsöl7 kräftskiva");
    expect(await page.textContent("#pw-strength")).toBe("Mycket starkt lösenord");
    expect(await page.getAttribute("#pw-strength", "data-score")).toBe("4");
    expect(await page.$eval("#first meter", (m) => (m as HTMLMeterElement).value)).toBe(4);
    expect(await page.textContent("#pw-feedback")).toBe("");
    expect(await metStates("first")).toEqual(Array(3).fill("true: (uppfyllt)"));
  });

  it("keeps one status text per requirement however often it updates", async () => {
    expect(await page.$$eval("#first li [data-requirement-status]", (spans) => spans.length)).toBe(3);
  });

  it("only touches the requirement list of its own form", async () => {
    expect(await metStates("second")).toEqual(Array(3).fill("false: (ej uppfyllt)"));
  });

  it("clears the label and score when the field is emptied", async () => {
    await page.fill("#pw", "");
    expect(await page.textContent("#pw-strength")).toBe("");
    expect(await page.getAttribute("#pw-strength", "data-score")).toBeNull();
    expect(await metStates("first")).toEqual(Array(3).fill("false: (ej uppfyllt)"));
  });

  it("uses the e-mail typed in the same form", async () => {
    await page.fill("#email", "kvarnberg@example.se");
    await page.fill("#pw", "Kvarnberg77");
    expect(await page.textContent("#pw-strength")).toBe("Svagt lösenord");
    expect(await page.textContent("#pw-feedback")).toBe("Lösenordet liknar ditt namn eller din e-postadress.");
  });

  it("keeps a meter that sits inside the output element", async () => {
    await page.fill("#pw2", "blåbärsöl7 kräftskiva");
    expect(await page.$eval("#pw2-strength meter", (m) => (m as HTMLMeterElement).value)).toBe(4);
    expect(await page.textContent("#pw2-strength [data-strength-label]")).toBe("Mycket starkt lösenord");
    expect(await metStates("second")).toEqual(Array(3).fill("true: (uppfyllt)"));
  });

  it("also works for a form swapped in after load (htmx)", async () => {
    await page.$eval("body", (body) => {
      body.insertAdjacentHTML(
        "beforeend",
        `<form id="late"><input id="pw3" data-password-strength="pw3-strength"><output id="pw3-strength"></output>
         <ul><li data-requirement="digit">Innehåller minst en siffra.</li></ul></form>`,
      );
    });
    await page.fill("#pw3", "utan-siffror");
    expect(await page.textContent("#pw3-strength")).not.toBe("");
    expect(await metStates("late")).toEqual(["false: (ej uppfyllt)"]);
  });

  it("keeps the server's marks after a rejected common password until something new is typed (issue 16)", async () => {
    const mark = (id: string, met: boolean) => `<li data-requirement="${id}" data-met="${met}">${id}<span class="visually-hidden" data-requirement-status=""> (${met ? "uppfyllt" : "ej uppfyllt"})</span></li>`;
    await page.$eval("body", (body, items) => {
      body.insertAdjacentHTML("beforeend", `<form id="judged"><input id="pw4" data-password-strength="pw4-strength"><output id="pw4-strength"></output><ul data-judged="true">${items}</ul></form>`);
    }, ["length", "letter", "digit"].map((id) => mark(id, true)).join("") + mark("common", false));
    // The page (re)loads with the field empty: the marks say what was wrong with the rejected one.
    await page.$eval("#pw4", (input) => input.dispatchEvent(new Event("input", { bubbles: true })));
    expect(await metStates("judged")).toEqual(["true: (uppfyllt)", "true: (uppfyllt)", "true: (uppfyllt)", "false: (ej uppfyllt)"]);
    await page.fill("#pw4", "abc");
    expect(await metStates("judged")).toEqual(["false: (ej uppfyllt)", "true: (uppfyllt)", "false: (ej uppfyllt)", "null:undefined"]);
    await page.fill("#pw4", "");
    expect(await metStates("judged")).toEqual(["false: (ej uppfyllt)", "false: (ej uppfyllt)", "false: (ej uppfyllt)", "null:undefined"]);
  });

  it("ran without script errors or CSP violations", () => {
    expect(problems).toEqual([]);
  });
});
