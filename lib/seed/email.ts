// Email addresses for demo people. Lead emails are unique in the database, so clashes get a number.

/** Lower-case letters and digits only: "O'Keefe" becomes "okeefe", "Zoë" becomes "zoe". */
export function emailPart(text: string): string {
  return text
    .normalize("NFD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** firstname.lastname@domain, or firstname.lastname2@domain when that address is already taken. */
export function uniqueEmail(first: string, last: string, domain: string, taken: Set<string>): string {
  const local = `${emailPart(first) || "contact"}.${emailPart(last) || "person"}`;
  for (let attempt = 1; ; attempt += 1) {
    const email = `${local}${attempt === 1 ? "" : attempt}@${domain}`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}
