// Part of the fake console API the slice tests use (see ../testing.ts). Not imported by the app.
import type { OperatorRole } from '../../../../media-core/contracts/api';
import type { CreateOperatorRequest, OperatorAccount } from '../../../../media-core/contracts/operators';
import type { ConsoleApi } from '../../services/consoleApi';
import { ConsoleApiError } from '../../services/consoleApiError';
import type { OperatorsApi } from '../../services/operatorsApi';

export type FakeMethod = keyof ConsoleApi;

const account = (username: string, role: OperatorRole): OperatorAccount => ({
  username,
  role,
  disabled: false,
  createdAt: '2024-10-01T00:00:00.000Z',
  updatedAt: '2024-10-01T00:00:00.000Z',
});

/** Operator accounts kept in memory; the base of the fake console API. */
export abstract class FakeOperatorsApi implements OperatorsApi {
  accounts: OperatorAccount[] = [account('admin', 'admin'), account('viewer', 'viewer')];
  readonly passwords = new Map<string, string>();

  /** Records the call, throws a failure queued for it, and checks the token. */
  protected abstract authorize(method: FakeMethod, token: string): void;

  async listOperators(token: string): Promise<OperatorAccount[]> {
    this.authorize('listOperators', token);
    return this.accounts;
  }

  async createOperator(token: string, request: CreateOperatorRequest): Promise<OperatorAccount> {
    this.authorize('createOperator', token);
    if (this.accounts.some((a) => a.username === request.username)) {
      throw new ConsoleApiError('CONFLICT', `an operator named "${request.username}" already exists`, 409);
    }
    const created = account(request.username, request.role);
    this.accounts = [...this.accounts, created];
    this.passwords.set(request.username, request.password);
    return created;
  }

  async setOperatorRole(token: string, username: string, role: OperatorRole): Promise<OperatorAccount> {
    this.authorize('setOperatorRole', token);
    const found = this.find(username);
    const updated = { ...found, role };
    this.accounts = this.accounts.map((a) => (a.username === username ? updated : a));
    return updated;
  }

  async resetOperatorPassword(token: string, username: string, password: string): Promise<void> {
    this.authorize('resetOperatorPassword', token);
    this.find(username);
    this.passwords.set(username, password);
  }

  async deleteOperator(token: string, username: string): Promise<void> {
    this.authorize('deleteOperator', token);
    this.find(username);
    this.accounts = this.accounts.filter((a) => a.username !== username);
  }

  private find(username: string): OperatorAccount {
    const found = this.accounts.find((a) => a.username === username);
    if (!found) throw new ConsoleApiError('NOT_FOUND', `no operator named "${username}"`, 404);
    return found;
  }
}
