import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { createElement, Fragment, type ReactNode } from 'react';

/**
 * Message Markdown (bold, italic, strike, code, links, lists, quotes) turned into React elements,
 * never into an HTML string: markdown-it only tokenises (raw HTML off, so `<script>` stays text),
 * and this file builds elements from an allow-list of tags. A link keeps its target only when it is
 * http(s) or mailto; it opens in a new tab without giving that tab a handle on this one.
 */
const parser = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'paragraph',
  'newline',
  'escape',
  'entity',
  'emphasis',
  'strikethrough',
  'backticks',
  'link',
  'autolink',
  'linkify',
  'list',
  'blockquote',
  'fence',
  'code',
]);

const TAGS = new Set(['p', 'strong', 'em', 's', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'a', 'br']);

/** True for the link targets a message may carry. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  // Browsers drop tabs and newlines inside a scheme ("java\tscript:"); check what they would see.
  const compact = [...trimmed]
    .filter((c) => c.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
  if (compact.startsWith('http://') || compact.startsWith('https://') || compact.startsWith('mailto:')) {
    return trimmed;
  }
  return null;
}

export type TextRenderer = (text: string, key: string) => ReactNode;

interface Node {
  tag: string | null;
  token: Token | null;
  children: ReactNode[];
}

function element(node: Node, key: string): ReactNode {
  const { tag, token, children } = node;
  if (!tag || !TAGS.has(tag)) {
    return createElement(Fragment, { key }, ...children);
  }
  if (tag === 'a') {
    const href = safeHref(token?.attrGet('href'));
    if (!href) {
      return createElement('span', { key }, ...children);
    }
    return createElement('a', { key, href, target: '_blank', rel: 'noopener noreferrer' }, ...children);
  }
  if (tag === 'ol') {
    const start = Number(token?.attrGet('start'));
    return createElement('ol', { key, start: Number.isFinite(start) && start > 1 ? start : undefined }, ...children);
  }
  return createElement(tag, { key }, ...children);
}

function build(tokens: Token[], text: TextRenderer, prefix: string): ReactNode[] {
  const root: Node = { tag: null, token: null, children: [] };
  const stack: Node[] = [root];
  tokens.forEach((token, i) => {
    const key = `${prefix}${i}`;
    const top = stack[stack.length - 1];
    if (token.nesting === 1) {
      // Tight list items wrap their text in hidden paragraphs; those add no element.
      stack.push({ tag: token.hidden ? null : token.tag, token, children: [] });
      return;
    }
    if (token.nesting === -1) {
      const done = stack.pop();
      if (done && stack.length > 0) {
        stack[stack.length - 1].children.push(element(done, key));
      }
      return;
    }
    switch (token.type) {
      case 'inline':
        top.children.push(...build(token.children ?? [], text, `${key}.`));
        break;
      case 'text':
        top.children.push(text(token.content, key));
        break;
      case 'code_inline':
        top.children.push(createElement('code', { key }, token.content));
        break;
      case 'fence':
      case 'code_block':
        top.children.push(createElement('pre', { key }, createElement('code', null, token.content.replace(/\n$/, ''))));
        break;
      case 'softbreak':
      case 'hardbreak':
        top.children.push(createElement('br', { key }));
        break;
      default:
        // Anything not enabled above never reaches here; unknown leaves stay plain text.
        if (token.content) top.children.push(text(token.content, key));
    }
  });
  // Unbalanced input cannot happen with markdown-it, but never lose text if it did.
  while (stack.length > 1) {
    const done = stack.pop()!;
    stack[stack.length - 1].children.push(element(done, `${prefix}u${stack.length}`));
  }
  return root.children;
}

const plain: TextRenderer = (t) => t;

/** The message's Markdown as React nodes; `text` may decorate plain runs (mentions). */
export function renderMarkdown(source: string, text: TextRenderer = plain): ReactNode[] {
  return build(parser.parse(source, {}), text, 'm');
}
