// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkOrText } from '@/components/shared/LinkOrText';

afterEach(cleanup);

describe('LinkOrText', () => {
  it('links a web address', () => {
    render(<LinkOrText url="https://news.example/story">Story</LinkOrText>);
    expect(screen.getByRole('link', { name: 'Story' }).getAttribute('href')).toBe(
      'https://news.example/story',
    );
  });

  it('shows any other address as text, with nothing to click', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url', null]) {
      render(<LinkOrText url={url}>Story</LinkOrText>);
      expect(screen.queryByRole('link')).toBeNull();
      expect(screen.getByText('Story')).toBeDefined();
      cleanup();
    }
  });
});
