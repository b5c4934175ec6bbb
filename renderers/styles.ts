// The CSS of one output, added as a single <style> element inside it. Every rule is
// scoped to the output's root class (or to the tooltip's own id), so nothing leaks into
// the notebook. Colors come from VS Code's CSS variables: light, dark and high contrast.

export const ROOT_CLASS = 'regnb-out';
export const TOOLTIP_ID = 'regnb-tooltip';
export const TOOLTIP_THEME = 'regnb';

const R = `.${ROOT_CLASS}`;
const T = `#${TOOLTIP_ID}`;

export const OUTPUT_CSS = `
${R} { color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); line-height: 1.4; }
${R} .regnb-header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; margin: 2px 0 6px; }
${R} .regnb-name { font-weight: 600; font-size: 1.1em; }
${R} .regnb-meta { color: var(--vscode-descriptionForeground); }
${R} .regnb-badge { display: inline-block; padding: 0 7px; border-radius: 9px; border: 1px solid currentColor; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em; }
${R} .regnb-badge.completed { color: var(--vscode-testing-iconPassed, #388a34); }
${R} .regnb-badge.cancelled { color: var(--vscode-descriptionForeground, #717171); }
${R} .regnb-badge.failed { color: var(--vscode-errorForeground, #e51400); }
${R} .regnb-badge.diverged { color: var(--vscode-editorWarning-foreground, #bf8803); }
${R} .regnb-error { margin: 4px 0 8px; padding: 6px 8px; white-space: pre-wrap; font-family: var(--vscode-editor-font-family, monospace); font-size: 0.92em; border-left: 3px solid var(--vscode-errorForeground, #e51400); background: var(--vscode-textBlockQuote-background, transparent); }
${R} .regnb-error.diverged { border-left-color: var(--vscode-editorWarning-foreground, #bf8803); }
${R} .regnb-error.cancelled { border-left-color: var(--vscode-descriptionForeground, #717171); }
${R} .regnb-guidance { margin: 4px 0 10px; }
${R} .regnb-section-title { font-weight: 600; }
${R} ul.regnb-findings { margin: 2px 0 6px; padding-left: 18px; }
${R} ul.regnb-findings li.warning::marker { color: var(--vscode-editorWarning-foreground, #b89500); }
${R} .regnb-equivalents code { font-family: var(--vscode-editor-font-family, monospace); white-space: pre-wrap; }
${R} .regnb-note { color: var(--vscode-descriptionForeground); font-size: 0.92em; margin: 2px 0 6px; }
${R} .regnb-tables { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px 28px; margin: 4px 0 10px; }
${R} table.regnb-table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
${R} table.regnb-table caption { text-align: left; font-weight: 600; padding-bottom: 2px; }
${R} table.regnb-table th, ${R} table.regnb-table td { padding: 2px 10px 2px 0; text-align: right; border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.3)); }
${R} table.regnb-table th { font-weight: 600; color: var(--vscode-descriptionForeground); }
${R} table.regnb-table th:first-child, ${R} table.regnb-table td:first-child, ${R} table.regnb-table td.text { text-align: left; }
${R} table.regnb-table tr.total td { font-weight: 600; border-bottom: none; }
${R} .regnb-charts { display: flex; flex-direction: column; gap: 14px; }
${R} .regnb-panel { border: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.25)); border-radius: 4px; padding: 6px 8px 4px; background: var(--vscode-editor-background); }
${R} .regnb-panel-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; margin-bottom: 2px; min-height: 4px; }
${R} .regnb-controls, ${R} .regnb-exports { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; }
${R} .regnb-exports { margin-left: auto; gap: 6px; }
${R} .regnb-segmented { display: inline-flex; align-items: center; }
${R} .regnb-segmented-label { color: var(--vscode-descriptionForeground); margin-right: 4px; font-size: 0.92em; }
${R} .regnb-button { font: inherit; font-size: 0.9em; padding: 1px 8px; cursor: pointer; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); border-radius: 2px; }
${R} .regnb-button:hover { background: var(--vscode-button-secondaryHoverBackground); }
${R} .regnb-button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
${R} .regnb-segmented .regnb-button { border-radius: 0; }
${R} .regnb-segmented .regnb-button:first-of-type { border-radius: 2px 0 0 2px; }
${R} .regnb-segmented .regnb-button:last-of-type { border-radius: 0 2px 2px 0; }
${R} .regnb-button[aria-pressed='true'] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); outline: 1px solid var(--vscode-contrastActiveBorder, transparent); outline-offset: -2px; }
${R} .regnb-chart { min-height: 40px; overflow-x: auto; }
${R} .regnb-chart svg { display: block; }
${R} .regnb-chart-error { color: var(--vscode-errorForeground); white-space: pre-wrap; }
${R} .regnb-progress { height: 4px; margin: 4px 0 6px; background: var(--vscode-editorWidget-background, rgba(128, 128, 128, 0.2)); border: 1px solid var(--vscode-contrastBorder, transparent); }
${R} .regnb-progress > div { height: 100%; width: 0; background: var(--vscode-progressBar-background, #0e70c0); transition: width 0.2s linear; }
${R} .regnb-status-line { font-variant-numeric: tabular-nums; }
${T} { visibility: hidden; position: fixed; z-index: 1000; padding: 4px 8px; font-family: var(--vscode-font-family, sans-serif); font-size: 12px; white-space: pre-line; pointer-events: none; color: var(--vscode-editorHoverWidget-foreground, var(--vscode-editor-foreground)); background: var(--vscode-editorHoverWidget-background, var(--vscode-editor-background)); border: 1px solid var(--vscode-editorHoverWidget-border, rgba(128, 128, 128, 0.5)); box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0, 0, 0, 0.2)); }
${T}.visible { visibility: visible; }
${T} table { border-spacing: 0; }
${T} td { padding: 1px 0; vertical-align: top; }
${T} td.key { color: var(--vscode-descriptionForeground); padding-right: 8px; text-align: right; }
${T} td.value { font-variant-numeric: tabular-nums; }
`;
