/**
 * The credit type an imported photo most likely takes, from what its file says, so the caption
 * editor opens prefilled; the picture editor confirms or changes it.
 */
import type { CreditKind } from '../article/credits';
import type { PhotoMetadata } from './metadata';

export function guessCredit(m: Pick<PhotoMetadata, 'creators' | 'credit' | 'source' | 'creatorJobTitle'>, paperShortName: string): { kind: CreditKind; names: string[] } {
  const names = m.creators.slice(0, 10).map((n) => n.slice(0, 40));
  const said = `${m.credit ?? ''} ${m.source ?? ''} ${m.creatorJobTitle ?? ''}`;
  if (/新华社|xinhua/i.test(said)) return { kind: names.length > 0 && /记者/.test(said) ? 'xinhua-staff' : 'xinhua-release', names };
  if (/资料/.test(said)) return { kind: 'file', names: [] };
  if (/受访者/.test(said)) return { kind: 'interviewee', names: [] };
  if (/通讯员/.test(said)) return { kind: 'correspondent', names };
  if (paperShortName !== '' && said.includes(paperShortName) && /记者/.test(said)) return { kind: 'staff', names };
  return { kind: 'plain', names };
}
