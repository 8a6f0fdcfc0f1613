import { isRelease, type VppRelease } from './schema/types';
import { DEFAULT_MAX_FILE_SIZE } from './analysis/analyze';
import type { SeverityOverrides, SeveritySetting } from './features/diagnostics';
import type { HoverDetail } from './features/docText';

/** The `vpp.*` settings as the server uses them. */
export interface VppSettings {
  release?: VppRelease;
  delayMs: number;
  severities: SeverityOverrides;
  maxFileSize: number;
  /** Diagnostics published per document at most; one notice stands for the rest. */
  maxDiagnostics: number;
  hoverDetail: HoverDetail;
  /** Folders whose C files add commands and sections (`vpp.sourceRoots`); empty: the workspace folders. */
  sourceRoots: string[];
}

export const DEFAULT_MAX_DIAGNOSTICS = 1000;

export const DEFAULT_SETTINGS: VppSettings = { delayMs: 200, severities: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, maxDiagnostics: DEFAULT_MAX_DIAGNOSTICS, hoverDetail: 'short', sourceRoots: [] };

const SEVERITIES = new Set<SeveritySetting>(['error', 'warning', 'information', 'hint', 'off']);

/** Reads the `vpp` settings section, tolerating anything a client or user may send. */
export function readSettings(raw: unknown): VppSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const version = typeof section.version === 'string' && isRelease(section.version) ? section.version : undefined;
  const diagnostics = (section.diagnostics && typeof section.diagnostics === 'object' ? section.diagnostics : {}) as Record<string, unknown>;
  const delay = Number(diagnostics.delayMs);
  const severities: Record<string, SeveritySetting> = {};
  for (const [key, value] of Object.entries(diagnostics)) {
    if (typeof value === 'string' && SEVERITIES.has(value as SeveritySetting)) severities[key.replace(/^vpp\./, '')] = value as SeveritySetting;
  }
  const maxFileSize = Number(section.maxFileSize);
  const maxPerFile = Number(diagnostics.maxPerFile);
  const hover = (section.hover && typeof section.hover === 'object' ? section.hover : {}) as Record<string, unknown>;
  return {
    release: version,
    delayMs: Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_SETTINGS.delayMs,
    severities,
    maxFileSize: Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_MAX_FILE_SIZE,
    maxDiagnostics: Number.isFinite(maxPerFile) && maxPerFile >= 1 ? Math.floor(maxPerFile) : DEFAULT_MAX_DIAGNOSTICS,
    hoverDetail: hover.detail === 'full' ? 'full' : 'short',
    sourceRoots: Array.isArray(section.sourceRoots) ? section.sourceRoots.filter((r): r is string => typeof r === 'string' && r.length > 0) : [],
  };
}
