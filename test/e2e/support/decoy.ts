/**
 * What a clickjacking page does (issue 16): covers everything with a decoy that
 * lets the pointer through, appended after the card's host so it paints above
 * it at the same top z-index. Runs in the page's world (pass it to
 * `page.evaluate`); `removeDecoy` takes it away again.
 */
export function coverWithDecoy(): void {
  const decoy = document.createElement('div');
  decoy.id = 'decoy';
  decoy.textContent = 'Click here to claim your prize';
  decoy.style.cssText =
    'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:rgb(255 255 255 / 0.97);font-size:40px';
  document.documentElement.append(decoy);
}

/** Takes the decoy of {@link coverWithDecoy} away. */
export function removeDecoy(): void {
  document.getElementById('decoy')?.remove();
}
