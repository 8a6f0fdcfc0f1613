import type { BrowserContext, Page } from 'playwright-core';

export function chromiumPath(): string;
export function launchBrowser(size?: { width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }>;
