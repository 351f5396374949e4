// Svenska: the site's texts as the manuals word them, and the catalogue that defines the keys
// (lib/i18n/index.ts). A key names where a text is used; a text that takes values is a function.
// The manuals' UI words (DESIGN.md §3) stay exactly as they are here.
export const sv = {

  // layout (web/views/layout.tsx)
  "nav.searchCompanies": "Sök certifierade företag",
  "nav.checkCertificate": "Kontrollera certifikat",
  "nav.registerAccount": "Registrera konto",
  "nav.registerCompany": "Registrera företag",
  "nav.embed": "Bädda in",
  "nav.complain": "Lämna klagomål",
  "nav.about": "Om oss",
  "nav.news": "Nyheter",
  "nav.areas": "Teknikområden",
  "nav.centres": "Examinationscentra",
  "nav.files": "Filer & länkar",
  "nav.prices": "Prislista",
  "nav.staff": "Personal",
  "nav.minSida": "Min Sida",
  "nav.logOut": "Logga ut",
  "nav.logIn": "Logga in",
  "layout.skipLink": "Hoppa till innehållet",
  "layout.mainMenu": "Huvudmeny",
  "layout.menu": "Meny",
  "layout.switchTo": "en",
  "layout.switchLabel": "English",
  "footer.complaint.before": "",
  "footer.complaint.link": "Lämna klagomål",
  "footer.complaint.after": " på en certifierad person eller ett certifierat företag, eller på oss.",
  "footer.devMode": "Utvecklingsläge:",
  "footer.devMail": "Utkorg (/dev/mail)",
  "footer.devBankId": "BankID-simulator",
  // (new keys go above this line)
};
