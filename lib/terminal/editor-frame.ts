// Editor frames come from our own sim/editor code, but they carry the learner's and the cluster's
// file content. sim/editor cleans the content it draws; this filter is the browser's own last line
// of defence (as escape.ts is for command output): only the sequences the editors use pass —
// the alternate screen, cursor moves, line erase and colours (SGR); every other control character
// or sequence (OSC titles and hyperlinks, DCS, mode changes, ...) is dropped.

// eslint-disable-next-line no-control-regex
const ALLOWED = /^(?:\x1b\[\?1049[hl]|\x1b\[\d{0,4}(?:;\d{0,4})?H|\x1b\[[0-2]?[KJ]|\x1b\[[\d;]{0,16}m|\r|\n)$/;
// A whole CSI sequence (so an unknown one leaves no "[?1000h" behind), or one control character.
// eslint-disable-next-line no-control-regex
const TOKEN = /\x1b\[[0-9;?<=>]*[\x20-\x2f]*[\x40-\x7e]|[\x00-\x1f\x7f-\x9f]/g;

export function filterEditorFrame(frame: string): string {
  return frame.replace(TOKEN, (m) => (ALLOWED.test(m) ? m : ""));
}
