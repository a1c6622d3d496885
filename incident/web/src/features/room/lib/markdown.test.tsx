import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from './markdown';

const html = (md: string) => render(<div data-testid="md">{renderMarkdown(md)}</div>).getByTestId('md').innerHTML;

describe('message Markdown', () => {
  it('renders bold, italic, strike, code, lists and quotes', () => {
    const out = html('**Press 4** is *down*, ~~fixed~~ `E-42`\n\n- oil\n- seal\n\n1. stop\n2. lock\n\n> safety first');
    expect(out).toContain('<strong>Press 4</strong>');
    expect(out).toContain('<em>down</em>');
    expect(out).toContain('<s>fixed</s>');
    expect(out).toContain('<code>E-42</code>');
    expect(out).toContain('<ul><li>oil</li><li>seal</li></ul>');
    expect(out).toContain('<ol><li>stop</li><li>lock</li></ol>');
    expect(out).toContain('<blockquote><p>safety first</p></blockquote>');
  });

  it('keeps raw HTML as text: a <script> comes out inert', () => {
    const { container } = render(<div>{renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(2)>')}</div>);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('a javascript: link is plain text, never a link', () => {
    const { container } = render(<div>{renderMarkdown('[click](javascript:alert(1)) [x](JaVaScRiPt:alert(1)) [d](data:text/html,hi)')}</div>);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toContain('click');
  });

  it('links open in a new tab without a handle on this one', () => {
    const { container } = render(<div>{renderMarkdown('see [manual](https://example.com/m) or https://example.org')}</div>);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/m', 'https://example.org']);
    links.forEach((a) => {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    });
  });

  it('accepts only http, https and mailto targets', () => {
    expect(safeHref('https://x.y')).toBe('https://x.y');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('java\tscript:alert(1)')).toBeNull();
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });

  it('keeps line breaks and code blocks, and lets plain runs be decorated', () => {
    const { container } = render(<div>{renderMarkdown('line one\nline two\n\n```\nrm -rf <b>\n```', (t, k) => <span key={k} data-run>{t}</span>)}</div>);
    expect(container.querySelector('br')).not.toBeNull();
    expect(container.querySelector('pre code')?.textContent).toBe('rm -rf <b>');
    expect(container.querySelectorAll('[data-run]').length).toBeGreaterThan(0);
  });
});
