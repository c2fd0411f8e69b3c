const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })

/** "23 November 2026, 11:02", or the raw text if it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

/** A card's text cut short for labels such as "Move card: …". */
export function shortText(text: string, length = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length <= length ? oneLine : `${oneLine.slice(0, length - 1)}…`
}
