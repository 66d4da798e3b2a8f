/**
 * Dramatis' mark: a rounded square with a name underlined the way pages mark
 * one (components/shared/design/tokens.css colours it). Decorative: the
 * product's name always stands beside it as text.
 */

/** The mark at `size` CSS pixels. */
export function BrandMark({ size = 24 }: { size?: number }) {
  return (
    <svg
      class="brand-mark"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="24" height="24" rx="6" fill="var(--color-accent)" />
      <path
        d="M7 5.5h4.2c3.9 0 6.3 2.4 6.3 6.1s-2.4 6.1-6.3 6.1H7z"
        fill="none"
        stroke="var(--color-on-accent)"
        stroke-width="2.2"
        stroke-linejoin="round"
      />
      <path d="M5 20.5h14" stroke="#f5a623" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}
