/**
 * Keeps the name tags over others' carets inside their text box. Lexical places each caret (an
 * absolutely placed span in the cursors container, relative to `surface`) and hangs the name tag
 * above it to the right, so a caret on the first line or near the right edge would push its tag
 * out of the box, over the label or the next field. After every move, each tag is shifted left just
 * enough to fit, and dropped below the caret when there is no room above it.
 */
export function keepCaretLabelsInside(surface: HTMLElement, cursors: HTMLElement): () => void {
  const place = () => {
    for (const tag of Array.from(cursors.querySelectorAll<HTMLElement>('.richtext__cursor-name'))) {
      const caret = tag.parentElement
      if (!caret) continue
      const room = surface.clientWidth
      tag.style.setProperty('max-width', `${room}px`)
      // From the caret's left edge: normally 2 px left of it (lining up the tag's border with the caret).
      const left = Math.max(-caret.offsetLeft, Math.min(-2, room - caret.offsetLeft - tag.offsetWidth))
      setIfChanged(tag, 'left', `${left}px`)
      const below = caret.offsetTop < tag.offsetHeight
      setIfChanged(tag, 'top', below ? '100%' : 'auto')
      setIfChanged(tag, 'bottom', below ? 'auto' : '100%')
    }
  }
  // Lexical moves a caret by changing its style, and adds or removes carets as people come and go.
  const observer = new MutationObserver(place)
  observer.observe(cursors, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] })
  const resized = new ResizeObserver(place)
  resized.observe(surface)
  return () => {
    observer.disconnect()
    resized.disconnect()
  }
}

/** Writing only changes keeps the observer from waking itself for ever. */
function setIfChanged(element: HTMLElement, property: string, value: string): void {
  if (element.style.getPropertyValue(property) !== value) element.style.setProperty(property, value)
}
