// Small driver for VS Code's web workbench (code-server) through Playwright: what a person does,
// by keyboard where VS Code offers a shortcut, because that is stable across layouts.

import type { Locator, Page } from 'playwright-core';

const LONG = 60_000;

export interface ColouredSpan {
  text: string;
  /** `mtk<N>`; `mtk1` is the editor's default foreground, what plain text gets. */
  colour: string;
}

export class Workbench {
  constructor(readonly page: Page) {}

  async open(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: LONG });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: LONG });
  }

  /** Opens a file from the explorer and waits until VS Code shows its language in the status bar. */
  async openFile(name: string, languageLabel: string): Promise<void> {
    await this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: LONG });
    await this.page.locator('#status\\.editor\\.mode', { hasText: languageLabel }).waitFor({ timeout: LONG });
    await this.editor().click();
  }

  editor(): Locator {
    return this.page.locator('.editor-instance .monaco-editor .view-lines').first();
  }

  /** The visible text of the editor, one string per line. */
  async lines(): Promise<string[]> {
    const text = await this.editor().innerText();
    return text.replace(/\u00a0/g, ' ').split('\n');
  }

  /**
   * The coloured pieces of the first editor line that contains `text`: Monaco renders each run of
   * one colour as a span with class `mtk<N>`, N being the colour's index in the theme's colour map.
   */
  async colouredSpans(text: string): Promise<ColouredSpan[]> {
    const line = this.page.locator('.editor-instance .view-line', { hasText: text }).first();
    await line.waitFor({ timeout: LONG });
    return line.locator('span[class*="mtk"]').evaluateAll((spans) =>
      spans.map((span) => ({ text: (span.textContent ?? '').replace(/\u00a0/g, ' '), colour: /\bmtk\d+\b/.exec(span.className)?.[0] ?? '' })),
    );
  }

  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
  }

  async newLineAtEnd(): Promise<void> {
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Enter');
  }

  /**
   * Presses `keys` until `target` shows, closing whatever half-opened in between: the editor ignores
   * Ctrl+Space and Ctrl+. pressed before the language server answers or while a quick input closes.
   */
  async pressUntil(keys: readonly string[], target: Locator, what: string, attempts = 10): Promise<Locator> {
    for (let i = 0; i < attempts; i++) {
      for (const key of keys) await this.page.keyboard.press(key);
      try {
        await target.first().waitFor({ timeout: 3000 });
        return target.first();
      } catch {
        await this.page.keyboard.press('Escape');
      }
    }
    throw new Error(`${what} never showed (pressed ${keys.join(', ')} ${attempts} times)`);
  }

  /**
   * Closes the signature help that typing a space opens, if it opens within `ms`: drawn under the
   * suggest widget, its edges would show around the list in a screenshot.
   */
  async closeSignatureHelp(ms = 5000): Promise<void> {
    const hints = this.page.locator('.parameter-hints-widget.visible');
    try {
      await hints.waitFor({ timeout: ms });
    } catch {
      return;
    }
    // Escape closes an open suggest widget first, then the signature help
    for (let i = 0; i < 3 && (await hints.isVisible()); i++) {
      await this.page.keyboard.press('Escape');
      await hints.waitFor({ state: 'hidden', timeout: 1000 }).catch(() => {});
    }
  }

  /** The labels of the suggest widget once it lists `expected`. */
  async suggestions(expected: string): Promise<string[]> {
    const rows = this.page.locator('.suggest-widget .monaco-list-row');
    await this.pressUntil(['Control+Space'], rows.filter({ hasText: expected }), `a suggestion ${expected}`);
    return (await rows.allInnerTexts()).map((t) => t.split('\n')[0]);
  }

  async showHover(expected: string): Promise<Locator> {
    return this.pressUntil(['Control+K', 'Control+I'], this.page.locator('.monaco-hover:visible', { hasText: expected }), `a hover with ${expected}`);
  }

  /** Lets animations (quick inputs, widgets fading out) end before a screenshot. */
  async settle(ms = 700): Promise<void> {
    await this.page.waitForTimeout(ms);
  }

  async quickFix(title: string): Promise<Locator> {
    return this.pressUntil(['Control+.'], this.page.locator('.action-widget .monaco-list-row', { hasText: title }), `the quick fix ${title}`);
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: LONG });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: LONG });
    await this.page.keyboard.press('Enter');
  }

  /** Waits until a quick pick shows `question` as its title. */
  async waitForQuestion(question: string): Promise<void> {
    await this.page.locator('.quick-input-widget .quick-input-title', { hasText: question }).waitFor({ timeout: LONG });
  }

  /** Answers a quick pick once it asks `question`. */
  async answer(question: string, choice: string): Promise<void> {
    await this.waitForQuestion(question);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill(choice);
    await this.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: choice }).waitFor({ timeout: LONG });
    await this.page.keyboard.press('Enter');
  }
}
