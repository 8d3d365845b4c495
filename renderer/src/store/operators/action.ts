import type { OperatorRole } from '../../../../media-core/contracts/api';
import type { CreateOperatorRequest, OperatorAccount } from '../../../../media-core/contracts/operators';
import { busyAction, callWithSession } from '../sessionCall';
import type { ActionCreator, ActionResult } from '../types';
import { initialOperatorsState } from './initialState';

export interface OperatorsAction {
  loadOperators(): Promise<void>;
  createOperator(request: CreateOperatorRequest): Promise<ActionResult>;
  setOperatorRole(username: string, role: OperatorRole): Promise<ActionResult>;
  resetOperatorPassword(username: string, password: string): Promise<ActionResult>;
  deleteOperator(username: string): Promise<ActionResult>;
  internal_resetOperators(): void;
}

const byUsername = (accounts: OperatorAccount[]) => [...accounts].sort((a, b) => a.username.localeCompare(b.username));

export const createOperatorsActions: ActionCreator<OperatorsAction> = (set, get, { api }) => {
  const upsert = (account: OperatorAccount) =>
    set({ operatorAccounts: byUsername([...get().operatorAccounts.filter((a) => a.username !== account.username), account]) });

  return {
    async loadOperators() {
      if (get().operatorsLoad !== 'ready') set({ operatorsLoad: 'loading', operatorsError: null });
      const result = await callWithSession(get, (token) => api.listOperators(token));
      if (result.kind === 'ended') return;
      if (result.kind === 'failed') {
        set({ operatorsLoad: get().operatorsLoad === 'ready' ? 'ready' : 'error', operatorsError: result.error.message });
        return;
      }
      set({ operatorAccounts: byUsername(result.value), operatorsLoad: 'ready', operatorsError: null });
    },

    createOperator(request) {
      return busyAction(set, get, 'operatorBusy', '', (token) => api.createOperator(token, request), upsert);
    },

    setOperatorRole(username, role) {
      return busyAction(set, get, 'operatorBusy', username, (token) => api.setOperatorRole(token, username, role), upsert);
    },

    resetOperatorPassword(username, password) {
      return busyAction(set, get, 'operatorBusy', username, (token) => api.resetOperatorPassword(token, username, password), () => undefined);
    },

    deleteOperator(username) {
      return busyAction(set, get, 'operatorBusy',
        username,
        (token) => api.deleteOperator(token, username),
        () => set({ operatorAccounts: get().operatorAccounts.filter((a) => a.username !== username) }),
      );
    },

    internal_resetOperators() {
      set(initialOperatorsState);
    },
  };
};
