// Tiny safe DOM helpers: elements are built with createElement, text goes in with
// textContent, attributes with setAttribute. Output data (cell, layer, class names,
// error texts) is never parsed as HTML.

export type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  /** Class names, space-separated. */
  cls?: string;
  /** Text content (set with textContent). */
  text?: string;
  /** Attributes (never event handlers). */
  attrs?: Record<string, string>;
  /** Inline style properties. */
  style?: Partial<Record<'width' | 'height' | 'display' | 'color' | 'background' | 'minWidth', string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, opts: ElementOptions = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.cls) node.className = opts.cls;
  if (opts.text !== undefined) node.textContent = opts.text;
  for (const [name, value] of Object.entries(opts.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`refusing event attribute ${name}`);
    node.setAttribute(name, value);
  }
  for (const [prop, value] of Object.entries(opts.style ?? {})) {
    if (value !== undefined) node.style.setProperty(prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value);
  }
  append(node, children);
  return node;
}

/** Appends children; strings become text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of a node. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A <style> element holding the given CSS (our own rules only, never output data). */
export function styleElement(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  return style;
}

/** A button whose click runs `onClick` (errors reported through `onError`). */
export function button(label: string, title: string, onClick: () => unknown, onError?: (e: unknown) => void): HTMLButtonElement {
  const b = el('button', { cls: 'regnb-button', text: label, attrs: { type: 'button', title } });
  b.addEventListener('click', () => {
    try {
      const r = onClick();
      if (r instanceof Promise) r.catch((e) => onError?.(e));
    } catch (e) {
      onError?.(e);
    }
  });
  return b;
}

/** A file name made of safe characters only. */
export function safeFileName(name: string): string {
  const cleaned = String(name)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return cleaned || 'chart';
}
