import * as Y from 'yjs'
import {
  BLUR_COMMAND,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_EDITOR,
  FOCUS_COMMAND,
  getActiveElement,
  mergeRegister,
  REDO_COMMAND,
  SKIP_COLLAB_TAG,
  UNDO_COMMAND,
  $getRoot,
  type LexicalEditor,
} from 'lexical'
import {
  createUndoManager,
  createYjsBinding,
  initLocalState,
  setLocalStateFocus,
  syncCursorPositions,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type BaseBinding,
  type Binding,
} from '@lexical/yjs'
import type { PresenceUser } from '../../../shared/presence'
import { fieldProvider, type AwarenessSource } from './fieldAwareness'
import { richTextRootName } from '../../../shared/plan/narrativeText'

/**
 * Binds one Lexical editor to one field of the plan's Y.Doc (the `richText:<fieldKey>` XmlText,
 * see shared/plan/narrativeText.ts), using @lexical/yjs 0.52.0's V1 binding. No React, so tests run it
 * headless with the very code the app runs.
 *
 * Why not @lexical/react's CollaborationPlugin, which has `rootName` for exactly this: it is
 * written for a provider and a fresh Y.Doc per editor. (1) It never loads what the Y.Doc already
 * holds: content reaches the editor only as Yjs events, so a field mounted after the plan has
 * synced (every field, every time) stays empty, and typing into it then writes beside the real
 * content (facebook/lexical#4999, open). (2) It connects and disconnects the provider as it
 * mounts and unmounts, which for the plan's one WebsocketProvider would cut the whole plan off
 * when one field goes away. (3) It replaces the window's whole awareness state. (4) Its
 * Y.UndoManager is never destroyed, so each remount would leave one listening on the plan doc.
 * This does what the plugin does, with the exported @lexical/yjs functions, plus the load and
 * the clean-up.
 *
 * The load calls the same three CollabElementNode methods @lexical/yjs itself uses to build a
 * block that arrives with content (createLexicalNodeFromCollabNode in its Utils.ts). They are
 * public methods of the binding's root but not documented API: re-check them on any upgrade.
 */

export interface FieldBindingOptions {
  doc: Y.Doc
  /** The plan's WebsocketProvider (or anything with its awareness). */
  source: AwarenessSource
  fieldKey: string
  /** Names this window's cursor until the window's own `user` is in awareness. */
  user: PresenceUser
  /** Where remote carets are drawn; its offsetParent must be positioned. Null headless. */
  cursorsContainer: BaseBinding['cursorsContainer']
  /**
   * Told after this window's own typing changed the field (not others' edits, not undo), for
   * example to record who has written in it. Runs after the change's transaction has finished.
   */
  onLocalEdit?: () => void
}

export interface FieldBinding {
  binding: Binding
  undoManager: Y.UndoManager
  dispose(): void
}

/** Fields bound in this window, per doc: two live bindings on one root would corrupt each other. */
const bound = new WeakMap<Y.Doc, Set<string>>()

export function bindField(editor: LexicalEditor, options: FieldBindingOptions): FieldBinding {
  const { doc, source, fieldKey, user } = options
  const rootName = richTextRootName(fieldKey)
  const inDoc = bound.get(doc) ?? new Set<string>()
  if (inDoc.has(fieldKey)) throw new Error(`The field “${fieldKey}” already has an editor bound in this window.`)
  inDoc.add(fieldKey)
  bound.set(doc, inDoc)

  const provider = fieldProvider(source, fieldKey, user)
  const root = doc.get(rootName, Y.XmlText)
  // A binding caches its collab nodes on the shared types (`_collabNode`) and a later binding
  // would reuse them, children and all; so each binding starts from uncached types.
  forgetCollabNodes(root)
  const binding = createYjsBinding({ editor, id: fieldKey, doc, docMap: new Map([[fieldKey, doc]]), rootName })
  binding.cursorsContainer = options.cursorsContainer

  // What the doc already holds, into the editor, marked as collaboration so it is not written back.
  editor.update(
    () => {
      binding.root.syncPropertiesFromYjs(binding, null)
      binding.root.applyChildrenYjsDelta(binding, root.toDelta())
      binding.root.syncChildrenFromYjs(binding)
    },
    { discrete: true, skipTransforms: true, tag: COLLABORATION_TAG },
  )

  const onYjsChanges = (events: Y.YEvent<Y.XmlText>[], transaction: Y.Transaction) => {
    if (transaction.origin === binding) {
      // Not inside this observer: a write here would join the transaction being cleaned up.
      if (options.onLocalEdit) queueMicrotask(options.onLocalEdit)
      return
    }
    syncYjsChangesToLexical(binding, provider, events, transaction.origin instanceof Y.UndoManager)
  }
  root.observeDeep(onYjsChanges)

  const undoManager = createUndoManager(binding, root)
  const updateCanUndo = () => {
    editor.dispatchCommand(CAN_UNDO_COMMAND, undoManager.undoStack.length > 0)
    editor.dispatchCommand(CAN_REDO_COMMAND, undoManager.redoStack.length > 0)
  }
  undoManager.on('stack-item-added', updateCanUndo)
  undoManager.on('stack-item-popped', updateCanUndo)
  undoManager.on('stack-cleared', updateCanUndo)

  const rootElement = editor.getRootElement()
  initLocalState(provider, user.name, user.colour, rootElement !== null && getActiveElement(rootElement) === rootElement, {})
  const onAwareness = () => syncCursorPositions(binding, provider)
  provider.awareness.on('update', onAwareness)

  const unregister = mergeRegister(
    editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (tags.has(SKIP_COLLAB_TAG)) return
      syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags)
      // Local typing moves the text under other people's carets; redraw them where they now are.
      syncCursorPositions(binding, provider)
    }),
    editor.registerCommand(UNDO_COMMAND, () => {
      undoManager.undo()
      return true
    }, COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(REDO_COMMAND, () => {
      undoManager.redo()
      return true
    }, COMMAND_PRIORITY_EDITOR),
    // Focus and blur only say where this window's caret is; other handlers still run (false).
    editor.registerCommand(FOCUS_COMMAND, () => {
      setLocalStateFocus(provider, user.name, user.colour, true, {})
      return false
    }, COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(BLUR_COMMAND, () => {
      setLocalStateFocus(provider, user.name, user.colour, false, {})
      return false
    }, COMMAND_PRIORITY_EDITOR),
  )

  let disposed = false
  return {
    binding,
    undoManager,
    dispose() {
      if (disposed) return
      disposed = true
      unregister()
      provider.awareness.off('update', onAwareness)
      root.unobserveDeep(onYjsChanges)
      undoManager.destroy()
      // Remove the carets drawn here, and this window's caret from the field.
      syncCursorPositions(binding, provider, { getAwarenessStates: () => new Map() })
      provider.awareness.setLocalState(null)
      binding.root.destroy(binding)
      // Empty the editor without touching the doc, so a rebind (StrictMode, a remount) starts clean.
      editor.update(() => $getRoot().clear(), { discrete: true, tag: SKIP_COLLAB_TAG })
      forgetCollabNodes(root)
      inDoc.delete(fieldKey)
    },
  }
}

/** Drops the collab nodes a binding cached on a field's shared types (the whole subtree). */
function forgetCollabNodes(type: Y.XmlText): void {
  Reflect.deleteProperty(type, '_collabNode')
  for (const op of type.toDelta() as { insert: unknown }[]) {
    const insert = op.insert
    if (insert instanceof Y.XmlText) forgetCollabNodes(insert)
    else if (insert instanceof Y.AbstractType) Reflect.deleteProperty(insert, '_collabNode')
  }
}
