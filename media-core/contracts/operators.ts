// Operator accounts as the console API manages them (/api/v1/operators). Only types and
// constants: no Node imports. The signed-in operator itself is `Operator` in api.ts.

import type { OperatorRole } from './api';

export const OPERATOR_ROLES = ['admin', 'viewer'] as const satisfies readonly OperatorRole[];

/** Letters, digits, dot, dash and underscore; starts with a letter or digit. */
export const OPERATOR_USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const OPERATOR_PASSWORD_MIN = 8;
export const OPERATOR_PASSWORD_MAX = 256;

export interface OperatorAccount {
  username: string;
  role: OperatorRole;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/v1/operators */
export interface CreateOperatorRequest {
  username: string;
  password: string;
  role: OperatorRole;
}

/** PATCH /api/v1/operators/:username */
export interface UpdateOperatorRequest {
  role: OperatorRole;
}

/** PUT /api/v1/operators/:username/password */
export interface ResetPasswordRequest {
  password: string;
}
