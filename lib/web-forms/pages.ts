// The small HTML pages a visitor sees after a plain form post (no thank-you address configured, or a problem): static
// markup, no script, every interpolated text escaped. Pure, so tests read them without a server.
import { escapeHtml } from "./rules";

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2937}h1{font-size:1.5rem}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

export function thankYouPage(): string {
  return page("Thank you", "<p>We have your details and will be in touch soon. You can close this page.</p>");
}

/** Labels for the field errors a visitor may meet, by field name. */
export function invalidPage(fieldErrors: Readonly<Record<string, readonly string[]>>, labels: Readonly<Record<string, string>>): string {
  const items = Object.entries(fieldErrors)
    .map(([field, messages]) => `<li><strong>${escapeHtml(labels[field] ?? field)}</strong>: ${escapeHtml(messages.join("; "))}</li>`)
    .join("\n");
  return page("Please check the form", `<p>Nothing was sent yet. Go back, correct these fields and send the form again:</p>\n<ul>\n${items}\n</ul>`);
}

export function problemPage(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`);
}
