export interface MentionCandidate {
  id: string;
  username: string;
  displayName: string;
}

/**
 * Users named in a comment as `@username` or `@姓名`. Chinese names run into
 * the following text (“@王海燕请核实”), so a name matches as a prefix; the
 * longest name wins, so @王海燕 is not read as a shorter @王海.
 */
export function findMentions(text: string, users: readonly MentionCandidate[]): string[] {
  const names = users
    .flatMap((u) => [
      { id: u.id, name: u.username.toLowerCase(), latin: true },
      { id: u.id, name: u.displayName, latin: false },
    ])
    .filter((n) => n.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const rest = text.slice(at + 1);
    const lower = rest.toLowerCase();
    const hit = names.find((n) => (n.latin ? lower.startsWith(n.name) && !/^[A-Za-z0-9_.-]/.test(rest.slice(n.name.length)) : rest.startsWith(n.name)));
    if (hit) found.add(hit.id);
  }
  return [...found];
}
