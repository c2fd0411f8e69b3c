/**
 * `text` as a CSS string: every character that is not a letter, digit or space is written as a
 * hex escape, so a name such as `O"Brien\` cannot end the string or break the style it is put in
 * (the printed page's margins show the person's name this way; see renderer/src/printPages.ts).
 */
export function cssString(text: string): string {
  let escaped = ''
  for (const character of text) {
    escaped += /[\p{L}\p{N} ]/u.test(character) ? character : `\\${character.codePointAt(0)!.toString(16)} `
  }
  return `"${escaped}"`
}
