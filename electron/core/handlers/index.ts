import type { Handlers } from '../dispatcher';
import type { Services } from '../services/index';
import { articleHandlers } from './articles';
import { sessionHandlers } from './session';
import { searchHandlers } from './search';
import { revisionHandlers } from './revisions';
import { importHandlers } from './importing';
import { workflowHandlers } from './workflow';
import { collaborationHandlers } from './collaboration';
import { administrationHandlers } from './administration';
import { proofreadingHandlers } from './proofreading';
import { photoHandlers } from './photos';
import { layoutHandlers } from './layout';
import { paperHandlers } from './paper';
import { interchangeHandlers } from './interchange';

/** The typing makes a contract method without a handler a compile error. */
export function createHandlers(s: Services): Handlers {
  return {
    ...sessionHandlers(s),
    ...articleHandlers(s),
    ...searchHandlers(s),
    ...revisionHandlers(s),
    ...importHandlers(s),
    ...workflowHandlers(s),
    ...collaborationHandlers(s),
    ...administrationHandlers(s),
    ...proofreadingHandlers(s),
    ...photoHandlers(s),
    ...layoutHandlers(s),
    ...paperHandlers(s),
    ...interchangeHandlers(s),
  };
}
