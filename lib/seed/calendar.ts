// UTC date arithmetic for the demo data. Everything is in UTC so that the machine's time zone never changes the data.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + Math.round(ms));
}

export function addDays(date: Date, days: number): Date {
  return addMs(date, days * DAY);
}

/** The same day of the month, `months` earlier (or later when negative), at the same time of day. */
export function monthsBefore(date: Date, months: number): Date {
  const timeOfDay = date.getTime() - startOfUtcDay(date).getTime();
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, date.getUTCDate()) + timeOfDay);
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isWeekend(date: Date): boolean {
  const day = date.getUTCDay();
  return day === 0 || day === 6;
}

export interface Quarter {
  year: number;
  /** 1 to 4. */
  number: number;
  startsAt: Date;
  endsAt: Date;
}

/** Calendar quarters overlapping [from, to], oldest first. */
export function quartersBetween(from: Date, to: Date): Quarter[] {
  const quarters: Quarter[] = [];
  let year = from.getUTCFullYear();
  let index = Math.floor(from.getUTCMonth() / 3);
  for (;;) {
    const startsAt = new Date(Date.UTC(year, index * 3, 1));
    if (startsAt > to) return quarters;
    const endsAt = new Date(Date.UTC(year, index * 3 + 3, 1) - DAY);
    quarters.push({ year, number: index + 1, startsAt, endsAt });
    index += 1;
    if (index === 4) {
      index = 0;
      year += 1;
    }
  }
}
