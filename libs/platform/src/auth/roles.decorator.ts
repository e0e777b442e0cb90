import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

export const ROLES_KEY = 'circle:roles';

/** Narrows a route to these roles (admins pass everywhere). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
