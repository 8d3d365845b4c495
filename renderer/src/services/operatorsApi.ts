import type { OperatorRole } from '../../../media-core/contracts/api';
import type { CreateOperatorRequest, OperatorAccount } from '../../../media-core/contracts/operators';
import type { ApiRequest } from './consoleApi';

/** Operator accounts: everyone reads, admins change (the core enforces it). */
export interface OperatorsApi {
  listOperators(token: string): Promise<OperatorAccount[]>;
  createOperator(token: string, request: CreateOperatorRequest): Promise<OperatorAccount>;
  setOperatorRole(token: string, username: string, role: OperatorRole): Promise<OperatorAccount>;
  resetOperatorPassword(token: string, username: string, password: string): Promise<void>;
  deleteOperator(token: string, username: string): Promise<void>;
}

const operatorPath = (username: string) => `/operators/${encodeURIComponent(username)}`;

export function createOperatorsApi(request: ApiRequest): OperatorsApi {
  return {
    listOperators: (token) => request<OperatorAccount[]>('/operators', { token }),
    createOperator: (token, body) => request<OperatorAccount>('/operators', { method: 'POST', token, body }),
    setOperatorRole: (token, username, role) => request<OperatorAccount>(operatorPath(username), { method: 'PATCH', token, body: { role } }),
    resetOperatorPassword: (token, username, password) =>
      request<void>(`${operatorPath(username)}/password`, { method: 'PUT', token, body: { password } }),
    deleteOperator: (token, username) => request<void>(operatorPath(username), { method: 'DELETE', token }),
  };
}
