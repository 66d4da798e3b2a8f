// @vitest-environment happy-dom
/** A message with elements at its placeholders renders as one sentence, the elements in place. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { Message } from '@/components/shared/Message';

afterEach(cleanup);

it('puts the element where the message places it', () => {
  const { container } = render(<Message id="hoverHelp" parts={[<kbd>Esc</kbd>]} />);
  expect(container.textContent).toMatch(
    /Move into the card to keep it open; press Esc to close it\.$/,
  );
  expect(container.querySelector('kbd')?.textContent).toBe('Esc');
});

it('keeps a link inside its sentence', () => {
  const { container } = render(
    <Message id="tryDemo" parts={[<a href="http://127.0.0.1:5178/">local demo articles</a>]} />,
  );
  expect(container.innerHTML).toBe(
    'Try it now on the <a href="http://127.0.0.1:5178/">local demo articles</a>.',
  );
});
