// The last line of defence before xterm (kubectl CVE-2021-25743 class): whatever the server sends,
// no escape sequence reaches the terminal. Drops every C0/C1 control character and DEL except
// \n and \t, then turns \n into \r\n for xterm.
export function escapeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "").replace(/\n/g, "\r\n");
}
