/**
 * When a card opens and closes. A pointer that rests on a name for the hover
 * delay opens its card; one passing over text on its way elsewhere does not.
 * Leaving both the name and the card for a moment closes it, so the reader can
 * cross the gap between them. In click mode only clicks open and close.
 */

/** How the card should behave; read on every event so settings apply live. */
export interface HoverIntentOptions {
  /** Rest time on a name before its card opens (the reader's setting, 0–2000 ms). */
  delayMs: number;
  /** Grace time after leaving the name and the card before the card closes. */
  closeDelayMs: number;
  /** True: clicks open and close; hovering does nothing. */
  clickMode: boolean;
}

/** What hover intent asks of the card. */
export interface HoverIntentActions<M> {
  /** The reader is about to want a card: load the frame now so opening is instant. */
  preload(): void;
  open(mention: M, trigger: 'hover' | 'click'): void;
  close(): void;
}

/** Default grace before a card closes. */
export const CLOSE_DELAY_MS = 300;

/** The hover intent state machine; `M` is whatever identifies a mention. */
export class HoverIntent<M> {
  private hovered: M | null = null;
  private inCard = false;
  private openFor: M | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;

  /** Builds the machine; `options` is read on every event, so pass a live getter. */
  constructor(
    private readonly options: () => HoverIntentOptions,
    private readonly actions: HoverIntentActions<M>,
  ) {}

  /** The pointer is now over `mention` (null: over no mention). */
  pointerOver(mention: M | null): void {
    if (mention === this.hovered) return;
    this.hovered = mention;
    clearTimeout(this.openTimer);
    if (this.options().clickMode) return;
    if (mention === null) {
      if (this.openFor !== null && !this.inCard) this.scheduleClose();
      return;
    }
    this.actions.preload();
    clearTimeout(this.closeTimer);
    if (mention === this.openFor) return;
    this.openTimer = setTimeout(() => this.open(mention, 'hover'), this.options().delayMs);
  }

  /** The pointer entered (true) or left (false) the card. */
  pointerInCard(inside: boolean): void {
    this.inCard = inside;
    if (inside) clearTimeout(this.closeTimer);
    else if (!this.options().clickMode && this.hovered !== this.openFor) this.scheduleClose();
  }

  /** A click on the page (not in the card), on `mention` or on nothing. */
  click(mention: M | null): void {
    if (mention !== null) {
      clearTimeout(this.openTimer);
      this.actions.preload();
      if (mention !== this.openFor) this.open(mention, 'click');
    } else if (this.openFor !== null) this.close();
  }

  /** The card was opened some other way (keyboard); pointer moves alone will not close it. */
  openedElsewhere(mention: M): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.openFor = mention;
    this.hovered = null;
  }

  /** The card closed some other way (Escape, its close button, settings). */
  closedElsewhere(): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.openFor = null;
    this.inCard = false;
  }

  /** The mention the card is open for, if any. */
  get current(): M | null {
    return this.openFor;
  }

  private open(mention: M, trigger: 'hover' | 'click'): void {
    clearTimeout(this.closeTimer);
    this.openFor = mention;
    this.actions.open(mention, trigger);
  }

  private close(): void {
    this.closedElsewhere();
    this.actions.close();
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(), this.options().closeDelayMs);
  }
}
