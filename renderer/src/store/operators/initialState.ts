import type { OperatorAccount } from '../../../../media-core/contracts/operators';
import type { LoadState } from '../types';

export interface OperatorsState {
  operatorAccounts: OperatorAccount[];
  operatorsLoad: LoadState;
  operatorsError: string | null;
  /** The account a change is on its way for ('' while creating one), so its row can
   *  show progress and refuse a second click. */
  operatorBusy: string | null;
}

export const initialOperatorsState: OperatorsState = {
  operatorAccounts: [],
  operatorsLoad: 'idle',
  operatorsError: null,
  operatorBusy: null,
};
