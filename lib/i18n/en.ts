// English: the same keys as lib/i18n/sv.ts, each with the same arguments (the type says so).
import type { Catalogue } from "./index.ts";

export const en: Catalogue = {

  // layout (web/views/layout.tsx)
  "nav.searchCompanies": "Find certified companies",
  "nav.checkCertificate": "Check a certificate",
  "nav.registerAccount": "Register an account",
  "nav.registerCompany": "Register a company",
  "nav.embed": "Embed",
  "nav.complain": "Make a complaint",
  "nav.about": "About us",
  "nav.news": "News",
  "nav.areas": "Technical areas",
  "nav.centres": "Examination centres",
  "nav.files": "Files & links",
  "nav.prices": "Prices",
  "nav.staff": "Staff",
  "nav.minSida": "My page",
  "nav.logOut": "Log out",
  "nav.logIn": "Log in",
  "layout.skipLink": "Skip to content",
  "layout.mainMenu": "Main menu",
  "layout.menu": "Menu",
  "layout.switchTo": "sv",
  "layout.switchLabel": "Svenska",
  "footer.complaint.before": "",
  "footer.complaint.link": "Make a complaint",
  "footer.complaint.after": " about a certified person or company, or about us.",
  "footer.devMode": "Development mode:",
  "footer.devMail": "Outbox (/dev/mail)",
  "footer.devBankId": "BankID simulator",
  // (new keys go above this line)
};
