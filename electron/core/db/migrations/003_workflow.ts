/** Reserved for this migration's work; filled before it lands. */
export const sql = ``;
