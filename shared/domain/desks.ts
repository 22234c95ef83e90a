/**
 * The paper's 部门 (desks), as the administrator keeps them: a story's desk is one of them or none,
 * so 经济 and 经济部 cannot become two desks. A desk taken off the list stays on the stories that
 * have it until someone changes it.
 */
export const DESKS_SETTING = 'paper.desks';
export const MAX_DESK_LENGTH = 40;
export const MAX_DESKS = 100;

/** Why `desk` cannot be a story's desk, or null when it can; names the listed desk it was probably meant to be. */
export function deskRefusal(desk: string, desks: readonly string[]): string | null {
  if (desk === '' || desks.includes(desk)) return null;
  const near = desks.find((d) => d.startsWith(desk) || desk.startsWith(d));
  const hint = near ? `（是不是“${near}”？）` : '';
  return `部门“${desk}”不在本报的部门列表中${hint}，请从列表中选择；管理员可在“用户与角色 › 部门”里增加。`;
}

/** Why a new list cannot be kept, or null: each desk once, none empty. */
export function deskListRefusal(desks: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const desk of desks) {
    if (desk === '') return '部门名称不能为空';
    if (seen.has(desk)) return `部门“${desk}”重复了`;
    seen.add(desk);
  }
  return null;
}
