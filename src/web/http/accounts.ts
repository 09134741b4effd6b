import type { LoginBody, RegisterBody, User } from '../../contract/index.js';
import { request } from './request.js';

/** The account calls of docs/protocol.md ("Accounts"). Passwords travel only in request bodies. */

export const register = async (body: RegisterBody): Promise<User> =>
  (await request<{ user: User }>('POST', '/api/auth/register', body)).user;

export const login = async (body: LoginBody): Promise<User> => (await request<{ user: User }>('POST', '/api/auth/login', body)).user;

export const logoutEverywhere = (): Promise<void> => request('POST', '/api/auth/logout-all');

/** The server answers the same sentence whether or not the address has an account. */
export const requestPasswordReset = async (email: string): Promise<string> =>
  (await request<{ message: string }>('POST', '/api/auth/password-reset', { email })).message;

export const confirmPasswordReset = (token: string, password: string): Promise<void> =>
  request('POST', '/api/auth/password-reset/confirm', { token, password });

export const changePassword = (currentPassword: string, newPassword: string): Promise<void> =>
  request('POST', '/api/account/password', { currentPassword, newPassword });

export const changeEmail = async (email: string, password: string): Promise<string> =>
  (await request<{ email: string }>('POST', '/api/account/email', { email, password })).email;
